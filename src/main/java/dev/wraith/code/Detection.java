package dev.wraith.code;

import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import dev.wraith.model.ModelUse;
import java.util.List;

/** What one detector found in one file, plus warnings about the file (parse errors, odd encodings). */
public record Detection(List<Finding> findings, List<Deployment> deployments, List<ModelUse> models, List<String> warnings) {
  public static final Detection EMPTY = new Detection(List.of(), List.of(), List.of(), List.of());

  public Detection {
    findings = List.copyOf(findings);
    deployments = List.copyOf(deployments);
    models = List.copyOf(models);
    warnings = List.copyOf(warnings);
  }

  public static Detection ofFindings(List<Finding> findings) {
    return new Detection(findings, List.of(), List.of(), List.of());
  }

  public static Detection warning(String warning) {
    return new Detection(List.of(), List.of(), List.of(), List.of(warning));
  }
}

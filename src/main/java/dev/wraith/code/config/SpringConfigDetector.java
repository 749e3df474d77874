package dev.wraith.code.config;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.PathDetector;
import dev.wraith.code.SourceFile;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code config/spring}: Spring Boot application config ({@code application.yml}/{@code .yaml}/{@code .properties},
 * profile variants such as {@code application-prod.yml}, and {@code bootstrap.*}), which Quarkus and Micronaut name
 * the same way. What its keys configure (Spring AI's {@code spring.ai.<provider>.*}, {@code spring.ai.mcp.client.*}
 * connections and {@code spring.ai.mcp.server.*}, the LangChain4j starters' keys) comes from the catalogue's
 * {@code configKeys}; see {@link AppConfigFindings}. Read regardless of the prefilter: such files are few.
 */
public final class SpringConfigDetector extends PathDetector {
  private static final Pattern NAME = Pattern.compile("(application|bootstrap)(-[A-Za-z0-9_.-]+)?\\.(yml|yaml|properties)");

  private final AppConfigRules rules;

  public SpringConfigDetector(Catalogue catalogue) {
    super("config/spring", path -> NAME.matcher(path.substring(path.lastIndexOf('/') + 1)).matches());
    this.rules = AppConfigRules.of(catalogue);
  }

  @Override
  public Detection detect(SourceFile file) {
    String text = file.text();
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<ConfigEntries.Entry> entries;
    try {
      entries = file.path().endsWith(".properties") ? ConfigEntries.properties(text) : ConfigEntries.yaml(text);
    } catch (IOException | RuntimeException e) { // parser messages quote the input: name the file, not its content
      return Detection.warning(file.path() + ": not valid YAML; not scanned");
    }
    return new AppConfigFindings(rules, file.path()).analyse(entries).withEncodingWarning(file);
  }
}

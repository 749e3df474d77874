package dev.wraith.report;

import dev.wraith.redact.Redactor;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import dev.wraith.model.ScanReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code --format table}: the agents (files using AI) with their frameworks, providers, capabilities and
 * models; then each finding grouped by file; AI dependencies; deployment identities; layer warnings.
 */
public final class TableReporter implements Reporter {
  private static final int WARNINGS_SHOWN = 20;

  private final Redactor redactor;

  /** Redacting with the bundled catalogue's rules. */
  public TableReporter() {
    this(Redactor.bundled());
  }

  /** @param redactor every string written goes through it (the catalogue's, overlay included) */
  public TableReporter(Redactor redactor) {
    this.redactor = redactor;
  }

  @Override
  public String format() {
    return "table";
  }

  @Override
  public void write(ScanReport report, OutputStream out) throws IOException {
    CodeScan c = report.code();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "wraith %s · catalogue %s · code layer %s · %d files read, %d parsed, %.1f MB%n%n",
        report.tool().version(), report.tool().catalogueVersion(), c.status().state().id(), c.stats().filesRead(),
        c.stats().filesParsed(), c.stats().bytesRead() / 1e6));
    agents(b, c.agents());
    findings(b, c.findings());
    dependencies(b, c.findings());
    deployments(b, c.deployments());
    warnings(b, c.status().warnings());
    try (OutputStream lines = redactor.lines(out)) {
      lines.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void agents(StringBuilder b, List<CodeAgent> agents) {
    b.append("AI agents and clients in code: ").append(agents.size()).append('\n');
    if (agents.isEmpty()) {
      b.append("  none found\n\n");
      return;
    }
    TextTable t = new TextTable(48, "FILE", "ROLE", "FRAMEWORKS", "PROVIDERS", "CAPABILITIES", "MODELS", "SEVERITY");
    for (CodeAgent a : agents) {
      t.add(a.path(), a.role(), join(a.frameworks()), join(a.providers()), join(a.capabilities()), join(a.models()),
          a.severity().id());
    }
    b.append(t.render()).append('\n');
  }

  private static void findings(StringBuilder b, List<Finding> findings) {
    List<Finding> code = findings.stream().filter(f -> f.kind() != FindingKind.DEPENDENCY).toList();
    if (code.isEmpty()) return;
    b.append("Findings: ").append(code.size()).append('\n');
    TextTable t = new TextTable(60, "LOCATION", "RULE", "SEVERITY", "SUBJECT", "PROVIDER", "EVIDENCE", "DETAILS");
    for (Finding f : code) {
      String details = String.join(" ", f.capabilities());
      if (f.attributes().containsKey("model")) details = (details + " model=" + f.attributes().get("model")).trim();
      t.add(f.location().toString(), f.kind().id(), f.severity().id(), f.subject(), f.provider(), f.evidence(), details);
    }
    b.append(t.render()).append('\n');
  }

  private static void dependencies(StringBuilder b, List<Finding> findings) {
    List<Finding> deps = findings.stream().filter(f -> f.kind() == FindingKind.DEPENDENCY).toList();
    if (deps.isEmpty()) return;
    b.append("AI dependencies: ").append(deps.size()).append('\n');
    TextTable t = new TextTable(60, "MANIFEST", "PACKAGE", "VERSION", "SDK/FRAMEWORK");
    for (Finding f : deps) t.add(f.location().toString(), f.evidence(), f.attributes().getOrDefault("version", ""), f.subject());
    b.append(t.render()).append('\n');
  }

  private static void deployments(StringBuilder b, List<Deployment> deployments) {
    if (deployments.isEmpty()) return;
    b.append("Deployment identities: ").append(deployments.size()).append('\n');
    TextTable t = new TextTable(60, "SOURCE", "KIND", "NAME", "IMAGES", "COMMAND", "SCRIPTS");
    for (Deployment d : deployments) {
      t.add(d.location().toString(), d.kind().id() + "/" + d.workloadKind(),
          (d.namespace().isEmpty() ? "" : d.namespace() + "/") + d.name(), join(d.images()),
          d.commands().isEmpty() ? "" : d.commands().get(0), join(d.scripts()));
    }
    b.append(t.render()).append('\n');
  }

  private static void warnings(StringBuilder b, List<String> warnings) {
    if (warnings.isEmpty()) return;
    b.append("Warnings: ").append(warnings.size()).append('\n');
    warnings.stream().limit(WARNINGS_SHOWN).forEach(w -> b.append("  ").append(w).append('\n'));
    if (warnings.size() > WARNINGS_SHOWN) {
      b.append("  … ").append(warnings.size() - WARNINGS_SHOWN).append(" more (use --format json for all)\n");
    }
  }

  private static String join(List<String> items) {
    return String.join(", ", items);
  }
}

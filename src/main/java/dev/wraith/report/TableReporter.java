package dev.wraith.report;

import dev.wraith.redact.Redactor;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Deployable;
import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import dev.wraith.model.ScanReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --format table}: a summary (agents by framework and provider, capabilities that raise risk, what was read,
 * how long it took), then one row per agent (deployable) with its path and the code layer's notes; with
 * {@code details}, every finding grouped by file, the AI dependencies and the deployment identities too. Layer
 * warnings last. Tables fit {@code width}.
 */
public final class TableReporter extends RedactingReporter<ScanReport> {
  /** The width when nothing says otherwise (not a terminal, no --width, no COLUMNS). */
  public static final int DEFAULT_WIDTH = 100;
  private static final int WARNINGS_SHOWN = 20;
  /** Continued lines of a note start under the first word after "note:". */
  private static final String NOTE = "note:", NOTE_MORE = " ".repeat(NOTE.length());
  private final int width;
  private final boolean details;

  public TableReporter(Redactor redactor) {
    this(DEFAULT_WIDTH, false, redactor);
  }

  /** @param details whether the every-finding tables follow the agents */
  public TableReporter(int width, boolean details) {
    this(width, details, Redactor.bundled());
  }

  /**
   * @param details whether the every-finding tables follow the agents
   * @param redactor every string written goes through it (the catalogue's, overlay included)
   */
  public TableReporter(int width, boolean details, Redactor redactor) {
    super("table", redactor);
    this.width = width;
    this.details = details;
  }

  @Override
  public void write(ScanReport report, OutputStream out) throws IOException {
    CodeScan c = report.code();
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "wraith %s · catalogue %s · code layer %s%n", report.tool().version(),
        report.tool().catalogueVersion(), c.status().state().id()));
    b.append(String.format(Locale.ROOT, "%s files read, %s parsed (%.1f MB) in %.1f s%n%n", count(c.stats().filesRead()),
        count(c.stats().filesParsed()), c.stats().bytesRead() / 1e6, c.stats().millis() / 1000.0));
    summary(b, c.deployables(), !c.status().notes().isEmpty());
    agents(b, c.deployables());
    notes(b, c.status().notes());
    if (details) {
      findings(b, c.findings());
      dependencies(b, c.findings());
      deployments(b, c.deployments());
    }
    warnings(b, c.status().warnings());
    if (!details && !c.findings().isEmpty()) {
      // "behind these agents" only where it is true: the units the notes leave out have findings of their own
      boolean allBehindAgents = !c.deployables().isEmpty() && c.status().notes().isEmpty();
      b.append(dev.wraith.model.Counted.of(c.findings().size(), "finding")).append(allBehindAgents ? " behind these agents" : "")
          .append(": --details lists every one; --format json or sarif for machines\n");
    }
    writeText(b, out);
  }

  private void summary(StringBuilder b, List<Deployable> agents, boolean noted) {
    b.append("Agents: ").append(agents.size());
    if (agents.isEmpty()) {
      b.append(noted ? " (see the notes below)\n\n" : " (no file in the scanned tree uses AI)\n\n");
      return;
    }
    Map<String, Integer> roles = new TreeMap<>();
    Map<String, Integer> frameworks = new TreeMap<>();
    Map<String, Integer> providers = new TreeMap<>();
    Map<String, Integer> risky = new TreeMap<>();
    for (Deployable a : agents) {
      roles.merge(a.role(), 1, Integer::sum);
      a.frameworks().forEach(f -> frameworks.merge(f, 1, Integer::sum));
      a.providers().forEach(p -> providers.merge(p, 1, Integer::sum));
      a.impliedProviders().forEach(p -> providers.merge(p + " (implied)", 1, Integer::sum));
      if (a.providers().isEmpty() && a.impliedProviders().isEmpty()) providers.merge("none named", 1, Integer::sum);
      a.capabilities().stream().filter(CodeAgent.RISKY_CAPABILITIES::contains).forEach(x -> risky.merge(x, 1, Integer::sum));
    }
    b.append(" (").append(counts(roles, ", ", width)).append(")\n");
    String indent = "  by framework   ";
    b.append(indent).append(frameworks.isEmpty() ? "none (SDK clients only)" : counts(frameworks, " · ", width - indent.length()))
        .append('\n');
    b.append("  by provider    ").append(counts(providers, " · ", width - indent.length())).append('\n');
    b.append("  raising risk   ").append(risky.isEmpty() ? "none (no code-exec, shell or filesystem tools)"
        : counts(risky, " · ", width - indent.length()) + " (tools that run code or commands, or touch files)").append("\n\n");
  }

  private void agents(StringBuilder b, List<Deployable> agents) {
    if (agents.isEmpty()) return;
    TextTable t = new TextTable(Integer.MAX_VALUE, "AGENT", "PATH", "ROLE", "FRAMEWORKS", "PROVIDERS", "CAPABILITIES")
        .paths(1).names(0).floor(0, 32).floor(1, 20).floor(2, 11).floor(4, 14);
    boolean implied = false;
    for (Deployable a : agents) {
      List<String> providers = new ArrayList<>(a.providers());
      a.impliedProviders().forEach(p -> providers.add(AgentText.implied(p)));
      implied |= !a.impliedProviders().isEmpty();
      t.add(a.name(), a.path(), a.role(), join(a.frameworks()), join(providers), join(a.capabilities()));
    }
    b.append(t.render(width));
    if (implied) b.append(AgentText.IMPLIED_NOTE).append('\n');
    b.append('\n');
  }

  private void findings(StringBuilder b, List<Finding> findings) {
    List<Finding> code = findings.stream().filter(f -> f.kind() != FindingKind.DEPENDENCY).toList();
    if (code.isEmpty()) return;
    b.append("Findings: ").append(code.size()).append('\n');
    TextTable t = new TextTable(60, "LOCATION", "RULE", "SEVERITY", "SUBJECT", "PROVIDER", "EVIDENCE", "DETAILS");
    for (Finding f : code) {
      String d = String.join(" ", f.capabilities());
      if (f.attributes().containsKey("model")) d = (d + " model=" + f.attributes().get("model")).trim();
      t.add(f.location().toString(), f.kind().id(), f.severity().id(), f.subject(), f.provider(), f.evidence(), d);
    }
    b.append(t.render(width)).append('\n');
  }

  private void dependencies(StringBuilder b, List<Finding> findings) {
    List<Finding> deps = findings.stream().filter(f -> f.kind() == FindingKind.DEPENDENCY).toList();
    if (deps.isEmpty()) return;
    b.append("AI dependencies: ").append(deps.size()).append('\n');
    TextTable t = new TextTable(60, "MANIFEST", "PACKAGE", "VERSION", "SDK/FRAMEWORK");
    for (Finding f : deps) t.add(f.location().toString(), f.evidence(), f.attributes().getOrDefault("version", ""), f.subject());
    b.append(t.render(width)).append('\n');
  }

  private void deployments(StringBuilder b, List<Deployment> deployments) {
    if (deployments.isEmpty()) return;
    b.append("Deployment identities: ").append(deployments.size()).append('\n');
    TextTable t = new TextTable(60, "SOURCE", "KIND", "NAME", "IMAGES", "COMMAND", "SCRIPTS");
    for (Deployment d : deployments) {
      t.add(d.location().toString(), d.kind().id() + "/" + d.workloadKind(),
          (d.namespace().isEmpty() ? "" : d.namespace() + "/") + d.name(), join(d.images()),
          d.commands().isEmpty() ? "" : d.commands().get(0), join(d.scripts()));
    }
    b.append(t.render(width)).append('\n');
  }

  /**
   * The code layer's notes (what it left out of the agents and why), all of them, each starting with {@code note:}
   * and folded at spaces to the width (a word longer than the line stays whole).
   */
  private void notes(StringBuilder b, List<String> notes) {
    if (notes.isEmpty()) return;
    for (String n : notes) {
      StringBuilder line = new StringBuilder(NOTE);
      for (String word : TextTable.printable(n).split(" ", -1)) {
        if (line.length() > NOTE.length() && line.length() + 1 + word.length() > width) {
          b.append(line).append('\n');
          line = new StringBuilder(NOTE_MORE);
        }
        line.append(' ').append(word);
      }
      b.append(line).append('\n');
    }
    b.append('\n');
  }

  private void warnings(StringBuilder b, List<String> warnings) {
    if (warnings.isEmpty()) return;
    b.append("Warnings: ").append(warnings.size()).append('\n');
    int shown = details ? WARNINGS_SHOWN : 3;
    warnings.stream().limit(shown).forEach(w -> b.append("  ").append(TextTable.printable(w)).append('\n'));
    if (warnings.size() > shown) {
      b.append("  … ").append(warnings.size() - shown).append(" more (")
          .append(details ? "" : "--details shows " + WARNINGS_SHOWN + ", ").append("--format json has all)\n");
    }
    b.append('\n');
  }

  /** "openai 19 · anthropic 4 · … +12 more": most frequent first, as many as fit in {@code room} characters. */
  private static String counts(Map<String, Integer> m, String sep, int room) {
    List<Map.Entry<String, Integer>> es = new ArrayList<>(m.entrySet());
    es.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < es.size(); i++) {
      String part = (i == 0 ? "" : sep) + TextTable.printable(es.get(i).getKey()) + " " + es.get(i).getValue();
      String more = sep + "+" + (es.size() - i - 1) + " more";
      boolean last = i == es.size() - 1;
      if (i > 0 && b.length() + part.length() + (last ? 0 : more.length()) > room) {
        return b.append(sep).append("+").append(es.size() - i).append(" more").toString();
      }
      b.append(part);
    }
    return b.toString();
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String join(List<String> items) {
    return String.join(", ", items);
  }
}

package dev.wraith.report;

import dev.wraith.redact.Redactor;
import dev.wraith.model.McpPackage;
import dev.wraith.model.McpFinding;
import dev.wraith.model.McpProbe;
import dev.wraith.model.McpTool;
import dev.wraith.model.McpScan;
import dev.wraith.model.ScanReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code wraith mcp} as a terminal table: one row per server, then warnings and a one-line summary. */
public final class McpTableReporter implements McpReporter {
  private static final String ROW = "%-3s %-20s %-10s %-6s %-48s %-30s %s%n";

  private final Redactor redactor;

  /** Redacting with the bundled catalogue's rules. */
  public McpTableReporter() {
    this(Redactor.bundled());
  }

  /** @param redactor every line written goes through it (the catalogue's, overlay included) */
  public McpTableReporter(Redactor redactor) {
    this.redactor = redactor;
  }

  @Override
  public String format() {
    return "table";
  }

  @Override
  public void write(ScanReport.Tool tool, McpScan scan, OutputStream out) throws IOException {
    PrintStream p = new PrintStream(redactor.lines(out), false, StandardCharsets.UTF_8);
    p.printf(ROW, "OK", "SERVER", "CLIENT", "VIA", "PACKAGE / URL", "SOURCE", "REASONS");
    for (McpFinding f : scan.findings()) {
      row(p, f);
      probe(p, f.probe());
    }
    for (String w : scan.warnings()) p.println("warning: " + w);
    long unverified = scan.findings().stream().filter(f -> !f.verdict().verified()).count();
    p.printf("%d MCP server(s) in %d config file(s), %d unverified (catalogue %s)%n", scan.findings().size(), scan.filesRead(),
        unverified, tool.catalogueVersion());
    if (scan.findings().stream().anyMatch(f -> f.probe().status() != McpProbe.Status.NOT_PROBED)) probeSummary(p, scan);
    p.flush();
  }

  private static void row(PrintStream p, McpFinding f) {
    var s = f.server();
    String what = !s.url().isEmpty() ? s.url()
        : s.pkg().name().isEmpty() ? s.command() : s.pkg().name() + version(s.pkg());
    p.printf(ROW, f.verdict().verified() ? "✔" : "⚠", cut(s.name(), 20), cut(s.client(), 10), s.transport().id(), cut(what, 48),
        cut(s.source(), 30), reasons(f.verdict().codes()));
  }

  /** Under a probed server: its status, then one line per tool with capabilities and warnings, then the stderr tail. */
  private static void probe(PrintStream p, McpProbe probe) {
    switch (probe.status()) {
      case NOT_PROBED -> {
        return;
      }
      case OK -> p.printf("    probe ok: %s %s, %d tool(s), %d prompt(s), %d resource(s)%n", cut(probe.serverName(), 60),
          cut(probe.serverVersion(), 30),
          probe.tools().size(), probe.prompts().size(), probe.resources().size());
      case FAILED, TIMEOUT, SKIPPED -> p.printf("    probe %s: %s%n", probe.status().id(), cut(probe.detail(), 240));
    }
    for (McpTool t : probe.tools()) {
      String caps = t.capabilities().isEmpty() ? "-" : String.join(",", t.capabilities());
      p.printf("      %s %-32s %-34s %s%n", t.warnings().isEmpty() ? " " : "⚠", cut(t.name(), 32), caps, String.join("; ", t.warnings()));
    }
    for (String w : probe.warnings()) p.println("      ⚠ " + cut(w, 200));
    for (String c : probe.changes()) p.println("      ⚠ rug pull? " + c);
    if (probe.status() != McpProbe.Status.OK) for (String l : probe.stderrTail()) p.println("      stderr| " + cut(l, 240));
  }

  private static void probeSummary(PrintStream p, McpScan scan) {
    long ok = scan.findings().stream().filter(f -> f.probe().status() == McpProbe.Status.OK).count();
    long tools = scan.findings().stream().mapToLong(f -> f.probe().tools().size()).sum();
    long flagged = scan.findings().stream().flatMap(f -> f.probe().tools().stream()).filter(t -> !t.warnings().isEmpty()).count();
    p.printf("probed: %d answered, %d failed or timed out; %d tool(s), %d with hidden-instruction warnings%n", ok,
        scan.findings().stream().filter(f -> f.probe().status() == McpProbe.Status.FAILED || f.probe().status() == McpProbe.Status.TIMEOUT).count(),
        tools, flagged);
  }

  /** As the ecosystem writes it: {@code pkg@1.2}, {@code repo:tag}, {@code repo@sha256:..}. */
  private static String version(dev.wraith.model.McpPackage p) {
    if (p.version().isEmpty()) return "";
    boolean tag = p.ecosystem() == dev.wraith.model.McpPackage.Ecosystem.IMAGE && !p.version().startsWith("sha256:");
    return (tag ? ":" : p.ecosystem() == dev.wraith.model.McpPackage.Ecosystem.PYPI ? "==" : "@") + p.version();
  }

  private static String reasons(List<String> r) {
    return r.isEmpty() ? "-" : String.join(", ", r);
  }

  /**
   * Cut to {@code n} characters, with invisible and control characters shown as {@code \\u{XXXX}}: a server picks its
   * own names, and bidi controls or zero-width characters in them must not rearrange or hide parts of the table.
   */
  private static String cut(String s, int n) {
    String v = TextTable.printable(s);
    return v.length() <= n ? v : v.substring(0, n - 1) + "…";
  }
}

package dev.wraith.report;

import dev.wraith.model.McpPackage;
import dev.wraith.model.McpFinding;
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

  @Override
  public String format() {
    return "table";
  }

  @Override
  public void write(ScanReport.Tool tool, McpScan scan, OutputStream out) throws IOException {
    PrintStream p = new PrintStream(out, false, StandardCharsets.UTF_8);
    p.printf(ROW, "OK", "SERVER", "CLIENT", "VIA", "PACKAGE / URL", "SOURCE", "REASONS");
    for (McpFinding f : scan.findings()) row(p, f);
    for (String w : scan.warnings()) p.println("warning: " + w);
    long unverified = scan.findings().stream().filter(f -> !f.verdict().verified()).count();
    p.printf("%d MCP server(s) in %d config file(s), %d unverified (catalogue %s)%n", scan.findings().size(), scan.filesRead(),
        unverified, tool.catalogueVersion());
    p.flush();
  }

  private static void row(PrintStream p, McpFinding f) {
    var s = f.server();
    String what = !s.url().isEmpty() ? s.url()
        : s.pkg().name().isEmpty() ? s.command() : s.pkg().name() + version(s.pkg());
    p.printf(ROW, f.verdict().verified() ? "✔" : "⚠", cut(s.name(), 20), cut(s.client(), 10), s.transport().id(), cut(what, 48),
        cut(s.source(), 30), reasons(f.verdict().reasons()));
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

  private static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}

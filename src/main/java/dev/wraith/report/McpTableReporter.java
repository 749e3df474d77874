package dev.wraith.report;

import dev.wraith.model.Inventory.InventoryMcpServer;
import dev.wraith.model.McpFinding;
import dev.wraith.model.McpProbe;
import dev.wraith.model.McpScan;
import dev.wraith.model.McpTool;
import dev.wraith.model.Risk;
import dev.wraith.model.ScanReport;
import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * {@code wraith mcp} as a terminal table: one row per server, riskiest first, with its risk and, under it, the reasons
 * for it in the words of scan-all's inventory (the rating is given: reporters do not rate); then what a probe found,
 * warnings and a summary. No server found is one sentence naming where wraith looked.
 */
public final class McpTableReporter extends McpReporter {
  private static final String ROW = "%-8s  %-20s  %-10s  %-5s  %-40s  %s%n";
  private static final String UNDER = " ".repeat(10);

  /** @param rating a server's risk and reasons, as the inventory lists it */
  public McpTableReporter(Redactor redactor, Function<McpFinding, InventoryMcpServer> rating) {
    super("table", redactor, rating);
  }

  @Override
  public void write(ToolScan<McpScan> input, OutputStream out) throws IOException {
    ScanReport.Tool tool = input.tool();
    McpScan scan = input.scan();
    List<Rated> rated = rated(scan);
    PrintStream p = printer(out);
    if (scan.findings().isEmpty()) {
      p.println("no MCP servers found in the MCP configs under " + (scan.roots().isEmpty() ? "the home directory"
          : String.join(", ", scan.roots())) + " (" + count(scan.filesRead(), "config file") + " read)");
    } else {
      p.printf(ROW, "RISK", "SERVER", "CLIENT", "VIA", "PACKAGE / URL", "SOURCE");
      List<Rated> rows = rated.stream().sorted(Comparator.comparing((Rated r) -> r.server().risk()).reversed()).toList();
      for (Rated r : rows) {
        row(p, r);
        for (String why : r.server().reasons()) p.println(UNDER + cut(why, 240));
        probe(p, r.finding().probe());
      }
    }
    for (String w : scan.warnings()) p.println("warning: " + w);
    summary(p, tool, scan, rated.stream().map(Rated::server).toList());
    p.flush();
  }

  private static void row(PrintStream p, Rated r) {
    var s = r.finding().server();
    String what = !s.url().isEmpty() ? s.url()
        : s.pkg().name().isEmpty() ? s.command() : s.pkg().name() + version(s.pkg());
    p.printf(ROW, r.server().risk().name(), (r.server().verified() ? "✔ " : "⚠ ") + cut(s.name(), 18), cut(s.client(), 10),
        s.transport().id(), cut(what, 40), cut(s.source(), 40));
  }

  /**
   * Under a probed server: what it answered and one line per tool with its capabilities (⚠ when the reasons above
   * quote its warnings), or the stderr tail of a server that did not answer (the reasons say how it failed).
   */
  private static void probe(PrintStream p, McpProbe probe) {
    switch (probe.status()) {
      case NOT_PROBED, FAILED, TIMEOUT -> { }
      case OK -> p.printf(UNDER + "probe ok: %s %s, %s, %s, %s%n", cut(probe.serverName(), 60), cut(probe.serverVersion(), 30),
          count(probe.tools().size(), "tool"), count(probe.prompts().size(), "prompt"), count(probe.resources().size(), "resource"));
      case SKIPPED -> p.println(UNDER + "probe skipped: " + cut(probe.detail(), 240));
    }
    for (McpTool t : probe.tools()) {
      String caps = t.capabilities().isEmpty() ? "-" : String.join(",", t.capabilities());
      p.printf(UNDER + "  %s %-32s %s%n", t.warnings().isEmpty() ? " " : "⚠", cut(t.name(), 32), caps);
    }
    if (probe.status() != McpProbe.Status.OK) for (String l : probe.stderrTail()) p.println(UNDER + "stderr| " + cut(l, 240));
  }

  private static void summary(PrintStream p, ScanReport.Tool tool, McpScan scan, List<InventoryMcpServer> servers) {
    long unverified = servers.stream().filter(s -> !s.verified()).count();
    StringBuilder risk = new StringBuilder();
    for (Risk level : List.of(Risk.CRITICAL, Risk.HIGH, Risk.MEDIUM, Risk.LOW)) {
      long n = servers.stream().filter(s -> s.risk() == level).count();
      risk.append(risk.isEmpty() ? "" : " · ").append(n).append(' ').append(level.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (!servers.isEmpty()) {
      p.printf("%s in %s, %d unverified; risk: %s (catalogue %s)%n", count(servers.size(), "MCP server"),
          count(scan.filesRead(), "config file"), unverified, risk, tool.catalogueVersion());
    }
    if (scan.findings().stream().anyMatch(f -> f.probe().status() != McpProbe.Status.NOT_PROBED)) probeSummary(p, scan);
  }

  private static void probeSummary(PrintStream p, McpScan scan) {
    long ok = scan.findings().stream().filter(f -> f.probe().status() == McpProbe.Status.OK).count();
    long failed = scan.findings().stream()
        .filter(f -> f.probe().status() == McpProbe.Status.FAILED || f.probe().status() == McpProbe.Status.TIMEOUT).count();
    long tools = scan.findings().stream().mapToLong(f -> f.probe().tools().size()).sum();
    long flagged = scan.findings().stream().flatMap(f -> f.probe().tools().stream()).filter(t -> !t.warnings().isEmpty()).count();
    p.printf("probed: %d answered, %d failed or timed out; %s, %d with hidden-instruction warnings%n", ok, failed,
        count(tools, "tool"), flagged);
  }

  /** "1 tool", "3 tools". */
  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** As the ecosystem writes it: {@code pkg@1.2}, {@code repo:tag}, {@code repo@sha256:..}. */
  private static String version(dev.wraith.model.McpPackage p) {
    if (p.version().isEmpty()) return "";
    boolean tag = p.ecosystem() == dev.wraith.model.McpPackage.Ecosystem.IMAGE && !p.version().startsWith("sha256:");
    return (tag ? ":" : p.ecosystem() == dev.wraith.model.McpPackage.Ecosystem.PYPI ? "==" : "@") + p.version();
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

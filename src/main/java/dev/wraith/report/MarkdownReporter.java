package dev.wraith.report;

import dev.wraith.redact.Redactor;
import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * report.md: what a CISO reads — summary per class, risk breakdown, every ghost in detail, the agents table, the MCP
 * servers and which layers ran. Table cells are escaped (pipes, newlines), so evidence cannot break the layout.
 */
public final class MarkdownReporter extends RedactingReporter<InventoryReport> {

  public MarkdownReporter(Redactor redactor) {
    super("report.md", redactor);
  }

  @Override
  public void write(InventoryReport input, OutputStream out) throws IOException {
    Inventory inv = input.inventory();
    StringBuilder b = new StringBuilder();
    b.append("# AI agent inventory\n\n");
    String roots = String.join(", ", inv.roots().stream().map(r -> "`" + r + "`").toList());
    b.append("Scan of ").append(inv.roots().isEmpty() ? "no code paths" : roots)
        .append(" at ").append(inv.scanTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(" by ").append(inv.tool().name()).append(' ').append(inv.tool().version())
        .append(" (catalogue ").append(inv.tool().catalogueVersion()).append(").\n\n");
    summary(inv, b);
    ghosts(inv, b);
    agents(inv, b);
    mcp(inv, b);
    layers(inv, b);
    legend(inv, b);
    writeText(b, out);
  }

  private static void summary(Inventory inv, StringBuilder b) {
    b.append("## Summary\n\n| Classification | Count | Description |\n|---|---:|---|\n");
    for (Classification c : Classification.values()) {
      b.append("| ").append(c.label()).append(" | ").append(inv.summary().get(c)).append(" | ").append(c.description()).append(" |\n");
    }
    b.append("\n## Risk\n\n| Risk | Agents |\n|---|---:|\n");
    for (Risk r : List.of(Risk.CRITICAL, Risk.HIGH, Risk.MEDIUM, Risk.LOW)) {
      b.append("| ").append(r.name()).append(" | ").append(inv.riskCounts().get(r)).append(" |\n");
    }
    b.append("\nMCP servers are rated separately and not counted here.\n\n");
  }

  /** A section's heading, and its text for nothing to list; false when there is nothing to list. */
  private static boolean section(StringBuilder b, String title, boolean empty, String none) {
    b.append("## ").append(title).append("\n\n");
    if (empty) b.append(none).append("\n\n");
    return !empty;
  }

  private static void ghosts(Inventory inv, StringBuilder b) {
    if (!section(b, "Ghosts", inv.ghosts().isEmpty(), "No ghosts: every runtime AI activity seen matches code or a known app.")) return;
    for (InventoryAgent g : inv.ghosts()) {
      b.append("### ").append(text(g.name())).append(" — ").append(g.risk().name())
          .append(g.suspected() ? " (suspected)" : "").append(g.inactive() ? " (inactive)" : "").append("\n\n");
      item(b, "Id", "`" + g.id() + "` (" + g.change().name().toLowerCase(java.util.Locale.ROOT) + ")");
      item(b, "Where", AgentText.where(g));
      g.process().ifPresent(p -> item(b, "Process", AgentText.process(p)));
      item(b, "Origin", AgentText.startedBy(g));
      for (String line : AgentText.auditLines(g)) item(b, "Audit log", line);
      if (g.connections().isEmpty()) item(b, "Calls", "no traffic observed; declares " + String.join(", ", g.providers()));
      for (var c : g.connections()) item(b, "Calls", AgentText.calls(c));
      item(b, "Since", AgentText.since(g, inv.scanTime()));
      for (String r : g.reach()) item(b, "Can reach", AgentText.reach(r));
      b.append("\nWhy:\n\n");
      for (String r : g.reasons()) b.append("- ").append(text(r)).append('\n');
      b.append("\nEvidence:\n\n");
      for (var e : g.evidence()) b.append("- **").append(e.layer()).append("**: ").append(text(e.detail())).append('\n');
      b.append('\n');
    }
  }

  private static void item(StringBuilder b, String name, String value) {
    b.append("- **").append(name).append("**: ").append(text(value)).append('\n');
  }

  private static void agents(Inventory inv, StringBuilder b) {
    if (!section(b, "Agents", inv.agents().isEmpty(), "No agents found.")) return;
    b.append("| Classification | Risk | Name | Where | Providers | Code | Change | Why |\n|---|---|---|---|---|---|---|---|\n");
    for (InventoryAgent a : inv.agents()) {
      String code = a.code().stream().map(c -> c.path()).distinct().map(p -> "`" + p + "`").reduce((x, y) -> x + "<br>" + y).orElse("");
      b.append("| ").append(AgentText.label(a)).append(" | ").append(a.risk().name()).append(" | ").append(cell(a.name()))
          .append(" | ").append(cell(AgentText.where(a))).append(" | ").append(cell(String.join(", ", a.providers())))
          .append(" | ").append(code.replace("|", "\\|")).append(" | ").append(a.change().name().toLowerCase(java.util.Locale.ROOT))
          .append(" | ").append(cell(a.reasons().isEmpty() ? "" : a.reasons().get(0))).append(" |\n");
    }
    b.append('\n');
  }

  private static void mcp(Inventory inv, StringBuilder b) {
    if (!section(b, "MCP servers", inv.mcpServers().isEmpty(), "No MCP server configurations found.")) return;
    b.append("| Name | Source | Runs | Verified | Risk | Why |\n|---|---|---|---|---|---|\n");
    for (var s : inv.mcpServers()) {
      String runs = s.url().isEmpty() ? s.command() : s.url();
      b.append("| ").append(cell(s.name())).append(" | ").append(cell(s.source())).append(" | ").append(cell(runs))
          .append(" | ").append(s.verified() ? "yes" : "no").append(" | ").append(s.risk().name()).append(" | ")
          .append(cell(String.join("; ", s.reasons()))).append(" |\n");
    }
    b.append('\n');
  }

  private static void layers(Inventory inv, StringBuilder b) {
    b.append("## Layers\n\n| Layer | Status | Reason |\n|---|---|---|\n");
    for (LayerStatus l : inv.layers()) {
      String why = l.reason();
      // a partial layer's reason is its one warning, or a count and the first: each warning once
      if (l.warnings().size() == 1 && l.warnings().get(0).equals(why)) why = "";
      if (!l.warnings().isEmpty()) why = (why.isEmpty() ? "" : why + "; ") + String.join("; ", l.warnings());
      for (String n : l.notes()) why = (why.isEmpty() ? "" : why + "; ") + "note: " + n;
      b.append("| ").append(l.layer()).append(" | ").append(l.state().id()).append(" | ").append(cell(why)).append(" |\n");
    }
  }

  /** The report's own terms a newcomer cannot know, one line each (see {@link Legend}). */
  private static void legend(Inventory inv, StringBuilder b) {
    List<Legend.Term> terms = Legend.terms(inv);
    if (terms.isEmpty()) return;
    b.append("\n## Terms\n\n");
    for (Legend.Term t : terms) b.append("- **").append(t.term()).append("**: ").append(text(t.meaning())).append('\n');
  }

  /** A table cell: pipes escaped, line breaks flattened, Markdown/HTML specials neutralised. */
  static String cell(String s) {
    return text(s).replace("|", "\\|");
  }

  /** Free text: no raw HTML and no line breaks that would end a list item. */
  static String text(String s) {
    return s.replace("\r", " ").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
  }
}

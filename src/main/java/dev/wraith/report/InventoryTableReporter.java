package dev.wraith.report;

import dev.wraith.redact.Redactor;
import dev.wraith.model.Classification;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Deployable;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The terminal view of a scan-all: the summary per class, the risk breakdown, one detail block per ghost (where it
 * runs, who started it, what it calls, since when, what it can reach, why), every agent in one table, the layers and
 * a legend of the report's own terms. ANSI colours only when the caller asks (it decides from the terminal and NO_COLOR).
 */
public final class InventoryTableReporter {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD_RED = "\u001b[1;31m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String GREEN = "\u001b[32m";
  private static final String CYAN = "\u001b[36m";
  private static final String DIM = "\u001b[2m";

  private final int width;
  private final Optional<CodeScan> code;
  private final Redactor redactor;

  /** At {@link TableReporter#DEFAULT_WIDTH} columns, without the code layer's paths, with the bundled catalogue's rules. */
  public InventoryTableReporter() {
    this(Redactor.bundled());
  }

  /** @param redactor every line written goes through it (the catalogue's, overlay included) */
  public InventoryTableReporter(Redactor redactor) {
    this(TableReporter.DEFAULT_WIDTH, Optional.empty(), redactor);
  }

  /**
   * @param width the columns tables fit in
   * @param code the scan's code layer: its deployables give each code agent its path and implied providers
   * @param redactor every line written goes through it (the catalogue's, overlay included)
   */
  public InventoryTableReporter(int width, Optional<CodeScan> code, Redactor redactor) {
    this.width = width;
    this.code = code;
    this.redactor = redactor;
  }

  public void write(Inventory inv, boolean colour, OutputStream out) throws IOException {
    Paint p = new Paint(colour);
    StringBuilder b = new StringBuilder();
    b.append(p.bold(inv.tool().name() + " " + inv.tool().version())).append(" · catalogue ").append(inv.tool().catalogueVersion())
        .append(" · scan ").append(inv.scanTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append("\n\n");
    summary(inv, p, b);
    b.append('\n').append("Risk: ");
    List<Risk> levels = List.of(Risk.CRITICAL, Risk.HIGH, Risk.MEDIUM, Risk.LOW);
    for (int i = 0; i < levels.size(); i++) {
      Risk r = levels.get(i);
      b.append(i == 0 ? "" : " · ").append(p.risk(r, inv.riskCounts().get(r) + " " + r.name().toLowerCase(java.util.Locale.ROOT)));
    }
    b.append('\n');
    for (InventoryAgent g : inv.ghosts()) ghost(g, inv.scanTime(), p, b);
    agents(inv, p, b);
    mcp(inv, p, b);
    layers(inv, b);
    legend(inv, b);
    try (OutputStream lines = redactor.lines(out)) {
      lines.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private void summary(Inventory inv, Paint p, StringBuilder b) {
    TextTable t = new TextTable(80, "Classification", "Count", "Description");
    for (Classification c : Classification.values()) t.add(c.label(), String.valueOf(inv.summary().get(c)), c.description());
    for (String line : t.render(width).lines().toList()) {
      Classification c = rowClass(line);
      b.append(c == null ? line : p.classification(c, line)).append('\n');
    }
  }

  private static Classification rowClass(String line) {
    for (Classification c : Classification.values()) if (line.startsWith(c.label() + " ")) return c;
    return null;
  }

  private static void ghost(InventoryAgent g, java.time.Instant scanTime, Paint p, StringBuilder b) {
    b.append('\n').append(p.classification(Classification.GHOST, AgentText.label(g) + " " + TextTable.printable(g.name())))
        .append("  ")
        .append(p.risk(g.risk(), g.risk().name())).append("  ").append(p.dim("id " + g.id() + " · " + g.change().name().toLowerCase(
            java.util.Locale.ROOT))).append('\n');
    field(b, "where", AgentText.where(g));
    g.process().ifPresent(pr -> field(b, "process", AgentText.process(pr)));
    field(b, "origin", AgentText.startedBy(g));
    AgentText.auditLines(g).forEach(line -> field(b, "", line));
    if (g.connections().isEmpty()) field(b, "calls", "no traffic observed; declares " + String.join(", ", g.providers()));
    for (int i = 0; i < g.connections().size(); i++) field(b, i == 0 ? "calls" : "", AgentText.calls(g.connections().get(i)));
    field(b, "since", AgentText.since(g, scanTime));
    for (int i = 0; i < g.reach().size(); i++) field(b, i == 0 ? "reach" : "", AgentText.reach(g.reach().get(i)));
    for (int i = 0; i < g.reasons().size(); i++) field(b, i == 0 ? "why" : "", g.reasons().get(i));
  }

  /** One line per MCP server: unverified ones first with a warning sign and their first reason. */
  private static void mcp(Inventory inv, Paint p, StringBuilder b) {
    if (inv.mcpServers().isEmpty()) return;
    b.append('\n').append(p.bold("MCP servers")).append('\n');
    List<Inventory.InventoryMcpServer> servers = inv.mcpServers().stream()
        .sorted(java.util.Comparator.comparing(Inventory.InventoryMcpServer::verified)
            .thenComparing(Inventory.InventoryMcpServer::risk, java.util.Comparator.reverseOrder())
            .thenComparing(Inventory.InventoryMcpServer::name)).toList();
    for (Inventory.InventoryMcpServer m : servers) {
      String what = !m.pkg().isEmpty() ? m.pkg() : !m.url().isEmpty() ? m.url() : m.command();
      String tools = m.tools().isEmpty() ? "" : ", " + m.tools().size() + " tools";
      if (m.verified()) {
        b.append("  ✔ Verified MCP server: ").append(TextTable.printable(m.name())).append(" (").append(TextTable.printable(what))
            .append(", ").append(m.source()).append(tools).append(")  ").append(p.risk(m.risk(), m.risk().name())).append('\n');
      } else {
        b.append("  ").append(p.risk(m.risk(), "⚠ Unverified MCP server: " + TextTable.printable(m.name()))).append(" (")
            .append(TextTable.printable(what)).append(", ").append(m.source()).append(tools).append(")  ")
            .append(p.risk(m.risk(), m.risk().name())).append('\n');
        if (!m.reasons().isEmpty()) b.append("      ").append(TextTable.printable(m.reasons().get(0))).append('\n');
      }
    }
  }

  private static void field(StringBuilder b, String name, String value) {
    b.append("  ").append(String.format("%-8s", name)).append(' ').append(TextTable.printable(value)).append('\n');
  }

  /** Every agent, one row each (ghosts too, after their detail blocks), so the rows add up to the summary's count. */
  private void agents(Inventory inv, Paint p, StringBuilder b) {
    List<InventoryAgent> rest = inv.agents();
    if (rest.isEmpty()) return;
    Map<String, Deployable> units = new HashMap<>();
    code.ifPresent(c -> c.deployables().forEach(d -> units.put(d.name(), d)));
    TextTable t = new TextTable(60, "Class", "Risk", "Name", "Path", "Where", "Providers", "Change").paths(3).names(2)
        .floor(0, 17).floor(2, 32).floor(3, 16).floor(4, 9).floor(5, 14).floor(6, 9);
    boolean implied = false;
    for (InventoryAgent a : rest) {
      Optional<Deployable> unit = a.code().isEmpty() ? Optional.empty() : Optional.ofNullable(units.get(a.name()));
      List<String> providers = new ArrayList<>(a.providers());
      List<String> impliedOnly = unit.map(u -> u.impliedProviders().stream().filter(x -> !a.providers().contains(x)).toList())
          .orElse(List.of());
      impliedOnly.forEach(x -> providers.add(AgentText.implied(x)));
      implied |= !impliedOnly.isEmpty();
      t.add(AgentText.label(a), a.risk().name(), a.name(), unit.map(Deployable::path).orElse(codePath(a)), AgentText.where(a),
          String.join(", ", providers), a.change().name().toLowerCase(java.util.Locale.ROOT));
    }
    b.append("\nAgents (").append(rest.size()).append(")\n");
    for (String line : t.render(width).lines().toList()) {
      Classification c = rowClass(line);
      b.append(c == null ? line : p.classification(c, line)).append('\n');
    }
    if (implied) b.append(AgentText.IMPLIED_NOTE).append('\n');
  }

  /** The first code file of an agent the code layer did not hand over (or "-" for one without code). */
  private static String codePath(InventoryAgent a) {
    return a.code().isEmpty() ? "-" : a.code().get(0).path();
  }

  private static void layers(Inventory inv, StringBuilder b) {
    if (inv.layers().isEmpty()) return;
    b.append("\nLayers: ");
    for (int i = 0; i < inv.layers().size(); i++) {
      LayerStatus l = inv.layers().get(i);
      b.append(i == 0 ? "" : " · ").append(l.layer()).append(' ').append(l.stateAndReason());
    }
    b.append('\n');
    List<LayerStatus> incomplete = inv.layers().stream().filter(LayerStatus::incomplete).toList();
    if (!incomplete.isEmpty()) {
      b.append("Coverage incomplete: ").append(String.join("; ", incomplete.stream()
          .map(l -> l.layer() + " " + l.state().id() + " — " + l.reason()).toList()))
          .append(" (every warning is in inventory.json and report.html)\n");
    }
  }

  /** The report's own terms a newcomer cannot know, one line each (see {@link Legend}). */
  private static void legend(Inventory inv, StringBuilder b) {
    List<Legend.Term> terms = Legend.terms(inv);
    if (terms.isEmpty()) return;
    int pad = terms.stream().mapToInt(t -> t.term().length()).max().orElse(0);
    b.append("\nTerms\n");
    for (Legend.Term t : terms) b.append("  ").append(String.format("%-" + pad + "s", t.term())).append("  ").append(t.meaning()).append('\n');
  }

  /** ANSI colouring that is a no-op when colour is off. */
  private record Paint(boolean on) {
    String wrap(String code, String s) {
      return on ? code + s + RESET : s;
    }

    String bold(String s) {
      return wrap("\u001b[1m", s);
    }

    String dim(String s) {
      return wrap(DIM, s);
    }

    String classification(Classification c, String s) {
      return switch (c) {
        case GHOST -> wrap(BOLD_RED, s);
        case CONFIRMED -> wrap(GREEN, s);
        case SHADOW_AI -> wrap(CYAN, s);
        case UNKNOWN -> s;
        case ZOMBIE -> wrap(DIM, s);
      };
    }

    String risk(Risk r, String s) {
      return switch (r) {
        case CRITICAL -> wrap(BOLD_RED, s);
        case HIGH -> wrap(RED, s);
        case MEDIUM -> wrap(YELLOW, s);
        case LOW -> s;
      };
    }
  }
}

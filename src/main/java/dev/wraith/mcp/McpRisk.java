package dev.wraith.mcp;

import dev.wraith.model.Inventory;
import dev.wraith.model.McpFinding;
import dev.wraith.model.McpProbe;
import dev.wraith.model.McpTool;
import dev.wraith.model.Risk;
import java.util.ArrayList;
import java.util.List;

/**
 * The risk of one MCP server and its inventory entry, a pure function of the finding:
 * <ul>
 *   <li>CRITICAL: a typosquat of an official name, hidden instructions or invisible characters in what the server
 *       tells the agent, or a tool that changed since an earlier probe (rug pull);</li>
 *   <li>HIGH: unverified, and it hands out shell or write tools, or speaks plain http;</li>
 *   <li>MEDIUM: unverified otherwise, or verified but pinned loosely ({@code unpinned}, {@code latest-tag}), or a
 *       verified server with shell tools;</li>
 *   <li>LOW: a verified, pinned server with nothing flagged.</li>
 * </ul>
 * A failed probe does not lower or raise the risk; it is one more reason.
 */
public final class McpRisk {
  private McpRisk() {}

  public static Risk of(McpFinding f) {
    List<String> r = f.verdict().reasons();
    McpProbe p = f.probe();
    boolean hidden = !p.warnings().isEmpty() || p.tools().stream().anyMatch(t -> !t.warnings().isEmpty());
    if (hidden || !p.changes().isEmpty() || r.stream().anyMatch(x -> x.startsWith("typosquat"))) return Risk.CRITICAL;
    boolean shell = has(p, "shell");
    boolean write = has(p, "write");
    if (!f.verdict().verified()) return shell || write || r.contains("plain-http") ? Risk.HIGH : Risk.MEDIUM;
    return shell || r.contains("unpinned") || r.contains("latest-tag") ? Risk.MEDIUM : Risk.LOW;
  }

  /** The {@code mcpServers[]} entry of inventory.json: verdict reasons, then what the probe found, in that order. */
  public static Inventory.InventoryMcpServer inventory(McpFinding f) {
    var s = f.server();
    List<String> reasons = new ArrayList<>(f.verdict().reasons());
    McpProbe p = f.probe();
    switch (p.status()) {
      case FAILED, TIMEOUT -> reasons.add("probe " + p.status().id() + ": " + p.detail());
      case OK, NOT_PROBED, SKIPPED -> { }
    }
    for (McpTool t : p.tools()) for (String w : t.warnings()) reasons.add("tool " + t.name() + ": " + w);
    reasons.addAll(p.warnings());
    reasons.addAll(p.changes());
    String pkg = s.pkg().name().isEmpty() ? "" : s.pkg().ecosystem().id() + ":" + s.pkg().name()
        + (s.pkg().version().isEmpty() ? "" : "@" + s.pkg().version());
    String command = s.command().isEmpty() ? "" : String.join(" ", prepend(s.command(), s.args()));
    return new Inventory.InventoryMcpServer(s.name(), s.source(), command, s.url(), pkg, f.verdict().verified(), of(f), reasons, p.tools());
  }

  private static boolean has(McpProbe p, String capability) {
    return p.tools().stream().anyMatch(t -> t.capabilities().contains(capability));
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> out = new ArrayList<>(List.of(first));
    out.addAll(rest);
    return out;
  }
}

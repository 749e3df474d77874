package dev.wraith.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code wraith scan-all}: every agent with its classification, the MCP servers, and what each layer
 * did. This is what inventory.json, report.md, the AIBOM, the HTML report and AgentReports are written from.
 *
 * @param scanTime when the scan started (the only time in the file; used for first/last seen)
 * @param roots the code paths scanned
 */
public record Inventory(
    ScanReport.Tool tool,
    Instant scanTime,
    List<String> roots,
    List<InventoryAgent> agents,
    List<InventoryMcpServer> mcpServers,
    List<LayerStatus> layers) {
  /** inventory.json's schemaVersion: 2 added evidence per connection and suspected ghosts (README: migration note). */
  public static final int SCHEMA_VERSION = 2;

  /** The same inventory with its code roots named as reports should show them. */
  public Inventory withRoots(List<String> named) {
    return new Inventory(tool, scanTime, named, agents, mcpServers, layers);
  }

  /**
   * An MCP server as listed in the inventory; {@code risk} is separate from agent risk counts. {@code toolChanges} are
   * the probe's rug-pull reports (a tool whose hash changed since an earlier probe), empty when none or not probed.
   */
  public record InventoryMcpServer(String name, String source, String command, String url, String pkg, boolean verified,
      Risk risk, List<String> reasons, List<McpTool> tools, List<String> toolChanges) {
    public InventoryMcpServer {
      reasons = List.copyOf(reasons);
      tools = List.copyOf(tools);
      toolChanges = List.copyOf(toolChanges);
    }

    /** A server whose tools did not change (or were not probed). */
    public InventoryMcpServer(String name, String source, String command, String url, String pkg, boolean verified,
        Risk risk, List<String> reasons, List<McpTool> tools) {
      this(name, source, command, url, pkg, verified, risk, reasons, tools, List.of());
    }
  }

  public Inventory {
    roots = List.copyOf(roots);
    agents = agents.stream().sorted().toList();
    mcpServers = List.copyOf(mcpServers);
    layers = List.copyOf(layers);
  }

  /** Agents per class, every class present (zero when none). */
  public Map<Classification, Integer> summary() {
    Map<Classification, Integer> m = new EnumMap<>(Classification.class);
    for (Classification c : Classification.values()) m.put(c, 0);
    for (InventoryAgent a : agents) m.merge(a.classification(), 1, Integer::sum);
    return m;
  }

  /** Agents per risk level (MCP servers not counted), every level present. */
  public Map<Risk, Integer> riskCounts() {
    Map<Risk, Integer> m = new EnumMap<>(Risk.class);
    for (Risk r : Risk.values()) m.put(r, 0);
    for (InventoryAgent a : agents) m.merge(a.risk(), 1, Integer::sum);
    return m;
  }

  public List<InventoryAgent> ghosts() {
    return agents.stream().filter(a -> a.classification() == Classification.GHOST).toList();
  }
}

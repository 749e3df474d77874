package dev.wraith.report;

import dev.wraith.model.Inventory.InventoryMcpServer;
import dev.wraith.model.McpFinding;
import dev.wraith.model.McpScan;
import dev.wraith.redact.Redactor;
import java.util.List;
import java.util.function.Function;

/**
 * What both {@code wraith mcp} reporters share: each server is shown with the risk and reasons scan-all's inventory
 * gives it. The caller hands the rating in; reporters do not rate.
 */
abstract class McpReporter extends RedactingReporter<ToolScan<McpScan>> {
  private final Function<McpFinding, InventoryMcpServer> rating;

  /**
   * @param redactor every line written goes through it (the catalogue's, overlay included)
   * @param rating a server's risk and reasons, as the inventory lists it
   */
  McpReporter(String format, Redactor redactor, Function<McpFinding, InventoryMcpServer> rating) {
    super(format, redactor);
    this.rating = rating;
  }

  /** Every server found, in the scan's order, each rated once. */
  final List<Rated> rated(McpScan scan) {
    return scan.findings().stream().map(f -> new Rated(f, rating.apply(f))).toList();
  }

  /** A server as found, and as the inventory rates it. */
  record Rated(McpFinding finding, InventoryMcpServer server) {}
}

package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.mcp.ConfigFiles;
import dev.wraith.mcp.McpDiscovery;
import dev.wraith.model.Counted;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.McpScan;
import java.nio.file.Files;

/**
 * The MCP layer: the MCP client configs in the request's home directory and the project configs in its source trees,
 * each server verified against the catalogue's publishers (and probed for its tools when the request says so).
 */
public final class McpLayer implements Layer<McpScan> {
  @Override
  public LayerId<McpScan> id() {
    return LayerId.MCP;
  }

  @Override
  public LayerPlan plan(ScanAll.Request r, ScanAll.Environment e) {
    if (r.mcpHome() == null || !Files.isDirectory(r.mcpHome())) {
      return LayerPlan.skipped(id(), LayerPlan.Why.UNAVAILABLE, "no home directory to read MCP client configs from");
    }
    return LayerPlan.runs(id(), "MCP client configs in " + r.mcpHome()
        + (r.roots().isEmpty() ? "" : " and project configs in the scanned paths")
        + (r.mcpProbing().isPresent() ? ", probing each server's tools" : ""));
  }

  @Override
  public Ran<McpScan> run(Catalogue cat, ScanAll.Request r) {
    McpScan scan = new McpDiscovery(cat, ConfigFiles.local())
        .scan(r.mcpHome(), r.roots().stream().filter(Files::isDirectory).toList(), r.mcpProbing());
    return Ran.of(scan, LayerStatus.ran(id().name(), scan.warnings()), Counted.of(scan.findings().size(), "MCP server")
        + " in " + Counted.of(scan.filesRead(), "config file"));
  }
}

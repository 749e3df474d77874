package dev.wraith.report;

import dev.wraith.redact.Redactor;
import dev.wraith.model.Inventory.InventoryMcpServer;
import dev.wraith.model.McpFinding;
import dev.wraith.model.McpProbe;
import dev.wraith.model.McpScan;
import dev.wraith.model.ScanReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;

/**
 * {@code wraith mcp --format json}: one document with the tool and catalogue versions, {@code servers[]} (one
 * object per server, every field always present, {@code ""} when not applicable; {@code probe.status} is
 * {@code not-probed} unless {@code --probe} ran) and {@code warnings[]}. {@code reasons} are the publisher check's
 * codes; {@code risk} and {@code riskReasons} are the server's risk and the sentences that explain it, as in scan-all's
 * inventory.json.
 */
public final class McpJsonReporter extends McpReporter {
  record Doc(String tool, String version, String catalogue, int configFiles, List<Server> servers, List<String> warnings) {}

  record Server(String name, String client, String source, String transport, String command, List<String> args, String url,
      String ecosystem, String packageName, String version, List<String> env, boolean verified, String publisher,
      List<String> reasons, String risk, List<String> riskReasons, Probe probe) {}

  record Probe(String status, String detail, String serverName, String serverVersion, List<Tool> tools, List<String> prompts,
      List<String> resources, List<String> warnings, List<String> changes, List<String> stderrTail) {}

  record Tool(String name, String description, List<String> capabilities, List<String> warnings, String hash) {}

  /** @param rating a server's risk and reasons, as the inventory lists it */
  public McpJsonReporter(Redactor redactor, Function<McpFinding, InventoryMcpServer> rating) {
    super("json", redactor, rating);
  }

  @Override
  public void write(ToolScan<McpScan> input, OutputStream out) throws IOException {
    ScanReport.Tool tool = input.tool();
    McpScan scan = input.scan();
    List<Server> servers = rated(scan).stream().map(McpJsonReporter::server).toList();
    Json.write(Json.complete(redactor), out, new Doc(tool.name(), tool.version(), tool.catalogueVersion(), scan.filesRead(),
        servers, scan.warnings()));
    out.flush();
  }

  private static Server server(Rated r) {
    var s = r.finding().server();
    var v = r.finding().verdict();
    return new Server(s.name(), s.client(), s.source(), s.transport().id(), s.command(), s.args(), s.url(),
        s.pkg().ecosystem().id(), s.pkg().name(), s.pkg().version(), s.envNames(), v.verified(), v.publisher(), v.codes(),
        r.server().risk().name(), r.server().reasons(), probe(r.finding().probe()));
  }

  private static Probe probe(McpProbe p) {
    List<Tool> tools = p.tools().stream().map(t -> new Tool(t.name(), t.description(), t.capabilities(), t.warnings(), t.hash())).toList();
    return new Probe(p.status().id(), p.detail(), p.serverName(), p.serverVersion(), tools, p.prompts(), p.resources(), p.warnings(),
        p.changes(), p.stderrTail());
  }
}

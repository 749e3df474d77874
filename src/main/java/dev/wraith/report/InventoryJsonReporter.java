package dev.wraith.report;

import dev.wraith.redact.Redactor;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wraith.model.Classification;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.McpTool;
import dev.wraith.model.Risk;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * inventory.json, schemaVersion 2 (src/main/resources/schema/inventory.schema.json): summary counts per class, risk
 * counts per level (agents only), every agent, the MCP servers and what each layer did. Every field is always present
 * ({@code null} for a missing workload or process, {@code []} for empty lists), so consumers need no defaults. The
 * scan time is the only clock value besides the observed first/last seen times, so equal inputs give equal bytes.
 */
public final class InventoryJsonReporter extends RedactingReporter<InventoryReport> {
  record Document(int schemaVersion, Tool tool, String scanTime, List<String> roots, Map<String, Integer> summary,
      Map<String, Integer> risk, List<Agent> agents, List<McpServer> mcpServers, List<Layer> layers) {}

  record Tool(String name, String version, String catalogueVersion, int catalogueSchema) {}

  /**
   * {@code genAi} (OpenTelemetry GenAI attribute names), {@code inactiveSince} and {@code acknowledgement} are
   * additive: optional in the schema, always written (null when not set).
   */
  record Agent(String id, String classification, boolean suspected, String risk, String name, Workload workload,
      ProcessRef process, List<Code> code, List<String> providers, List<Evidence> evidence, List<String> reasons,
      String firstSeen, String lastSeen, String change, String trafficEvidence, List<Connection> connections,
      List<GenAiAttributes> genAi, String inactiveSince, Acknowledgement acknowledgement) {
    static Agent of(InventoryAgent a, List<GenAiAttributes> genAi) {
      return new Agent(a.id(), a.classification().name(), a.suspected(), a.risk().name(), a.name(),
          a.workload().map(w -> new Workload(w.namespace(), w.kind(), w.name(), w.container(), w.cluster())).orElse(null),
          a.process().map(p -> new ProcessRef(p.node(), p.pid(), p.binary(), p.arguments(), p.execed())).orElse(null),
          a.code().stream().map(c -> new Code(c.path(), c.line(), c.ruleId())).toList(), a.providers(),
          a.evidence().stream().map(e -> new Evidence(e.layer(), e.detail())).toList(), a.reasons(), time(a.firstSeen()),
          time(a.lastSeen()), a.change().name(), a.trafficEvidence().id(), a.connections().stream().map(Connection::of).toList(),
          genAi, a.inactiveSince().map(Object::toString).orElse(null),
          a.acknowledgement().map(k -> new Acknowledgement(k.at().toString(), k.note())).orElse(null));
    }
  }

  record Acknowledgement(String at, String note) {}

  /**
   * {@code cluster} is written only when the scan named its clusters (several --context, --kube-snapshot NAME=FILE),
   * so a single-cluster inventory is what it was before clusters had names.
   */
  record Workload(String namespace, String kind, String name, String container,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) String cluster) {}

  record ProcessRef(String node, int pid, String binary, List<String> arguments, boolean execed) {}

  record Code(String path, int line, String ruleId) {}

  record Evidence(String layer, String detail) {}

  record Connection(String provider, String host, String ip, int port, String evidence, String strength, String layer,
      long count, String firstSeen, String lastSeen) {
    static Connection of(InventoryAgent.Connection c) {
      return new Connection(c.provider(), c.host(), c.ip(), c.port(), c.evidence().id(), c.strength().id(), c.layer(),
          c.count(),
          c.firstSeen().toString(), c.lastSeen().toString());
    }
  }

  record McpServer(String name, String source, String command, String url, @JsonProperty("package") String pkg,
      boolean verified, String risk, List<String> reasons, List<ToolEntry> tools) {
    static McpServer of(Inventory.InventoryMcpServer s) {
      return new McpServer(s.name(), s.source(), s.command(), s.url(), s.pkg(), s.verified(), s.risk().name(), s.reasons(),
          s.tools().stream().map(ToolEntry::of).toList());
    }
  }

  /** An MCP tool: name, capabilities, hidden-instruction warnings and the hash that spots a later change. */
  record ToolEntry(String name, List<String> capabilities, List<String> warnings, String hash) {
    static ToolEntry of(McpTool t) {
      return new ToolEntry(t.name(), t.capabilities(), t.warnings(), t.hash());
    }
  }

  /** What a layer did; its warnings name files and lines (an input over a limit, a file without events), never content. */
  record Layer(String name, String status, String reason, List<String> warnings,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) List<String> notes) {
    static Layer of(LayerStatus s) {
      return new Layer(s.layer(), s.state().id(), s.reason(), s.warnings(), s.notes());
    }
  }

  private final GenAiNames genAiNames;

  /** With the bundled catalogue's OpenTelemetry provider names and redaction rules. */
  public InventoryJsonReporter() {
    this(GenAiNames.bundled(), Redactor.bundled());
  }

  public InventoryJsonReporter(GenAiNames genAiNames, Redactor redactor) {
    super("inventory.json", redactor);
    this.genAiNames = genAiNames;
  }

  @Override
  public void write(InventoryReport input, OutputStream out) throws IOException {
    Json.write(Json.complete(redactor), out, document(input.inventory(), input.code(), genAiNames));
  }

  static Document document(Inventory inv, Optional<CodeScan> code, GenAiNames names) {
    Map<String, Integer> summary = new LinkedHashMap<>();
    for (Classification c : Classification.values()) summary.put(c.name(), inv.summary().get(c));
    Map<String, Integer> risk = new LinkedHashMap<>();
    for (Risk r : List.of(Risk.CRITICAL, Risk.HIGH, Risk.MEDIUM, Risk.LOW)) risk.put(r.name(), inv.riskCounts().get(r));
    var t = inv.tool();
    GenAiAttributes.Index index = GenAiAttributes.Index.of(code);
    return new Document(Inventory.SCHEMA_VERSION, new Tool(t.name(), t.version(), t.catalogueVersion(), t.catalogueSchema()),
        inv.scanTime().toString(), inv.roots(), summary, risk,
        inv.agents().stream().map(a -> Agent.of(a, GenAiAttributes.of(a, index, names))).toList(),
        inv.mcpServers().stream().map(McpServer::of).toList(), inv.layers().stream().map(Layer::of).toList());
  }

  private static String time(Optional<Instant> t) {
    return t.map(Instant::toString).orElse(null);
  }
}

package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wraith.model.Inventory;
import dev.wraith.model.Inventory.InventoryMcpServer;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.Risk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** findings.ocsf.jsonl: OCSF 1.8.0 Detection Findings for ghosts, zombies and risky MCP servers, nothing else. */
class OcsfReporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void oneFindingPerGhostZombieAndUnverifiedServerAndEachMeetsClass2004() throws IOException {
    List<JsonNode> lines = lines(SampleInventory.inventory());
    assertThat(lines).extracting(l -> l.path("finding_info").path("uid").asText()).containsExactly(
        "wraith:ghost:f00dbabe00000001", "wraith:zombie:2010b1e000000000",
        "wraith:mcp-unverified:" + AibomServices.mcpRef(SampleInventory.inventory().mcpServers().get(1)));
    for (JsonNode l : lines) assertThat(Ocsf18DetectionFinding.problems(l)).as(l.toString()).isEmpty();
  }

  @Test
  void theCheckerCatchesWhatClass2004Forbids() throws IOException {
    ObjectNode ok = (ObjectNode) lines(SampleInventory.inventory()).get(0);
    ObjectNode broken = ok.deepCopy();
    ((ObjectNode) broken.path("finding_info")).remove("uid");
    broken.put("type_uid", 200403);
    broken.put("ghost_score", 9);
    broken.remove("metadata");
    ((ObjectNode) broken.path("evidences").get(0)).removeAll();
    assertThat(Ocsf18DetectionFinding.problems(broken)).contains("finding_info.uid (required) missing",
        "type_uid is not 2004 * 100 + activity_id", "not an attribute of class 2004: ghost_score",
        "required attribute missing: metadata").anyMatch(p -> p.startsWith("an evidences item has none of"));
  }

  @Test
  void theGhostCarriesWhatASocNeeds() throws IOException {
    JsonNode g = lines(SampleInventory.inventory()).get(0);
    assertThat(g.path("class_uid").asInt()).isEqualTo(2004);
    assertThat(g.path("type_uid").asLong()).isEqualTo(200402); // UNCHANGED since the last scan: an update
    assertThat(g.path("activity_name").asText()).isEqualTo("Update");
    assertThat(g.path("severity_id").asInt()).isEqualTo(5);
    assertThat(g.path("severity").asText()).isEqualTo("Critical");
    assertThat(g.path("confidence_id").asInt()).isEqualTo(3);
    assertThat(g.path("time").asLong()).isEqualTo(SampleInventory.inventory().scanTime().toEpochMilli());
    assertThat(g.path("message").asText()).isEqualTo("Ghost AI agent: sync.py in payments/Deployment/payments-api");
    assertThat(g.path("metadata").path("version").asText()).isEqualTo("1.8.0");
    assertThat(g.path("metadata").path("product").path("name").asText()).isEqualTo("wraith");
    assertThat(g.path("finding_info").path("types").get(0).asText()).isEqualTo("ghost");
    assertThat(g.path("finding_info").path("data_sources").toString()).isEqualTo("[\"audit\",\"host\",\"state\"]");
    assertThat(g.path("resources").get(1).path("namespace").asText()).isEqualTo("payments");
    JsonNode process = g.path("evidences").get(0);
    assertThat(process.path("process").path("pid").asInt()).isEqualTo(31337);
    assertThat(process.path("process").path("file").path("path").asText()).isEqualTo("/tmp/sync.py");
    assertThat(process.path("actor").path("user").path("name").asText()).isEqualTo("alice@acme.example");
    assertThat(g.path("evidences").get(1).path("dst_endpoint").path("hostname").asText()).isEqualTo("api.openai.com");
    JsonNode genAi = g.path("unmapped").path("gen_ai").get(0);
    assertThat(genAi.path("gen_ai.provider.name").asText()).isEqualTo("openai");
    assertThat(genAi.path("server.address").asText()).isEqualTo("api.openai.com");
    assertThat(genAi.path("server.port").asInt()).isEqualTo(443);
    assertThat(g.path("unmapped").path("wraith").path("classification").asText()).isEqualTo("GHOST");
    assertThat(g.path("observables").toString()).contains("\"type_id\":1", "api.openai.com", "\"type_id\":9");
  }

  @Test
  void aRugPullIsItsOwnFindingAndAVerifiedUnchangedServerNone() throws IOException {
    Inventory base = SampleInventory.inventory();
    InventoryMcpServer gh = base.mcpServers().get(0);
    InventoryMcpServer pulled = new InventoryMcpServer(gh.name(), gh.source(), gh.command(), gh.url(), gh.pkg(), true,
        Risk.CRITICAL, gh.reasons(), gh.tools(), List.of("tool create_issue changed since 2026-11-20T10:00:00Z"));
    Inventory inv = new Inventory(base.tool(), base.scanTime(), base.roots(), base.agents(),
        List.of(pulled, base.mcpServers().get(1)), base.layers());
    List<JsonNode> mcp = lines(inv).stream().filter(l -> l.path("finding_info").path("uid").asText().contains("mcp")).toList();
    assertThat(mcp).extracting(l -> l.path("finding_info").path("types").get(0).asText())
        .containsExactly("mcp-tools-changed", "mcp-unverified");
    assertThat(mcp.get(0).path("finding_info").path("desc").asText())
        .isEqualTo("tool create_issue changed since 2026-11-20T10:00:00Z");
    assertThat(mcp.get(0).path("severity_id").asInt()).isEqualTo(5);
    for (JsonNode l : mcp) assertThat(Ocsf18DetectionFinding.problems(l)).isEmpty();
  }

  @Test
  void confidenceFollowsTheEvidence() {
    Inventory inv = SampleInventory.inventory();
    InventoryAgent ghost = inv.agents().stream().filter(a -> a.id().equals("f00dbabe00000001")).findFirst().orElseThrow();
    InventoryAgent declaredOnly = new InventoryAgent(ghost.id(), ghost.classification(), Risk.HIGH, ghost.name(),
        ghost.workload(), Optional.empty(), List.of(), ghost.providers(), List.of(), List.of(), List.of(),
        ghost.evidence(), ghost.reasons(), Optional.empty(), Optional.empty(), InventoryAgent.Change.NEW);
    assertThat(OcsfFindings.agent(OcsfFindings.Kind.GHOST, declaredOnly, inv, List.of()).confidenceId()).isEqualTo(2);
    OcsfEvent suspected = OcsfFindings.agent(OcsfFindings.Kind.SUSPECTED_GHOST, ghost, inv, List.of());
    assertThat(suspected.confidenceId()).isEqualTo(1);
    assertThat(suspected.findingInfo().types()).containsExactly("suspected-ghost");
    assertThat(suspected.findingInfo().uid()).isEqualTo("wraith:suspected-ghost:f00dbabe00000001");
    assertThat(OcsfFindings.agent(OcsfFindings.Kind.GHOST, declaredOnly, inv, List.of()).activityId()).isEqualTo(1);
  }

  @Test
  void deterministicGoldenAndEmptyWhenNothingIsAFinding() throws IOException {
    byte[] first = SampleInventory.render(new OcsfReporter(), SampleInventory.inventory(), Optional.of(SampleInventory.codeScan()));
    assertThat(SampleInventory.render(new OcsfReporter(), SampleInventory.inventory(), Optional.of(SampleInventory.codeScan())))
        .isEqualTo(first);
    dev.wraith.Golden.assertMatches(GoldenReportTest.GOLDEN.resolve("inventory.findings.ocsf.jsonl"), first);
    assertThat(SampleInventory.render(new OcsfReporter(), SampleInventory.empty(), Optional.empty())).isEmpty();
    assertThat(new OcsfReporter().format()).isEqualTo("findings.ocsf.jsonl");
  }

  static List<JsonNode> lines(Inventory inventory) throws IOException {
    String text = new String(SampleInventory.render(new OcsfReporter(), inventory, Optional.of(SampleInventory.codeScan())),
        StandardCharsets.UTF_8);
    List<JsonNode> out = new ArrayList<>();
    for (String l : text.lines().toList()) if (!l.isEmpty()) out.add(JSON.readTree(l));
    return out;
  }
}

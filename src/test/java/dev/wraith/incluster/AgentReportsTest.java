package dev.wraith.incluster;

import static dev.wraith.incluster.InventoryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.wraith.model.Classification;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Inventory → custom resources: names, namespaces, labels, nothing secret, and bodies the CRD schemas accept. */
class AgentReportsTest {
  static final ObjectMapper JSON = new ObjectMapper(), YAML = new ObjectMapper(new YAMLFactory());
  final AgentReports reports = new AgentReports("wraith-system");

  @Test
  void oneReportPerAgentInItsWorkloadNamespaceOrHome() {
    List<Report> r = reports.desired(inventory(ghost(), confirmed(), codeOnly()));
    assertThat(r).extracting(Report::ref).containsExactly("payments/support-bot-agent-py-" + hash10("code:services/support/agent.py"),
        "wraith-system/summarise-py-" + hash10("code:tools/summarise.py"), "wraith-system/x-py-" + hash10("ghost-tmp-x-py"));
    Report ghost = r.get(2);
    assertThat(ghost.labels()).containsEntry("wraith.dev/classification", "GHOST").containsEntry("wraith.dev/risk", "CRITICAL")
        .containsEntry("app.kubernetes.io/managed-by", "wraith");
    assertThat(ghost.annotations()).containsEntry("wraith.dev/agent-id", "ghost-tmp-x-py");
    JsonNode spec = JSON.valueToTree(ghost.body()).get("spec");
    assertThat(spec.get("where").asText()).isEqualTo("node worker-1: /tmp/x.py");
    assertThat(spec.get("providerNames").asText()).isEqualTo("openai");
    assertThat(JSON.valueToTree(r.get(0).body()).at("/spec/providerNames").asText()).isEqualTo("anthropic,openai");
    assertThat(JSON.valueToTree(r.get(0).body()).at("/spec/where").asText()).isEqualTo("payments/Deployment/support-bot");
  }

  @Test
  void processArgumentsNeverReachTheCluster() {
    Report ghost = reports.desired(inventory(ghost())).get(0);
    String text = JSON.valueToTree(ghost.body()).toString();
    assertThat(text).doesNotContain("api-key").doesNotContain("arguments").contains("/usr/bin/python3");
  }

  @Test
  void longListsAndTextsAreCappedAndCounted() {
    List<InventoryAgent.CodeRef> code = new java.util.ArrayList<>();
    for (int i = 0; i < 70; i++) code.add(new InventoryAgent.CodeRef("src/f" + i + ".py", i, "sdk-client"));
    var big = new InventoryAgent("big", Classification.UNKNOWN, Risk.LOW, "big", Optional.empty(), Optional.empty(), code,
        List.of(), List.of(), List.of(), List.of(), List.of(new InventoryAgent.Evidence("code", "x".repeat(5000))), List.of(),
        Optional.empty(), Optional.empty(), InventoryAgent.Change.NEW);
    JsonNode spec = JSON.valueToTree(reports.desired(inventory(big)).get(0).body()).get("spec");
    assertThat(spec.get("code")).hasSize(50);
    assertThat(spec.at("/truncated/code").asInt()).isEqualTo(20);
    assertThat(spec.at("/truncated/evidence").asInt()).isZero();
    assertThat(spec.at("/evidence/0/detail").asText()).hasSize(1001).endsWith("…");
    assertThat(JSON.valueToTree(reports.desired(inventory(ghost())).get(0).body()).get("spec").has("truncated")).isFalse();
  }

  @Test
  void namesAreStableDns1123AndBounded() {
    var longName = new InventoryAgent("id-1", Classification.GHOST, Risk.HIGH, "Ünïcode ___ Agent!!".repeat(10),
        Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        Optional.empty(), Optional.empty(), InventoryAgent.Change.NEW);
    var empty = new InventoryAgent("id-2", Classification.GHOST, Risk.HIGH, "???", Optional.empty(), Optional.empty(),
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
        InventoryAgent.Change.NEW);
    for (InventoryAgent a : List.of(longName, empty, ghost(), confirmed())) {
      assertThat(AgentReports.name(a)).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?").hasSizeLessThanOrEqualTo(51)
          .isEqualTo(AgentReports.name(a));
    }
    assertThat(AgentReports.name(empty)).isEqualTo("agent-" + hash10("id-2"));
    assertThat(AgentReports.name(confirmed(Risk.HIGH))).isEqualTo(AgentReports.name(confirmed()));
  }

  @Test
  void contentHashIsDeterministicAndFollowsContent() {
    String a = reports.desired(inventory(confirmed())).get(0).contentHash();
    assertThat(reports.desired(inventory(confirmed())).get(0).contentHash()).isEqualTo(a).hasSize(64);
    assertThat(reports.desired(inventory(confirmed(Risk.HIGH))).get(0).contentHash()).isNotEqualTo(a);
  }

  @Test
  void bodiesValidateAgainstTheShippedCrdSchemas() throws Exception {
    var inv = inventory(List.of(LayerStatus.ran("host", List.of("node worker-2: unreachable")),
        LayerStatus.failed("tetragon", "no export")), ghost(), confirmed(), codeOnly());
    for (Report r : reports.desired(inv)) assertValid("agentreports.wraith.dev.yaml", r);
    var result = new PublishResult(1, 2, 3, 4, List.of("create agentreports a/b: 403 Forbidden: no"), List.of());
    assertValid("clusteragentsummaries.wraith.dev.yaml", reports.summary(inv, result));
    JsonNode summary = JSON.valueToTree(reports.summary(inv, result).body()).get("spec");
    assertThat(summary.get("ghosts").asInt()).isEqualTo(1);
    assertThat(summary.get("critical").asInt()).isEqualTo(1);
    assertThat(summary.at("/byClassification/ZOMBIE").asInt()).isZero();
    assertThat(summary.at("/publish/failed").asInt()).isEqualTo(1);
    assertThat(summary.at("/layers/1/state").asText()).isEqualTo("failed");
  }

  @Test
  void schemaCheckRejectsAWrongBody() throws Exception {
    Report ok = reports.desired(inventory(ghost())).get(0);
    ObjectNode broken = JSON.valueToTree(ok.body());
    ((ObjectNode) broken.get("spec")).put("risk", "APOCALYPTIC");
    assertThat(errors("agentreports.wraith.dev.yaml", broken)).isNotEmpty();
  }

  private static void assertValid(String crd, Report r) throws Exception {
    assertThat(errors(crd, JSON.valueToTree(r.body()))).as(r.ref()).isEmpty();
  }

  static java.util.Set<?> errors(String crd, JsonNode body) throws Exception {
    JsonNode schema = YAML.readTree(Path.of("deploy/crds", crd).toFile()).at("/spec/versions/0/schema/openAPIV3Schema");
    ObjectNode object = body.deepCopy();
    object.put("apiVersion", "wraith.dev/v1alpha1").putObject("metadata");
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema).validate(object);
  }

  private static String hash10(String id) {
    return dev.wraith.model.Hashes.sha256Hex(id).substring(0, 10);
  }
}

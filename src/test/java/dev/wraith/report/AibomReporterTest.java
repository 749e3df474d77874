package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wraith.code.FixtureHarness;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.Risk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * aibom.cdx.json as CycloneDX 1.6 (--cdx-version 1.6): schema-valid, deterministic, and a faithful mapping of the
 * inventory. The 1.7 default is the same document under another spec version ({@link AibomCycloneDx17Test}).
 */
class AibomReporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final AibomReporter V16 = new AibomReporter(CycloneDxVersion.V1_6, GenAiNames.bundled(), dev.wraith.redact.Redactor.bundled());

  @Test
  void validAgainstTheOfficialCycloneDx16Schema() throws IOException {
    assertThat(AibomSchema.validate(bom(Optional.of(SampleInventory.codeScan())))).isEmpty();
    assertThat(AibomSchema.validate(bom(Optional.empty()))).isEmpty();
    assertThat(AibomSchema.validate(read(SampleInventory.render(V16, SampleInventory.empty(),
        Optional.empty())))).isEmpty();
  }

  @Test
  void theSchemaCatchesABrokenBom() throws IOException {
    ObjectNode broken = (ObjectNode) bom(Optional.of(SampleInventory.codeScan()));
    ((ObjectNode) broken.path("components").get(0)).put("type", "robot");
    broken.put("serialNumber", "not-a-urn");
    assertThat(AibomSchema.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void aRealCodeScanOfTheExampleEstateIsValidToo() throws IOException {
    CodeScan real = FixtureHarness.scan(Path.of("examples", "acme-support"));
    JsonNode bom = read(SampleInventory.render(V16, SampleInventory.inventory(), Optional.of(real)));
    assertThat(AibomSchema.validate(bom)).isEmpty();
    assertThat(refs(bom.path("components"))).contains("pkg:maven/dev.langchain4j/langchain4j@1.0.1",
        "pkg:golang/github.com/sashabaranov/go-openai@v1.36.1", "pkg:pypi/langgraph@0.2.60", "model:gpt-4o");
  }

  @Test
  void sameInventorySameBytesAndTheSerialNumberFollowsTheContent() throws IOException {
    byte[] first = SampleInventory.render(V16, SampleInventory.inventory(), Optional.of(SampleInventory.codeScan()));
    byte[] second = SampleInventory.render(V16, SampleInventory.inventory(), Optional.of(SampleInventory.codeScan()));
    assertThat(second).isEqualTo(first);
    String serial = read(first).path("serialNumber").asText();
    assertThat(serial).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    Inventory base = SampleInventory.inventory();
    List<InventoryAgent> agents = new ArrayList<>(base.agents());
    InventoryAgent a = agents.remove(agents.size() - 1);
    agents.add(new InventoryAgent(a.id(), a.classification(), Risk.HIGH, a.name(), a.workload(), a.process(), a.code(),
        a.providers(), a.capabilities(), a.connections(), a.reach(), a.evidence(), a.reasons(), a.firstSeen(),
        a.lastSeen(), a.change()));
    Inventory changed = new Inventory(base.tool(), base.scanTime(), base.roots(), agents, base.mcpServers(), base.layers());
    String other = read(SampleInventory.render(V16, changed, Optional.of(SampleInventory.codeScan())))
        .path("serialNumber").asText();
    assertThat(other).isNotEqualTo(serial);
  }

  @Test
  void matchesTheGoldenFile() throws IOException {
    dev.wraith.Golden.assertMatches(GoldenReportTest.GOLDEN.resolve("inventory.aibom.cdx.json"),
        SampleInventory.render(V16, SampleInventory.inventory(), Optional.of(SampleInventory.codeScan())));
  }

  @Test
  void metadataCarriesTheScanTimeToolCatalogueAndLayers() throws IOException {
    JsonNode bom = bom(Optional.empty());
    assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
    JsonNode meta = bom.path("metadata");
    assertThat(meta.path("timestamp").asText()).isEqualTo("2026-11-27T18:00:00Z");
    assertThat(meta.path("tools").path("components").get(0).path("name").asText()).isEqualTo("wraith");
    assertThat(meta.path("tools").path("components").get(0).path("version").asText()).isEqualTo("0.1.0");
    assertThat(props(meta, "wraith:layer:tetragon")).containsExactly("skipped: no --tetragon-export or --tetragon-address given");
    assertThat(props(meta, "wraith:layer:host:warning")).containsExactly("node-d: /proc not readable (not root)");
    assertThat(props(meta, "wraith:summary:GHOST")).containsExactly("1");
    assertThat(props(meta, "wraith:summary:UNKNOWN")).containsExactly("3");
    assertThat(props(meta, "wraith:catalogue:version")).isEmpty();
    assertThat(meta.path("lifecycles")).extracting(l -> l.path("phase").asText()).containsExactly("pre-build", "discovery");
    JsonNode nothingRan = read(SampleInventory.render(V16, SampleInventory.empty(), Optional.empty()));
    assertThat(nothingRan.path("metadata").has("lifecycles")).isFalse();
    assertThat(props(meta.path("tools").path("components").get(0), "wraith:catalogue:version")).containsExactly("0.2.0");
  }

  @Test
  void everyAgentIsAnApplicationWithClassificationRiskReasonsAndEvidence() throws IOException {
    JsonNode bom = bom(Optional.empty());
    List<JsonNode> apps = new ArrayList<>();
    bom.path("components").forEach(c -> {
      if (c.path("bom-ref").asText().startsWith("agent:")) apps.add(c);
    });
    assertThat(apps).hasSize(8).allSatisfy(c -> assertThat(c.path("type").asText()).isEqualTo("application"));
    JsonNode ghost = component(bom, "agent:f00dbabe00000001");
    assertThat(ghost.path("name").asText()).isEqualTo("sync.py");
    assertThat(props(ghost, "wraith:classification")).containsExactly("GHOST");
    assertThat(props(ghost, "wraith:risk")).containsExactly("critical");
    assertThat(props(ghost, "wraith:workload")).containsExactly("payments/Deployment/payments-api/api");
    assertThat(props(ghost, "wraith:process:execedBy")).containsExactly("alice@acme.example");
    assertThat(props(ghost, "wraith:reason")).hasSize(3).first().asString().contains("no source code");
    assertThat(props(ghost, "wraith:evidence:audit")).containsExactly("kubectl exec by alice@acme.example on 2026-11-16T09:12:44Z");
    assertThat(props(ghost, "wraith:connection")).singleElement().asString()
        .contains("api.openai.com:443").contains("3960 connections").contains("2026-11-16T18:00:00Z");
    assertThat(props(ghost, "wraith:firstSeen")).containsExactly("2026-11-16T18:00:00Z");
    JsonNode triage = component(bom, "agent:a1b2c3d4e5f60001");
    assertThat(triage.path("evidence").path("occurrences")).hasSize(3);
    assertThat(triage.path("evidence").path("occurrences").get(0).path("location").asText())
        .isEqualTo("services/triage-agent/triage/agent.py");
    assertThat(triage.path("evidence").path("occurrences").get(0).path("line").asInt()).isEqualTo(12);
  }

  @Test
  void processArgumentsStayOutOfTheBom() throws IOException {
    String text = new String(SampleInventory.render(V16, SampleInventory.inventory(),
        Optional.of(SampleInventory.codeScan())), StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("--every").doesNotContain(SampleInventory.PWNED + "=1");
  }

  @Test
  void lockfileDependenciesBecomeLibrariesWithPurlsAndConstraints() throws IOException {
    JsonNode bom = bom(Optional.of(SampleInventory.codeScan()));
    JsonNode langgraph = component(bom, "pkg:pypi/langgraph@0.2.60");
    assertThat(langgraph.path("type").asText()).isEqualTo("library");
    assertThat(langgraph.path("version").asText()).isEqualTo("0.2.60");
    assertThat(langgraph.path("purl").asText()).isEqualTo("pkg:pypi/langgraph@0.2.60");
    assertThat(props(langgraph, "wraith:framework")).containsExactly("langgraph");
    assertThat(component(bom, "pkg:pypi/langchain-community@0.3.14").path("name").asText()).isEqualTo("langchain-community");
    JsonNode ranged = component(bom, "pkg:pypi/langchain-openai");
    assertThat(ranged.has("version")).isFalse();
    assertThat(props(ranged, "wraith:versionConstraint")).containsExactly(">=0.2.14");
    JsonNode anthropic = component(bom, "pkg:npm/%40ai-sdk/anthropic@1.2.12");
    assertThat(anthropic.path("group").asText()).isEqualTo("@ai-sdk");
    assertThat(props(anthropic, "wraith:versionConstraint")).containsExactly("^1.2.12");
    assertThat(anthropic.path("evidence").path("occurrences")).hasSize(2);
    assertThat(component(bom, "pkg:maven/dev.langchain4j/langchain4j-azure-open-ai@1.0.1").path("group").asText())
        .isEqualTo("dev.langchain4j");
    assertThat(component(bom, "pkg:golang/github.com/sashabaranov/go-openai@v1.36.1").path("version").asText())
        .isEqualTo("v1.36.1");
    assertThat(refs(bom.path("components"))).doesNotContain("pkg:npm/%40ai-sdk/anthropic");
  }

  @Test
  void modelNamesFromCodeAreMachineLearningModels() throws IOException {
    JsonNode bom = bom(Optional.of(SampleInventory.codeScan()));
    JsonNode mini = component(bom, "model:gpt-4o-mini");
    assertThat(mini.path("type").asText()).isEqualTo("machine-learning-model");
    assertThat(mini.path("evidence").path("occurrences")).hasSize(2);
    assertThat(props(mini, "wraith:parameter")).containsExactly("max_tokens=512", "temperature=0");
    assertThat(component(bom, "model:claude-3-5-sonnet-latest").path("type").asText()).isEqualTo("machine-learning-model");
    assertThat(refs(bom(Optional.empty()).path("components"))).noneMatch(r -> r.startsWith("model:") || r.startsWith("pkg:"));
  }

  @Test
  void providersVectorStoresAndMcpServersAreServicesWithEndpoints() throws IOException {
    JsonNode bom = bom(Optional.of(SampleInventory.codeScan()));
    JsonNode openai = service(bom, "provider:openai");
    assertThat(openai.path("endpoints").get(0).asText()).isEqualTo("https://api.openai.com");
    assertThat(props(openai, "wraith:kind")).containsExactly("ai-provider");
    JsonNode qdrant = service(bom, "provider:qdrant");
    assertThat(props(qdrant, "wraith:kind")).containsExactly("vector-store");
    assertThat(qdrant.path("endpoints")).extracting(JsonNode::asText)
        .as("seen at runtime (an in-cluster workload's name is no host: its address is) and written in code")
        .containsExactly("http://10.96.12.7:6333", "http://qdrant.ai.svc.cluster.local:6333");
    assertThat(service(bom, "provider:azure-openai").path("endpoints").get(0).asText())
        .isEqualTo("https://acme-prod.openai.azure.com");
    assertThat(service(bom, "provider:ollama").path("endpoints").get(0).asText())
        .isEqualTo("http://ollama.tools.svc.cluster.local:11434");

    List<JsonNode> mcp = new ArrayList<>();
    bom.path("services").forEach(s -> {
      if (s.path("bom-ref").asText().startsWith("mcp:")) mcp.add(s);
    });
    assertThat(mcp).extracting(s -> s.path("name").asText()).containsExactly("db-helper", "github");
    JsonNode db = mcp.get(0);
    assertThat(props(db, "wraith:mcp:verified")).containsExactly("false");
    assertThat(props(db, "wraith:risk")).containsExactly("high");
    assertThat(db.path("endpoints").get(0).asText()).isEqualTo("http://127.0.0.1:8808/mcp");
    assertThat(db.path("services")).extracting(t -> t.path("name").asText()).containsExactly("run_sql", "exec");
    assertThat(props(db.path("services").get(0), "wraith:warning")).containsExactly("prompt-injection");
    assertThat(props(mcp.get(1), "wraith:mcp:verified")).containsExactly("true");
  }

  @Test
  void dependenciesLinkAgentsToWhatTheyUseAndEveryRefResolves() throws IOException {
    JsonNode bom = bom(Optional.of(SampleInventory.codeScan()));
    assertThat(dependsOn(bom, "inventory")).hasSize(8);
    assertThat(dependsOn(bom, "agent:a1b2c3d4e5f60001")).containsExactlyInAnyOrder("provider:openai", "provider:qdrant",
        "model:gpt-4o-mini", "pkg:pypi/langgraph@0.2.60", "pkg:pypi/langchain-openai",
        "pkg:pypi/langchain-community@0.3.14", "pkg:pypi/qdrant-client");
    assertThat(dependsOn(bom, "agent:f00dbabe00000001")).containsExactly("provider:openai");
    assertThat(dependsOn(bom, "agent:a1b2c3d4e5f60004")).contains("pkg:npm/ai", "model:claude-3-5-sonnet-latest",
        "provider:anthropic");

    Set<String> known = new HashSet<>(refs(bom.path("components")));
    known.addAll(refs(bom.path("services")));
    known.add("inventory");
    for (JsonNode d : bom.path("dependencies")) {
      assertThat(known).as("dependency ref").contains(d.path("ref").asText());
      d.path("dependsOn").forEach(r -> assertThat(known).as("dependsOn of %s", d.path("ref").asText()).contains(r.asText()));
    }
  }

  @Test
  void anUnattributedConnectionIsAServiceNamedAfterItsAddress() throws IOException {
    Inventory base = SampleInventory.inventory();
    InventoryAgent g = base.ghosts().get(0);
    InventoryAgent.Connection c = g.connections().get(0);
    InventoryAgent ghost = new InventoryAgent(g.id(), g.classification(), g.risk(), g.name(), g.workload(), g.process(),
        g.code(), List.of(), g.capabilities(), List.of(new InventoryAgent.Connection("", "", "2001:db8::7", 8443, dev.wraith.model.Attributed.Method.SNI,
            "tetragon", 12, c.firstSeen(), c.lastSeen())), g.reach(), g.evidence(), g.reasons(), g.firstSeen(), g.lastSeen(),
        g.change());
    Inventory inventory = new Inventory(base.tool(), base.scanTime(), base.roots(), List.of(ghost), List.of(), base.layers());
    JsonNode bom = read(SampleInventory.render(V16, inventory, Optional.empty()));
    assertThat(AibomSchema.validate(bom)).isEmpty();
    JsonNode s = service(bom, "provider:unattributed/[2001:db8::7]");
    assertThat(s.path("name").asText()).isEqualTo("[2001:db8::7]");
    assertThat(s.path("endpoints").get(0).asText()).isEqualTo("https://[2001:db8::7]:8443");
    assertThat(props(s, "wraith:kind")).containsExactly("unattributed-endpoint");
    assertThat(dependsOn(bom, "agent:" + g.id())).containsExactly("provider:unattributed/[2001:db8::7]");
  }

  private static JsonNode bom(Optional<CodeScan> code) throws IOException {
    return read(SampleInventory.render(V16, SampleInventory.inventory(), code));
  }

  private static JsonNode read(byte[] bytes) throws IOException {
    Path out = Path.of("target", "aibom-test");
    Files.createDirectories(out);
    Files.write(out.resolve("aibom.cdx.json"), bytes);
    return JSON.readTree(bytes);
  }

  private static List<String> props(JsonNode node, String name) {
    List<String> out = new ArrayList<>();
    node.path("properties").forEach(p -> {
      if (p.path("name").asText().equals(name)) out.add(p.path("value").asText());
    });
    return out;
  }

  private static List<String> refs(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path("bom-ref").asText()));
    return out;
  }

  private static JsonNode component(JsonNode bom, String ref) {
    return find(bom.path("components"), ref);
  }

  private static JsonNode service(JsonNode bom, String ref) {
    return find(bom.path("services"), ref);
  }

  private static JsonNode find(JsonNode array, String ref) {
    for (JsonNode n : array) if (n.path("bom-ref").asText().equals(ref)) return n;
    throw new AssertionError(ref + " not in " + refs(array));
  }

  private static List<String> dependsOn(JsonNode bom, String ref) {
    List<String> out = new ArrayList<>();
    for (JsonNode d : bom.path("dependencies")) {
      if (d.path("ref").asText().equals(ref)) d.path("dependsOn").forEach(r -> out.add(r.asText()));
    }
    return out;
  }
}

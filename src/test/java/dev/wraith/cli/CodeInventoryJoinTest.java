package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan-all --code-inventory} equals scan-all over the trees themselves: the bundled example and two small
 * repositories made here (one a git checkout whose remote URL carries a CI token, with a project MCP config and a
 * workload a second cluster snapshot runs; one a compose project), against the recorded incident's cluster, audit log,
 * Tetragon events and DNS answers. inventory.json must be byte-equal apart from {@code roots} and {@code scanTime}.
 */
// the fixtures write files byte for byte, newline by newline, as a checkout holds them
@SuppressWarnings("StringConcatToTextBlock")
class CodeInventoryJoinTest {
  static final Path DEMO = Path.of("examples/demo");
  static final String TOKEN = "glpat-inventoriesTok3n9876543210";
  static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  @TempDir Path dir;
  Path fraud;
  Path notes;
  Path snapshot;
  Path tetragon;

  @BeforeEach
  void repositories() throws Exception {
    fraud = dir.resolve("trees/fraud-scorer");
    write(fraud.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    write(fraud.resolve(".git/refs/heads/main"), COMMIT + "\n");
    write(fraud.resolve(".git/config"), "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = https://ci-bot:" + TOKEN
        + "@gitlab.example.com/acme/fraud-scorer.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n");
    write(fraud.resolve("scorer/app.py"), "from openai import OpenAI\n\nclient = OpenAI()\n"
        + "resp = client.chat.completions.create(model=\"gpt-4o\", messages=[])\n");
    write(fraud.resolve("scorer/requirements.txt"), "openai==1.40.0\n");
    write(fraud.resolve("scorer/Dockerfile"), "FROM python:3.12-slim\nCOPY app.py /app/app.py\nCMD [\"python\", \"/app/app.py\"]\n");
    write(fraud.resolve("deploy/scorer.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: fraud-scorer, namespace: risk}
        spec:
          template:
            spec:
              containers:
                - name: scorer
                  image: ghcr.io/acme/scorer:1.0
                  env: [{name: OPENAI_API_KEY, valueFrom: {secretKeyRef: {name: openai, key: key}}}]
        """);
    write(fraud.resolve(".mcp.json"), "{\"mcpServers\": {\"files\": {\"command\": \"npx\", \"args\": [\"-y\", "
        + "\"@modelcontextprotocol/server-filesystem\", \"/srv\"]}}}\n");
    notes = dir.resolve("trees/notes-bot");
    write(notes.resolve("bot/index.ts"), "import Anthropic from \"@anthropic-ai/sdk\";\nconst c = new Anthropic();\n"
        + "await c.messages.create({model: \"claude-3-5-haiku-latest\", max_tokens: 10, messages: []});\n");
    write(notes.resolve("bot/package.json"), "{\"name\": \"notes-bot\", \"dependencies\": {\"@anthropic-ai/sdk\": \"^0.30.0\"}}\n");
    write(notes.resolve("compose.yaml"), "services:\n  bot:\n    build: ./bot\n    image: acme/notes-bot:2\n");
    snapshot = dir.resolve("risk.json");
    write(snapshot, """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "fraud-scorer", "namespace": "risk", "uid": "d-1"},
           "spec": {"template": {"spec": {"containers": [{"name": "scorer", "image": "ghcr.io/acme/scorer:1.0",
             "env": [{"name": "OPENAI_API_KEY", "valueFrom": {"secretKeyRef": {"name": "openai", "key": "key"}}}]}]}}},
           "status": {"replicas": 1, "readyReplicas": 1}},
          {"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": {"name": "fraud-scorer-5f6", "namespace": "risk", "uid": "r-1",
           "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": "fraud-scorer", "uid": "d-1", "controller": true}]},
           "spec": {"replicas": 1}, "status": {"replicas": 1}},
          {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fraud-scorer-5f6-abcde", "namespace": "risk", "uid": "p-1",
           "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "fraud-scorer-5f6", "uid": "r-1", "controller": true}]},
           "spec": {"nodeName": "node-b", "containers": [{"name": "scorer", "image": "ghcr.io/acme/scorer:1.0",
             "env": [{"name": "OPENAI_API_KEY", "valueFrom": {"secretKeyRef": {"name": "openai", "key": "key"}}}]}]},
           "status": {"phase": "Running", "podIP": "10.42.9.9", "containerStatuses": [{"name": "scorer", "image": "ghcr.io/acme/scorer:1.0",
             "containerID": "containerd://aa11", "ready": true, "state": {"running": {"startedAt": "2026-11-02T08:00:00Z"}}}]}}]}
        """);
    tetragon = dir.resolve("tetragon.log");
    try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(DEMO.resolve("tetragon.log.gz")))) {
      Files.copy(in, tetragon);
    }
  }

  @Test
  void joiningInventoriesEqualsScanningTheTrees() throws Exception {
    List<Path> trees = List.of(Path.of("examples/acme-support"), fraud, notes);
    Path local = dir.resolve("local");
    ScanAllCommandTest.Run a = ScanAllCommandTest.run(scanAll(local, trees.stream().map(Path::toString).toList()));
    assertThat(a.code()).as(a.err()).isZero();

    Path inventories = dir.resolve("inventories");
    for (Path tree : trees) {
      ScanAllCommandTest.Run made = ScanAllCommandTest.run("scan", tree.toString(), "--format", "inventory",
          "-o", inventories.resolve(tree.getFileName() + ".json").toString());
      assertThat(made.code()).as(made.err()).isZero();
    }
    Path joined = dir.resolve("joined");
    ScanAllCommandTest.Run b = ScanAllCommandTest.run(scanAll(joined, List.of("--code-inventory", inventories.toString())));
    assertThat(b.code()).as(b.err()).isZero();
    assertThat(b.err()).contains("3 code inventories joined");

    JsonNode left = new ObjectMapper().readTree(local.resolve("inventory.json").toFile());
    JsonNode right = new ObjectMapper().readTree(joined.resolve("inventory.json").toFile());
    assertThat(right.path("roots").toString()).contains("fraud-scorer (https://***@gitlab.example.com/acme/fraud-scorer.git @ 0123456789ab)")
        .doesNotContain(TOKEN);
    assertThat(withoutRunMetadata(joined.resolve("inventory.json"))).isEqualTo(withoutRunMetadata(local.resolve("inventory.json")));
    // the comparison is not empty: every tree's agents, a confirmed one from each cluster snapshot, the ghost, the project MCP server
    assertThat(left.path("summary").path("CONFIRMED").asInt()).isEqualTo(3);
    assertThat(left.path("summary").path("GHOST").asInt()).isEqualTo(1);
    assertThat(names(left)).contains("triage", "@acme/web-chat", "fraud-scorer", "notes-bot", "reconcile.py");
    assertThat(left.path("mcpServers").toString()).contains("fraud-scorer/.mcp.json");
  }

  @Test
  void anInventoryIsValidAgainstItsSchemaAndHoldsNoCredential() throws Exception {
    Path out = dir.resolve("fraud.json");
    ScanAllCommandTest.Run made = ScanAllCommandTest.run("scan", fraud.toString(), "--format", "inventory", "--prefix", "fraud",
        "-o", out.toString());
    assertThat(made.code()).as(made.err()).isZero();
    String text = Files.readString(out);
    assertThat(text).doesNotContain(TOKEN).doesNotContain("inventoriesTok3n");
    JsonNode inv = new ObjectMapper().readTree(text);
    assertThat(schema().validate(inv)).isEmpty();
    assertThat(inv.path("repository").path("commit").asText()).isEqualTo(COMMIT);
    assertThat(inv.path("repository").path("branch").asText()).isEqualTo("main");
    assertThat(inv.path("repository").path("remoteUrl").asText()).endsWith("@gitlab.example.com/acme/fraud-scorer.git");
    assertThat(inv.path("code").path("agents").get(0).path("path").asText()).isEqualTo("fraud/scorer/app.py");
    assertThat(inv.path("fileHashes").path("fraud/scorer/app.py").asText()).matches("[0-9a-f]{64}");
    JsonNode unit = inv.path("units").get(0);
    assertThat(unit.path("dir").asText()).isEqualTo("fraud/scorer");
    assertThat(unit.path("images").toString()).contains("ghcr.io/acme/scorer:1.0");
    assertThat(unit.path("workloads").toString()).contains("fraud-scorer", "risk");
    ((ObjectNode) inv).put("schemaVersion", 2);
    ((ObjectNode) inv.path("repository")).remove("commit");
    assertThat(schema().validate(inv)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void theDryRunSaysTheInventoriesAndUnusableArgumentsAreUsageErrors() throws Exception {
    Path inventories = Files.createDirectories(dir.resolve("inventories"));
    ScanAllCommandTest.Run dry = ScanAllCommandTest.run("scan-all", "--code-inventory", inventories.toString(), "--dry-run",
        "--no-state");
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out()).containsPattern("code\\s+yes\\s+code inventories from " + java.util.regex.Pattern.quote(inventories.toString()));
    Path fifo = dir.resolve("inventories-fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Path loop = dir.resolve("loop.json");
    Files.createSymbolicLink(loop, loop);
    for (String[] bad : List.of(new String[] {dir.resolve("missing").toString(), "no such file or directory"},
        new String[] {fifo.toString(), "not a regular file or directory"},
        new String[] {loop.toString(), "leads nowhere"},
        new String[] {"https://ci.example.com/inv.json", "a URL is not read"})) {
      ScanAllCommandTest.Run r = ScanAllCommandTest.run("scan-all", "--code-inventory", bad[0], "--no-state", "--dry-run");
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).contains("--code-inventory", bad[1]).doesNotContain("Exception");
    }
    ScanAllCommandTest.Run two = ScanAllCommandTest.run("scan", "examples", "examples/demo", "--format", "inventory");
    assertThat(two.code()).isEqualTo(2);
    assertThat(two.err()).contains("exactly one PATH");
  }

  private String[] scanAll(Path results, List<String> code) {
    List<String> a = new ArrayList<>(List.of("scan-all"));
    a.addAll(code);
    a.addAll(List.of("--kube-snapshot", DEMO.resolve("cluster.json").toString(), "--kube-snapshot", snapshot.toString(),
        "--audit-log", DEMO.resolve("audit.log").toString(), "--tetragon-events", tetragon.toString(),
        "--home", DEMO.resolve("home").toString(), "--dns-log", DEMO.resolve(DemoCommand.DNS_LOG).toString(),
        "--skip-layers", "host", "--no-dns", "--no-color", "--no-state", "--output", results.toString()));
    return a.toArray(String[]::new);
  }

  /**
   * inventory.json's bytes (as text) without what differs between two runs by design: the {@code roots} array (paths
   * here, repository identities there) and the scan time, wherever it appears.
   */
  private static String withoutRunMetadata(Path inventoryJson) throws Exception {
    String text = Files.readString(inventoryJson);
    String time = new ObjectMapper().readTree(text).path("scanTime").asText();
    assertThat(time).isNotEmpty();
    String out = text.replace(time, "SCAN-TIME").replaceFirst("\"roots\" ?: ?\\[[^\\]]*\\]", "\"roots\": ROOTS");
    assertThat(out).contains("\"roots\": ROOTS");
    return out;
  }

  private static List<String> names(JsonNode inventory) {
    return StreamSupport.stream(inventory.path("agents").spliterator(), false).map(a -> a.path("name").asText()).toList();
  }

  static com.networknt.schema.JsonSchema schema() throws Exception {
    try (InputStream in = CodeInventoryJoinTest.class.getResourceAsStream("/schema/code-inventory.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(new ObjectMapper().readTree(in));
    }
  }

  static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}

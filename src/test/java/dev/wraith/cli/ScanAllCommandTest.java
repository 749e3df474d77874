package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wraith scan-all} and {@code wraith demo} end to end, as a user runs them, over the bundled recorded incident
 * (examples/acme-support + examples/demo): offline, every layer but the host one, with and without state.
 */
class ScanAllCommandTest {
  static final Path CODE = Path.of("examples/acme-support");
  static final Path DEMO = Path.of("examples/demo");

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    PrintStream oldOut = System.out, oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = Main.run(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private List<String> offline(Path tetragon, Path results, String... more) {
    List<String> a = new ArrayList<>(List.of("scan-all", CODE.toString(),
        "--kube-snapshot", DEMO.resolve("cluster.json").toString(),
        "--audit-log", DEMO.resolve("audit.log").toString(),
        "--tetragon-events", tetragon.toString(),
        "--home", DEMO.resolve("home").toString(),
        "--dns-log", DEMO.resolve(DemoCommand.DNS_LOG).toString(), "--skip-layers", "host", "--no-dns", "--no-color",
        "--output", results.toString()));
    a.addAll(List.of(more));
    return a;
  }

  private static JsonNode json(Path p) throws Exception {
    return new ObjectMapper().readTree(p.toFile());
  }

  private static JsonNode agent(JsonNode inventory, String classification) {
    return StreamSupport.stream(inventory.path("agents").spliterator(), false)
        .filter(a -> a.path("classification").asText().equals(classification)).findFirst().orElseThrow();
  }

  @Test
  void demoPrintsTheInventoryTheGhostAndWritesTheResults() throws Exception {
    Path results = dir.resolve("results");
    Run r = run("demo", "--no-color", "--output", results.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("CONFIRMED\\s+2\\s+Active")
        .containsPattern("UNKNOWN\\s+3\\s+Code found")
        .containsPattern("SHADOW AI\\s+0")
        .containsPattern("ZOMBIE\\s+0")
        .containsPattern("GHOST\\s+1\\s+Critical")
        .contains("GHOST reconcile.py", "CRITICAL", "/tmp/.cache/reconcile.py", "contractor-ops@acme.example",
            "payments/Deployment/payments-api", "read-secrets", "3942 connections", "2026-11-16T09:14:08Z",
            "(tetragon; evidence dns-answer, strong)", "⚠ Unverified MCP server: files-fast", "✔ Verified MCP server: files")
        .doesNotContain("suspected").doesNotContain("rates.partner-fx.example")
        .doesNotContain("fs_demoTokenNeverPrinted", "\u001b[");
    assertThat(r.err()).contains("[tetragon] started", "[cluster ] started");
    try (var files = Files.list(results)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("aibom.cdx.json", "code.sarif", "findings.ocsf.jsonl", "inventory.json", "report.html",
              "report.md");
    }
    JsonNode inv = json(results.resolve("inventory.json"));
    assertThat(inv.path("schemaVersion").asInt()).isEqualTo(2);
    assertThat(inv.path("summary").path("CONFIRMED").asInt()).isEqualTo(2);
    assertThat(inv.path("summary").path("UNKNOWN").asInt()).isEqualTo(3);
    assertThat(inv.path("summary").path("GHOST").asInt()).isEqualTo(1);
    JsonNode ghost = agent(inv, "GHOST");
    assertThat(ghost.path("risk").asText()).isEqualTo("CRITICAL");
    assertThat(ghost.path("suspected").asBoolean()).isFalse();
    // the JVM in the same pod called the same Cloudflare address for a partner's site: not AI, so no agent at all
    assertThat(ghost.path("connections")).singleElement().satisfies(c -> {
      assertThat(c.path("evidence").asText()).isEqualTo("dns-answer");
      assertThat(c.path("count").asInt()).isEqualTo(3942);
    });
    assertThat(inv.path("agents").toString()).doesNotContain("payments-api.jar");
    assertThat(ghost.path("process").path("execed").asBoolean()).isTrue();
    assertThat(ghost.path("workload").path("name").asText()).isEqualTo("payments-api");
    assertThat(ghost.path("code")).isEmpty();
    try (InputStream in = getClass().getResourceAsStream("/schema/inventory.schema.json")) {
      var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(new ObjectMapper().readTree(in));
      assertThat(schema.validate(inv)).isEmpty();
    }
    assertThat(Files.readString(results.resolve("report.md"))).contains("reconcile.py");
  }

  @Test
  void aReplayWithNeitherPinNorDnsLogSaysWhatItCouldNotAttributeAndHow() throws Exception {
    List<String> args = offline(DEMO.resolve("tetragon.log.gz"), dir.resolve("bare"), "--no-state");
    int i = args.indexOf("--dns-log");
    args.remove(i + 1);
    args.remove(i);
    Run r = run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    // the Cloudflare address names nothing by itself: no ghost, and the output says why and what to do
    assertThat(r.out()).containsPattern("GHOST\\s+0")
        .contains("tetragon ran (1 destination not attributed: 162.159.140.245:443 (4494 connections, 4 processes); "
            + "to attribute them, give the DNS answers the sensor recorded (--dns-log FILE) or pin an address "
            + "(--resolve HOST=IP))");
    assertThat(r.err()).contains("1 destination not attributed (see the layer status)");
    JsonNode layer = StreamSupport.stream(json(dir.resolve("bare/inventory.json")).path("layers").spliterator(), false)
        .filter(l -> l.path("name").asText().equals("tetragon")).findFirst().orElseThrow();
    assertThat(layer.path("reason").asText()).startsWith("1 destination not attributed: 162.159.140.245:443");
  }

  @Test
  void aGhostThatStopsStaysAGhostUntilAcknowledged() throws Exception {
    Path state = dir.resolve("state.db");
    Path full = DEMO.resolve("tetragon.log.gz");
    Run first = run(offline(full, dir.resolve("r1"), "--state", state.toString()).toArray(String[]::new));
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).containsPattern("GHOST\\s+1").contains("new");
    // the reach line is wraith's own words: not mistaken for a secret-named header and masked
    assertThat(first.out()).contains("read-secrets — can read secrets in namespace payments").doesNotContain("read-secrets: ***");
    JsonNode ghost = agent(json(dir.resolve("r1/inventory.json")), "GHOST");

    // the same cluster a day later: the script was found and killed, the services still run
    Path without = dir.resolve("tetragon-without-ghost.log.gz");
    writeWithout(full, without, "reconcile.py");
    Run second = run(offline(without, dir.resolve("r2"), "--state", state.toString(), "--fail-on", "GHOST")
        .toArray(String[]::new));
    assertThat(second.code()).as("an unacknowledged ghost is still a ghost for --fail-on: " + second.err()).isEqualTo(1);
    assertThat(second.out()).containsPattern("GHOST\\s+1").containsPattern("ZOMBIE\\s+0").containsPattern("CONFIRMED\\s+2")
        .contains("GHOST (inactive)");
    JsonNode inactive = agent(json(dir.resolve("r2/inventory.json")), "GHOST");
    assertThat(inactive.path("id").asText()).isEqualTo(ghost.path("id").asText());
    assertThat(inactive.path("risk").asText()).as("not downgraded by time").isEqualTo(ghost.path("risk").asText());
    assertThat(inactive.path("inactiveSince").asText()).isNotEmpty();
    assertThat(inactive.path("change").asText()).isEqualTo("CHANGED");
    assertThat(inactive.path("reasons").get(0).asText()).startsWith("Not seen running since ");

    Run diff = run("diff", "--state", state.toString());
    assertThat(diff.code()).as(diff.err()).isZero();
    assertThat(diff.out()).contains("reconcile.py").contains("no longer seen running");

    String id = ghost.path("id").asText();
    Run ack = run("ack", id.substring(0, 8), "--note", "INC-4711: debug script, removed", "--state", state.toString());
    assertThat(ack.code()).as(ack.err()).isZero();
    assertThat(ack.out()).contains("acknowledged GHOST").contains(id).contains("no longer lists it");

    Run third = run(offline(without, dir.resolve("r3"), "--state", state.toString(), "--fail-on", "GHOST")
        .toArray(String[]::new));
    assertThat(third.code()).as("acknowledged: " + third.err()).isZero();
    assertThat(third.out()).containsPattern("GHOST\\s+0");
    Run history = run("history", "--agent", id, "--state", state.toString());
    assertThat(history.out()).contains("inactive").contains("acknowledged ").contains("INC-4711: debug script, removed");
  }

  @Test
  void ackRefusesAnUnknownAgentAndAnEmptyNote() throws Exception {
    Path state = dir.resolve("state.db");
    Run first = run(offline(DEMO.resolve("tetragon.log.gz"), dir.resolve("r1"), "--state", state.toString())
        .toArray(String[]::new));
    assertThat(first.code()).as(first.err()).isZero();
    Run unknown = run("ack", "ffffffffffffffff", "--note", "x", "--state", state.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no agent 'ffffffffffffffff'");
    String id = agent(json(dir.resolve("r1/inventory.json")), "GHOST").path("id").asText();
    Run empty = run("ack", id, "--note", "  ", "--state", state.toString());
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("--note is empty");
    Run twoLines = run("ack", id, "--note", "a\nb", "--state", state.toString());
    assertThat(twoLines.code()).isEqualTo(2);
    assertThat(twoLines.err()).contains("one line");
    Run noState = run("ack", id, "--note", "x", "--state", dir.resolve("none.db").toString());
    assertThat(noState.code()).isEqualTo(2);

    String token = "sk-proj-" + "Ack9Note7Pasted3Token5Value1xyzAB";
    Run pasted = run("ack", id, "--note", "rotated " + token + " after INC-9", "--state", state.toString());
    assertThat(pasted.code()).as(pasted.err()).isZero();
    assertThat(pasted.out()).contains("stored masked").doesNotContain(token);
    Run history = run("history", "--agent", id, "--state", state.toString(), "--format", "json");
    assertThat(history.out()).contains("after INC-9").doesNotContain(token);
    assertThat(new String(java.nio.file.Files.readAllBytes(state), java.nio.charset.StandardCharsets.ISO_8859_1))
        .as("the state database").doesNotContain(token);
  }

  @Test
  void aibomWritesOnlyTheBillOfMaterials() throws Exception {
    Path bom = dir.resolve("out/aibom.cdx.json");
    List<String> args = offline(DEMO.resolve("tetragon.log.gz"), dir.resolve("unused"), "--no-state");
    args.set(0, "aibom");
    int i = args.indexOf("--output");
    args.remove(i + 1);
    args.remove(i);
    args.remove("--no-color");
    args.addAll(List.of("-o", bom.toString()));
    Run r = run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dir.resolve("unused")).doesNotExist();
    JsonNode doc = json(bom);
    assertThat(doc.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(doc.path("specVersion").asText()).isEqualTo("1.7");
    assertThat(doc.path("components").toString()).contains("triage-agent", "reconcile.py", "langgraph");

    args.addAll(List.of("--cdx-version", "1.6"));
    r = run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode v16 = json(bom);
    assertThat(v16.path("specVersion").asText()).isEqualTo("1.6");
    List<String> refs16 = new java.util.ArrayList<>();
    List<String> refs17 = new java.util.ArrayList<>();
    v16.path("components").forEach(c -> refs16.add(c.path("bom-ref").asText()));
    doc.path("components").forEach(c -> refs17.add(c.path("bom-ref").asText()));
    assertThat(refs16).isNotEmpty().isEqualTo(refs17);
    args.set(args.size() - 1, "2.0");
    r = run(args.toArray(String[]::new));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--cdx-version '2.0': expected 1.6 or 1.7");
  }

  @Test
  void failOnGatesOnClassOrRisk() {
    Path events = DEMO.resolve("tetragon.log.gz");
    assertThat(run(offline(events, dir.resolve("a"), "--no-state", "--fail-on", "ghost").toArray(String[]::new)).code())
        .isEqualTo(Main.FAIL_ON);
    assertThat(run(offline(events, dir.resolve("b"), "--no-state", "--fail-on", "SHADOW_AI").toArray(String[]::new)).code())
        .isZero();
    assertThat(run(offline(events, dir.resolve("c"), "--no-state", "--fail-on", "HIGH").toArray(String[]::new)).code())
        .isEqualTo(Main.FAIL_ON);
    Run bad = run(offline(events, dir.resolve("d"), "--no-state", "--fail-on", "SPOOKY").toArray(String[]::new));
    assertThat(bad.code()).isEqualTo(Main.USAGE);
    assertThat(bad.err()).contains("expected a classification");
  }

  @Test
  void dryRunSaysWhatWouldRunAndTouchesNothing() {
    Path results = dir.resolve("never");
    Run r = run("scan-all", CODE.toString(), "--kube-snapshot", DEMO.resolve("cluster.json").toString(),
        "--skip-layers", "host", "--dry-run", "--output", results.toString(), "--state", dir.resolve("s.db").toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("code      yes", "cluster   yes   offline snapshot", "host      no    skipped by --skip-layers");
    assertThat(results).doesNotExist();
    assertThat(dir.resolve("s.db")).doesNotExist();
  }

  @Test
  void badInputIsAOneLineUsageError() throws Exception {
    Path bad = Files.writeString(dir.resolve("allow.yaml"), "allow:\n  - imgae: ghcr.io/x/y\n");
    for (String[] args : List.of(
        new String[] {"scan-all", "--skip-layers", "kernel"},
        new String[] {"scan-all", "--no-state", "--state", "x.db"},
        new String[] {"scan-all", "--kube-snapshot", dir.resolve("missing.json").toString()},
        new String[] {"scan-all", "--tetragon-events", DEMO.resolve("audit.log").toString(), "--tetragon-address", "x:1"},
        new String[] {"scan-all", "--allow-list", bad.toString(), "--no-state"},
        new String[] {"scan-all", "--format", "xml"},
        new String[] {"scan-all", "--duration", "0"})) {
      Run r = run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(Main.USAGE);
      assertThat(r.err()).as(String.join(" ", args)).startsWith("wraith: ").doesNotContain("Exception\n\tat");
    }
  }

  @Test
  void aCorruptStateDatabaseIsReportedNotOverwritten() throws Exception {
    Path state = Files.writeString(dir.resolve("state.db"), "this is not a database");
    Run r = run(offline(DEMO.resolve("tetragon.log.gz"), dir.resolve("r"), "--state", state.toString())
        .toArray(String[]::new));
    assertThat(r.code()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains(state.toString());
    assertThat(Files.readString(state)).isEqualTo("this is not a database");
  }

  private static void writeWithout(Path from, Path to, String marker) throws Exception {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(from)),
        StandardCharsets.UTF_8)); OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.contains(marker)) out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}

package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.tetragon.TetragonFixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wraith tetragon} as a user runs it, over a written export file. */
class TetragonCommandTest {
  @TempDir Path dir;

  Path events() throws Exception {
    Path f = dir.resolve("tetragon.log");
    Files.write(f, TetragonFixtures.messyWindow());
    return f;
  }

  @Test
  void jsonLinesAreDeterministicAndSecretFree() throws Exception {
    Path in = events();
    Path a = dir.resolve("a.jsonl"), b = dir.resolve("b.jsonl");
    assertThat(Main.run("tetragon", "--tetragon-events", in.toString(), "--resolve", "api.openai.com=104.18.7.192",
        "--format", "json", "-o", a.toString())).isZero();
    Main.run("tetragon", "--tetragon-events", in.toString(), "--resolve", "api.openai.com=104.18.7.192",
        "--format", "json", "-o", b.toString());
    assertThat(Files.readString(a)).isEqualTo(Files.readString(b)).doesNotContain("sk-abcdefghijklmnopqrstu")
        .doesNotContain("REALVALUE");
    List<JsonNode> lines = Files.readAllLines(a).stream().map(TetragonCommandTest::json).toList();
    assertThat(lines).extracting(l -> l.path("type").asText()).containsExactly("observation", "observation",
        "observation", "observation", "observation", "unattributed", "status");
    JsonNode agent = lines.stream().filter(l -> l.path("entryScript").asText().equals("/tmp/agent.py")
        && l.path("port").asInt() == 11434).findFirst().orElseThrow();
    assertThat(agent.path("execd").asBoolean()).isTrue();
    assertThat(agent.path("launcher").asText()).isEqualTo("runc");
    assertThat(agent.path("attribution").asText()).isEqualTo("port");
    assertThat(agent.path("strength").asText()).isEqualTo("weak");
    // the node script's other destination: nothing names it
    assertThat(lines.get(5).path("ip").asText()).isEqualTo("93.184.216.34");
    assertThat(lines.get(5).path("connections").asInt()).isEqualTo(1);
    assertThat(lines.get(5).has("named")).isFalse();
    assertThat(lines.get(6).path("state").asText()).isEqualTo("partial");
    assertThat(lines.get(6).path("stats").path("malformed").asInt()).isEqualTo(3);
    assertThat(lines.get(6).path("reason").asText()).startsWith("1 destination not attributed: 93.184.216.34:443 (1 connection, "
        + "1 process); to attribute them, give the DNS answers the sensor recorded (--dns-log FILE)");
  }

  @Test
  void tableShowsOriginsAndWarnings() throws Exception {
    String out = run("tetragon", "--tetragon-events", events().toString(), "--resolve", "api.openai.com=104.18.7.192");
    assertThat(out).contains("exec (runc)", "probe", "node", "/tmp/agent.py", "published-range", "data gap");
  }

  @Test
  void badInputIsAUsageErrorAndAMissingSocketFailsTheLayer() throws Exception {
    assertThat(Main.run("tetragon", "--tetragon-events", dir.resolve("missing").toString())).isEqualTo(Main.USAGE);
    assertThat(Main.run("tetragon", "--tetragon-events", events().toString(), "--tetragon-address", "localhost:54321"))
        .isEqualTo(Main.USAGE);
    assertThat(Main.run("tetragon", "--tetragon-address", "localhost")).isEqualTo(Main.USAGE);
    assertThat(Main.run("tetragon", "--tetragon-address", "localhost:54321", "--duration", "0")).isEqualTo(Main.USAGE);
    Path out = dir.resolve("failed.jsonl");
    String socket = dir.resolve("tetragon.sock").toString();
    assertThat(Main.run("tetragon", "--tetragon-address", "unix://" + socket, "--duration", "5", "--format", "json",
        "-o", out.toString())).isEqualTo(Main.LAYER_FAILED);
    JsonNode status = json(Files.readAllLines(out).get(0));
    assertThat(status.path("state").asText()).isEqualTo("failed");
    assertThat(status.path("reason").asText()).contains("no socket at " + socket);
  }

  @Test
  void theLiveStreamGivesWhatTheFileGives() throws Exception {
    List<String> lines = TetragonFixtures.messyWindow().stream().filter(l -> !l.contains("\"process_connect\"")).toList();
    Path f = dir.resolve("stream.log");
    Files.write(f, lines);
    Path fromFile = dir.resolve("file.jsonl"), fromStream = dir.resolve("stream.jsonl");
    assertThat(Main.run("tetragon", "--tetragon-events", f.toString(), "--duration", "1", "--resolve",
        "api.openai.com=104.18.7.192", "--format", "json", "-o", fromFile.toString())).isZero();
    try (var server = TetragonFixtures.replayOverTcp(lines)) {
      assertThat(Main.run("tetragon", "--tetragon-address", server.address(), "--duration", "6", "--resolve",
          "api.openai.com=104.18.7.192", "--format", "json", "-o", fromStream.toString())).isZero();
    }
    List<String> a = Files.readAllLines(fromFile), b = Files.readAllLines(fromStream);
    assertThat(b).hasSize(a.size());
    assertThat(b.subList(0, b.size() - 1)).isEqualTo(a.subList(0, a.size() - 1)); // every observation line
    assertThat(json(b.get(b.size() - 1)).path("state").asText()).isEqualTo("partial"); // the rate-limit gap
  }

  static final Path DEMO = Path.of("examples/demo");

  @Test
  void theBundledReplayWithoutPinsSaysWhatItCouldNotAttributeAndHow() {
    String out = run("tetragon", "--tetragon-events", DEMO.resolve("tetragon.log.gz").toString());
    assertThat(out).contains("AI connections in Tetragon events 2026-11-02T08:00:00Z – 2026-11-27T07:58:08Z: 1")
        .contains("Destinations not attributed to AI: 1 (4494 connections):")
        .containsPattern("162\\.159\\.140\\.245:443\\s+4494\\s+4\\s+nothing names it")
        .contains("To attribute them, give the DNS answers the sensor recorded (--dns-log FILE) or pin an address "
            + "(--resolve HOST=IP).")
        .contains("tetragon layer: ran (1 destination not attributed: 162.159.140.245:443 (4494 connections, 4 processes)")
        .doesNotContain("openai");
  }

  @Test
  void theBundledReplayWithTheRecordedDnsAnswersNamesTheGhostAndNotItsNeighbour() {
    String out = run("tetragon", "--tetragon-events", DEMO.resolve("tetragon.log.gz").toString(), "--dns-log",
        DEMO.resolve("dns.jsonl.gz").toString());
    assertThat(out).contains("/tmp/.cache/reconcile.py").containsPattern("api\\.openai\\.com \\(162\\.159\\.140\\.245:443\\)\\s+"
        + "openai\\s+dns-answer\\s+3942")
        .containsPattern("162\\.159\\.140\\.245:443\\s+264\\s+1\\s+named rates\\.partner-fx\\.example by dns-answer: not AI")
        .doesNotContain("To attribute them").contains("tetragon layer: ran;");
  }

  static String run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(args)).isZero();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  static JsonNode json(String s) {
    try {
      return new ObjectMapper().readTree(s);
    } catch (Exception e) {
      throw new AssertionError(s, e);
    }
  }
}

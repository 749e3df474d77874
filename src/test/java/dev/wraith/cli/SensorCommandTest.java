package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wraith sensor} as a user runs it, over the /proc fixture tree. */
class SensorCommandTest {
  static final String TREE = "src/test/fixtures/host/proc/node-a";
  @TempDir Path dir;

  @Test
  void jsonLinesToAFile() throws Exception {
    Path out = dir.resolve("ai.jsonl");
    int code = Main.run("sensor", "--proc-root", TREE, "--no-dns", "--duration", "0.2", "--format", "json", "-o", out.toString());
    assertThat(code).isZero();
    List<JsonNode> lines = Files.readAllLines(out).stream().map(SensorCommandTest::json).toList();
    assertThat(lines).extracting(l -> l.path("type").asText()).containsExactly("observation", "observation", "observation",
        "unowned", "status");
    assertThat(lines.get(2).path("origin").asText()).isEqualTo("node");
    assertThat(lines.get(0).path("provider").asText()).isEqualTo("anthropic");
    assertThat(lines.get(0).path("attribution").asText()).isEqualTo("published-range");
    assertThat(Files.readString(out)).doesNotContain("sha256").doesNotContain("sk-ant-fixture");
  }

  @Test
  void tableWithHashesOnRequest() {
    String out = stdout(() -> assertThat(Main.run("sensor", "--proc-root", TREE, "--no-dns", "--duration", "0.1",
        "--include-hashes")).isZero());
    assertThat(out).contains("AI connections seen").contains("exec").contains("sha256:").contains("host layer: ran");
  }

  @Test
  void badUsageIsExitTwo() {
    assertThat(Main.run("sensor", "--resolve", "api.openai.com")).isEqualTo(2);
    assertThat(Main.run("sensor", "--resolve", "api.openai.com=not-an-ip")).isEqualTo(2);
    assertThat(Main.run("sensor", "--interval", "1000")).isEqualTo(2);
    assertThat(Main.run("sensor", "--duration", "0")).isEqualTo(2);
    assertThat(Main.run("sensor", "--proc-root", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(Main.run("sensor", "--proc-root", TREE, "--format", "sarif")).isEqualTo(2);
  }

  private static JsonNode json(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (Exception e) {
      throw new AssertionError(line, e);
    }
  }

  private static String stdout(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}

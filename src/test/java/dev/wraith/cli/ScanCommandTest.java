package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user runs it: formats, output files, exit codes, clear errors. */
class ScanCommandTest {
  @TempDir Path dir;

  @Test
  void writesJsonToAFileAndGatesOnSeverity() throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src);
    Files.writeString(src.resolve("agent.py"), """
        import os
        from langchain_experimental.tools import PythonREPLTool
        from openai import OpenAI
        key = os.environ["OPENAI_API_KEY"]
        client = OpenAI(api_key="sk-proj-abcdefghijklmnopqrstuvwxyz0123456789")
        tools = [PythonREPLTool()]
        """);
    Path out = dir.resolve("out/report.json");
    assertThat(Main.run("scan", src.toString(), "--format", "json", "-o", out.toString())).isEqualTo(0);
    JsonNode doc = new ObjectMapper().readTree(out.toFile());
    assertThat(doc.path("findings").size()).isEqualTo(3);
    assertThat(doc.path("catalogue").path("version").asText()).isNotEmpty();
    assertThat(Files.readString(out)).doesNotContain("sk-proj-");

    assertThat(Main.run("scan", src.toString(), "--format", "json", "-o", out.toString(), "--fail-on", "error")).isEqualTo(1);
    assertThat(Main.run("scan", src.toString(), "-o", out.toString(), "--fail-on", "warning")).isEqualTo(1);
  }

  @Test
  void tableIsTheDefaultAndNamesTheAgent() throws IOException {
    Files.writeString(dir.resolve("bot.py"), "from anthropic import Anthropic\nc = Anthropic()\n");
    String out = captureStdout(() -> assertThat(Main.run("scan", dir.toString())).isEqualTo(0));
    assertThat(out).contains("Agents: 1 (ai-client 1)").contains(dir.getFileName() + "  ./").contains("anthropic")
        .doesNotContain("Findings:");
    String details = captureStdout(() -> assertThat(Main.run("scan", dir.toString(), "--details")).isEqualTo(0));
    assertThat(details).contains("Findings: ").contains("bot.py:2");
  }

  @Test
  void badInputIsAClearUsageError() throws IOException {
    assertThat(Main.run("scan", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(Main.run("scan", dir.toString(), "--format", "xml")).isEqualTo(2);
    assertThat(Main.run("scan", dir.toString(), "--fail-on", "loud")).isEqualTo(2);
    Files.writeString(dir.resolve("a-file"), "x");
    String io = captureStderr(() -> assertThat(Main.run("scan", dir.toString(), "-o", dir.resolve("a-file/out.json").toString()))
        .isEqualTo(2));
    assertThat(io).startsWith("wraith: ").doesNotContain("\tat ");
    Path cat = dir.resolve("cat");
    Files.createDirectories(cat);
    Files.writeString(cat.resolve("x.yaml"), "providers:\n  - {id: x, name: X, hosts: ['bad host']}\n");
    String err = captureStderr(() -> assertThat(Main.run("scan", dir.toString(), "--catalogue", cat.toString())).isEqualTo(2));
    assertThat(err).contains("invalid catalogue").contains("not a hostname pattern");
  }

  @Test
  void versionNamesToolAndCatalogue() {
    String out = captureStdout(() -> assertThat(Main.run("--version")).isEqualTo(0));
    assertThat(out).contains("wraith ").containsPattern("catalogue \\d+\\.\\d+\\.\\d+");
  }

  private static String captureStdout(Runnable r) {
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

  private static String captureStderr(Runnable r) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}

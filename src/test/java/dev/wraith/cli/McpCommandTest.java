package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wraith mcp} as a user runs it, over the home and project fixtures. */
class McpCommandTest {
  static final String HOME = "src/test/resources/mcp/home";
  static final String PROJECT = "src/test/resources/mcp/project";
  @TempDir Path dir;

  @Test
  void jsonHasOneObjectPerServerAndNoSecrets() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    assertThat(Main.run("mcp", "--home", HOME, PROJECT, "--format", "json", "-o", a.toString())).isZero();
    assertThat(Main.run("mcp", "--home", HOME, PROJECT, "--format", "json", "-o", b.toString())).isZero();
    String json = Files.readString(a);
    assertThat(json).isEqualTo(Files.readString(b)).doesNotContain("PLANTED");
    JsonNode servers = new ObjectMapper().readTree(json).get("servers");
    assertThat(servers).hasSize(21);
    JsonNode evil = servers.findParents("name").stream().filter(s -> s.get("name").asText().equals("fs-evil")).findFirst().orElseThrow();
    assertThat(evil.get("verified").asBoolean()).isFalse();
    assertThat(evil.get("packageName").asText()).isEqualTo("@modelcontextprotocol/server-filesystem-evil");
    for (String field : new String[] {"name", "source", "transport", "command", "url", "packageName", "version", "verified", "reasons"}) {
      assertThat(evil.has(field)).as(field).isTrue();
    }
  }

  @Test
  void tableNamesServersAndWarnings() throws Exception {
    Path out = dir.resolve("t.txt");
    assertThat(Main.run("mcp", "--home", HOME, PROJECT, "-o", out.toString())).isZero();
    String table = Files.readString(out);
    assertThat(table).contains("fs-evil", "typosquat: @modelcontextprotocol/server-filesystem", "warning: ~/.gemini/settings.json")
        .contains("21 MCP server(s) in 16 config file(s), 11 unverified").doesNotContain("PLANTED");
  }

  @Test
  void badUsageIsExitTwo() {
    assertThat(Main.run("mcp", "--home", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(Main.run("mcp", "--home", HOME, dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(Main.run("mcp", "--home", HOME, "--format", "sarif")).isEqualTo(2);
  }
}

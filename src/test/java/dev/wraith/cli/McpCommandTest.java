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
        .contains("21 MCP server(s) in 16 config file(s), 10 unverified").doesNotContain("PLANTED");
  }

  @Test
  void probeReportsToolsFailuresAndHangsAndGoesOn() throws Exception {
    String python = java.nio.file.Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    String script = Path.of("src/test/resources/mcp/servers/poisoned_server.py").toAbsolutePath().toString();
    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve(".cursor"));
    Files.writeString(home.resolve(".cursor/mcp.json"), """
        {"mcpServers": {
          "a-poisoned": {"command": "%1$s", "args": ["%2$s"]},
          "b-exits": {"command": "%1$s", "args": ["%2$s", "exit"], "env": {"WRAITH_TEST_TOKEN": "PLANTED-token"}},
          "c-hangs": {"command": "%1$s", "args": ["%2$s", "hang"]},
          "d-remote": {"url": "http://127.0.0.1:9/mcp"}
        }}""".formatted(python, script));
    Path json = dir.resolve("p.json");
    assertThat(Main.run("mcp", "--home", home.toString(), "--probe", "--probe-timeout", "3", "--no-state", "--format", "json", "-o", json.toString())).isZero();
    JsonNode servers = new ObjectMapper().readTree(Files.readString(json)).get("servers");
    assertThat(servers).extracting(s -> s.get("name").asText() + " " + s.get("probe").get("status").asText())
        .containsExactly("a-poisoned ok", "b-exits failed", "c-hangs timeout", "d-remote failed");
    JsonNode add = servers.get(0).get("probe").get("tools").get(0);
    assertThat(add.get("name").asText()).isEqualTo("add");
    assertThat(add.get("warnings").toString()).contains("hidden-instruction: important-tag", "invisible-unicode: zero-width (1)");
    assertThat(servers.get(1).get("probe").get("stderrTail").toString()).contains("token=***");
    assertThat(Files.readString(json)).doesNotContain("PLANTED");

    Path table = dir.resolve("p.txt");
    assertThat(Main.run("mcp", "--home", home.toString(), "--probe", "--probe-timeout", "3", "--no-state", "-o", table.toString())).isZero();
    assertThat(Files.readString(table)).contains("probe ok: wraith-test-poisoned 0.0.1, 3 tool(s)", "probe timeout:",
        "probe failed: the server exited before answering", "stderr| fatal: cannot log in with token=***", "⚠ add",
        "probed: 1 answered, 3 failed or timed out; 3 tool(s), 1 with hidden-instruction warnings").doesNotContain("PLANTED");
  }

  @Test
  void aToolThatChangesBetweenProbesIsReportedAsARugPull() throws Exception {
    String python = java.nio.file.Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    String script = Path.of("src/test/resources/mcp/servers/poisoned_server.py").toAbsolutePath().toString();
    Path home = dir.resolve("home2");
    Files.createDirectories(home.resolve(".cursor"));
    String config = "{\"mcpServers\": {\"calc\": {\"command\": \"%s\", \"args\": [\"%s\"]%s}}}";
    Files.writeString(home.resolve(".cursor/mcp.json"), config.formatted(python, script, ""));
    Path db = dir.resolve("state.db");
    Path first = dir.resolve("first.txt"), second = dir.resolve("second.txt");
    assertThat(Main.run("mcp", "--home", home.toString(), "--probe", "--probe-timeout", "5", "--state", db.toString(),
        "-o", first.toString())).isZero();
    assertThat(Files.readString(first)).doesNotContain("changed since");
    // the same server, a week later, hands out a different description for the same tool
    Files.writeString(home.resolve(".cursor/mcp.json"), config.formatted(python, script,
        ", \"env\": {\"WRAITH_TEST_VARIANT\": \"2\"}"));
    assertThat(Main.run("mcp", "--home", home.toString(), "--probe", "--probe-timeout", "5", "--state", db.toString(),
        "-o", second.toString())).isZero();
    assertThat(Files.readString(second)).contains("tool add changed since");
    // listing without --probe never touches the database
    Path other = dir.resolve("other.db");
    assertThat(Main.run("mcp", "--home", home.toString(), "--state", other.toString(), "-o", dir.resolve("x.txt").toString())).isZero();
    assertThat(other).doesNotExist();
  }

  @Test
  void badUsageIsExitTwo() {
    assertThat(Main.run("mcp", "--home", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(Main.run("mcp", "--home", HOME, dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(Main.run("mcp", "--home", HOME, "--format", "sarif")).isEqualTo(2);
    assertThat(Main.run("mcp", "--home", HOME, "--probe-timeout", "0")).isEqualTo(2);
  }
}

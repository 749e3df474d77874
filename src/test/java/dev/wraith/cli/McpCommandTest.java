package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        .contains("21 MCP servers in 16 config files, 10 unverified; risk: 2 critical · 7 high · 5 medium · 7 low")
        .doesNotContain("PLANTED");
    List<String> lines = table.lines().toList();
    assertThat(lines.get(0)).startsWith("RISK      SERVER ");
    // a risk per row, riskiest first, and the reasons for it in sentences under it
    int typo = indexOf(lines, "⚠ typo ");
    assertThat(lines.get(typo)).startsWith("CRITICAL  ⚠ typo ");
    assertThat(lines.get(typo + 1)).isEqualTo("          Its package name imitates an official one: typosquat: "
        + "@modelcontextprotocol/server-filesystem");
    int evil = indexOf(lines, "⚠ fs-evil ");
    assertThat(lines.get(evil)).startsWith("HIGH      ⚠ fs-evil ");
    assertThat(lines.get(evil + 1)).isEqualTo("          Unverified local server: runs with your user's file and shell access");
    assertThat(lines.get(indexOf(lines, "✔ github "))).startsWith("LOW       ✔ github ");
    assertThat(typo).isLessThan(evil);
    assertThat(evil).isLessThan(indexOf(lines, "✔ github "));
  }

  /** The mcp command and scan-all word a server's verdict in the same sentences (one place says them). */
  @Test
  void riskAndReasonsAreScanAllsForTheSameServers() throws Exception {
    Path json = dir.resolve("mcp.json");
    assertThat(Main.run("mcp", "--home", HOME, "--format", "json", "-o", json.toString())).isZero();
    Path results = dir.resolve("results");
    assertThat(Main.run("scan-all", "--home", HOME, "--skip-layers", "code,cluster,host,tetragon", "--no-state",
        "-o", results.toString(), "--format", "json")).isZero();
    ObjectMapper m = new ObjectMapper();
    java.util.Map<String, String> mcp = new java.util.TreeMap<>();
    for (JsonNode s : m.readTree(json.toFile()).get("servers")) {
      mcp.put(s.get("source").asText() + " " + s.get("name").asText(), s.get("risk").asText() + " " + s.get("riskReasons"));
    }
    java.util.Map<String, String> inventory = new java.util.TreeMap<>();
    for (JsonNode s : m.readTree(results.resolve("inventory.json").toFile()).get("mcpServers")) {
      inventory.put(s.get("source").asText() + " " + s.get("name").asText(), s.get("risk").asText() + " " + s.get("reasons"));
    }
    assertThat(mcp).hasSizeGreaterThan(10).isEqualTo(inventory);
    assertThat(mcp.get("~/.config/Claude/claude_desktop_config.json fs-evil"))
        .isEqualTo("HIGH [\"Unverified local server: runs with your user's file and shell access\",\"Publisher check: unknown-package\","
            + "\"Publisher check: unpinned\"]");
  }

  @Test
  void noServerIsASentenceNamingWhereItLooked() throws Exception {
    Path home = Files.createDirectories(dir.resolve("empty-home"));
    Path out = dir.resolve("empty.txt");
    assertThat(Main.run("mcp", "--home", home.toString(), dir.toString(), "-o", out.toString())).isZero();
    assertThat(Files.readString(out)).isEqualTo("no MCP servers found in the MCP configs under " + home + ", " + dir
        + " (0 config files read)\n");
  }

  private static int indexOf(List<String> lines, String part) {
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(part)) return i;
    throw new AssertionError("no line with " + part);
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
    assertThat(servers.get(1).get("probe").get("stderrTail").toString())
        .isEqualTo("[\"fatal: cannot log in with token=***\",\"giving up, secret was ***\"]");
    assertThat(Files.readString(json)).doesNotContain("PLANTED");

    Path table = dir.resolve("p.txt");
    assertThat(Main.run("mcp", "--home", home.toString(), "--probe", "--probe-timeout", "3", "--no-state", "-o", table.toString())).isZero();
    assertThat(Files.readString(table)).contains("probe ok: wraith-test-poisoned 0.0.1, 3 tools", "Probe timeout:",
        "Probe failed: the server exited before answering", "stderr| fatal: cannot log in with token=***",
        "stderr| giving up, secret was ***", "⚠ add",
        "Tool add: hidden-instruction: important-tag",
        "probed: 1 answered, 3 failed or timed out; 3 tools, 1 with hidden-instruction warnings").doesNotContain("PLANTED");
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

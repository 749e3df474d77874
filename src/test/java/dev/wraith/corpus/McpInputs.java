package dev.wraith.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * MCP client configs with planted env values, headers, arguments and URLs: a user config (Cursor, in the home) with a
 * remote server, an npx server and a docker server, listed but never started (they would reach the network); a second
 * home for probing, whose remote server is the test's loopback endpoint (it answers 401 and echoes the token); and a
 * project config (Claude Code's {@code .mcp.json}) with two real stdio servers ({@code echo_server.py}) that write their
 * argv and an Authorization line to stderr: one answers, one exits, so the stderr tail reaches the JSON and the table.
 */
final class McpInputs {
  static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  static final Path ECHO_SERVER = Path.of("src/test/resources/corpus/echo_server.py").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  private McpInputs() {}

  /** @param probeHome the home for --probe runs: its one remote server is {@code http://127.0.0.1:remotePort/mcp} */
  static void write(Path home, Path probeHome, Path project, int remotePort, Plants p) throws IOException {
    Map<String, Object> user = Map.of("mcpServers", Map.of(
        "plant-remote", Map.of("url", "https://mcp.example.com/sse?token=" + p.plant("MCP config: URL query token", "%s"),
            "headers", Map.of("Authorization", "Bearer " + p.plant("MCP config: Authorization header", "%s"),
                "X-API-Key", p.plant("MCP config: X-API-Key header", "%s"))),
        "plant-npx", Map.of("command", "npx", "args", List.of("-y", "@modelcontextprotocol/server-github", "--api-key",
            p.plant("MCP config: npx --api-key", "%s"), "--url=https://u:" + p.plant("MCP config: URL argument password", "%s")
                + "@api.example.com"),
            "env", Map.of("GITHUB_PERSONAL_ACCESS_TOKEN", p.plant("MCP config: env value", "ghp_%s"))),
        "plant-docker", Map.of("command", "docker", "args", List.of("run", "-i", "--rm", "-e",
            "SLACK_BOT_TOKEN=" + p.plant("MCP config: docker -e value", "xoxb-%s"), "ghcr.io/acme/slack-mcp:1.0"))));
    writeJson(home.resolve(".cursor/mcp.json"), user);
    Map<String, Object> probed = Map.of("mcpServers", Map.of("plant-loopback", Map.of(
        "url", "http://127.0.0.1:" + remotePort + "/mcp?token=" + p.plant("MCP config (probed): URL query token", "%s"),
        "headers", Map.of("Authorization", "Bearer " + p.plant("MCP config (probed): Authorization header", "%s")))));
    writeJson(probeHome.resolve(".cursor/mcp.json"), probed);
    String echoToken = p.plant("MCP server stderr: env token echoed", "%s");
    Map<String, Object> projectConfig = Map.of("mcpServers", Map.of(
        "plant-echo", Map.of("command", PYTHON, "args", List.of(ECHO_SERVER.toString(), "--api-key",
            p.plant("MCP server stderr: --api-key echoed", "%s"), "--secret=" + p.plant("MCP server stderr: --secret= echoed", "%s")),
            "env", Map.of("ECHO_TOKEN", echoToken)),
        "plant-echo-exit", Map.of("command", PYTHON, "args", List.of(ECHO_SERVER.toString(), "exit", "--token",
            p.plant("MCP server stderr (exits): --token echoed", "%s")), "env", Map.of("ECHO_TOKEN", echoToken))));
    writeJson(project.resolve(".mcp.json"), projectConfig);
  }

  private static void writeJson(Path file, Object value) throws IOException {
    Files.createDirectories(file.getParent());
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), value);
  }
}

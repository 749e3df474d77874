package dev.wraith.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.ContainerDecl;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.Lineage;
import dev.wraith.model.McpFinding;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.Workload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** MCP servers among running processes and Kubernetes containers, verified exactly like configured ones. */
class McpRuntimeDiscoveryTest {
  private final McpDiscovery discovery = new McpDiscovery(CatalogueLoader.bundled(), ConfigFiles.local());

  static ProcessInfo proc(int pid, int ppid, String... argv) {
    return new ProcessInfo(pid, 1000 + pid, ppid, 1000, List.of(pid), argv[0], List.of(argv), "/", List.of("PATH", "GITHUB_TOKEN"),
        Optional.empty(), "net:[1]");
  }

  static String describe(McpFinding f) {
    return f.server().pkg().ecosystem().id() + " " + f.server().pkg().name() + (f.verdict().verified() ? " verified" : " unverified")
        + " " + f.verdict().codes();
  }

  @Test
  void processesAreRecognisedByLauncherAndByPattern() {
    List<McpFinding> found = discovery.fromProcesses(List.of(
        proc(100, 1, "npm", "exec", "-y", "@modelcontextprotocol/server-filesystem", "/srv"),
        proc(101, 100, "sh", "-c", "mcp-server-filesystem /srv"),
        proc(102, 101, "node", "/root/.npm/_npx/ab12/node_modules/.bin/mcp-server-filesystem", "/srv"),
        proc(200, 1, "uvx", "mcp-server-fetch==2025.4.7"),
        proc(300, 1, "python3", "-m", "mcp_server_git", "--repository", "/src/app"),
        proc(400, 1, "node", "/opt/tools/node_modules/@modelcontextprotocol/server-filesystem-evil/dist/index.js", "/"),
        proc(500, 1, "java", "-Xmx256m", "-jar", "/opt/weather-mcp-server.jar"),
        proc(600, 1, "/root/.cache/uv/archive-v0/x/bin/python", "/root/.cache/uv/archive-v0/x/bin/mcp-server-time"),
        proc(700, 1, "node", "/app/node_modules/express/lib/server.js"),
        proc(701, 1, "python3", "-m", "http.server", "8080"),
        proc(702, 1, "npx", "-y", "left-pad"),
        proc(703, 1, "/usr/bin/claude", "--api-key", "sk-ant-PLANTED")));
    Map<String, String> got = found.stream().collect(Collectors.toMap(f -> f.server().source(), McpRuntimeDiscoveryTest::describe));
    assertThat(got).containsExactlyInAnyOrderEntriesOf(Map.of(
        "pid 100", "npm @modelcontextprotocol/server-filesystem verified [unpinned]",
        "pid 200", "pypi mcp-server-fetch verified []",
        "pid 300", "pypi mcp_server_git verified [unpinned]",
        "pid 400", "npm @modelcontextprotocol/server-filesystem-evil unverified [unknown-package, unpinned]",
        "pid 500", "local /opt/weather-mcp-server.jar unverified [local-script]",
        "pid 600", "pypi mcp-server-time verified [unpinned]"));
    assertThat(found).allMatch(f -> f.server().client().equals("process"));
    assertThat(found.get(0).server().envNames()).containsExactly("GITHUB_TOKEN", "PATH");
  }

  @Test
  void processInAContainerNamesItAndArgsStayMasked() {
    ProcessInfo p = new ProcessInfo(9, 1, 1, 0, List.of(9, 1), "node", List.of("npx", "@playwright/mcp@0.0.41", "--token", "PLANTED"), "/",
        List.of(), Optional.of(new ContainerRef("uid-1", "0123456789abcdef0123", "containerd", "burstable", "systemd")), "net:[2]");
    McpFinding f = discovery.fromProcesses(List.of(p)).get(0);
    assertThat(f.server().source()).isEqualTo("pid 9 (container 0123456789ab)");
    assertThat(f.verdict().verified()).isTrue();
    assertThat(f.server().args()).containsExactly("@playwright/mcp@0.0.41", "--token", "***");
  }

  @Test
  void workloadContainersAreRecognisedByImageOrCommand() {
    Workload w = new Workload("tools", "agents", "Deployment", Lineage.UNKNOWN, List.of(), "default", List.of(), "", 0, List.of(
        container("github", "ghcr.io/github/github-mcp-server:v0.20.1", ""),
        container("mirror", "docker.io/someone/github-mcp-server:latest", ""),
        container("fetch", "python:3.12-slim", "uvx mcp-server-fetch"),
        container("web", "nginx:1.27", "nginx -g daemon off;")), List.of(), List.of(), List.of());
    Map<String, String> got = discovery.fromWorkloads(List.of(w)).stream()
        .collect(Collectors.toMap(f -> f.server().name(), McpRuntimeDiscoveryTest::describe));
    assertThat(got).containsExactlyInAnyOrderEntriesOf(Map.of(
        "github", "image ghcr.io/github/github-mcp-server verified []",
        "mirror", "image docker.io/someone/github-mcp-server unverified [unknown-package, latest-tag]",
        "fetch", "pypi mcp-server-fetch verified [unpinned]"));
    assertThat(discovery.fromWorkloads(List.of(w)).get(0).server().source()).isEqualTo("tools/Deployment/agents container fetch");
  }

  static ContainerDecl container(String name, String image, String command) {
    return new ContainerDecl(name, ContainerDecl.Kind.CONTAINER, image, command, List.of("GITHUB_TOKEN"), List.of(), List.of(), List.of());
  }
}

package dev.wraith.mcp;

import dev.wraith.model.McpFinding;
import dev.wraith.model.McpPackage;
import dev.wraith.model.McpScan;
import dev.wraith.model.McpServer;
import dev.wraith.model.McpTransport;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every client format in the home and project fixtures, with the verdict each server must get. */
class McpDiscoveryTest {
  static final Path HOME = Path.of("src/test/resources/mcp/home");
  static final Path PROJECT = Path.of("src/test/resources/mcp/project");

  private final McpScan scan = new McpDiscovery(CatalogueLoader.bundled(), ConfigFiles.local()).scan(HOME, List.of(PROJECT));

  @Test
  void everyClientFormatIsReadWithTheRightVerdict() {
    Map<String, String> got = scan.findings().stream().collect(Collectors.toMap(f -> f.server().client() + "/" + f.server().name(),
        f -> (f.verdict().verified() ? "verified " : "unverified ") + f.verdict().reasons()));
    assertThat(got).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("Claude Desktop/filesystem", "verified []"),
        Map.entry("Claude Desktop/fs-evil", "unverified [unknown-package, unpinned]"),
        Map.entry("Claude Desktop/typo", "unverified [unknown-package, typosquat: @modelcontextprotocol/server-filesystem]"),
        Map.entry("Claude Code/memory", "verified [latest-tag]"),
        Map.entry("Claude Code/github", "verified []"),
        Map.entry("Claude Code/everything", "verified []"),
        Map.entry("Claude Code/bun", "unverified [unknown-package]"),
        Map.entry("Cursor/github-docker", "verified []"),
        Map.entry("Cursor/mirror", "unverified [unknown-package, unpinned]"),
        Map.entry("Cursor/seq", "verified [unpinned]"),
        Map.entry("VS Code/time", "verified []"),
        Map.entry("VS Code/fetch", "verified [unpinned]"),
        Map.entry("VS Code/remote", "unverified [unknown-host]"),
        Map.entry("Windsurf/remote-plain", "unverified [plain-http, unknown-host]"),
        Map.entry("Zed/local-script", "unverified [local-script]"),
        Map.entry("Zed/zed-new", "unverified [unknown-package, typosquat: mcp-server-git, unpinned]"),
        Map.entry("Continue/sqlite", "verified [unpinned]"),
        Map.entry("Continue/#0", "verified []"),
        Map.entry("Gemini CLI/py", "unverified [local-script]"),
        Map.entry("OpenAI Codex/playwright", "verified []"),
        Map.entry("OpenAI Codex/script", "unverified [local-script]")));
  }

  @Test
  void serversCarryTransportPackageEnvNamesAndSource() {
    McpServer gh = server("github-docker");
    assertThat(gh.source()).isEqualTo("~/.cursor/mcp.json");
    assertThat(gh.transport()).isEqualTo(McpTransport.STDIO);
    assertThat(gh.pkg()).isEqualTo(new McpPackage(McpPackage.Ecosystem.IMAGE, "ghcr.io/github/github-mcp-server", "v0.20.1"));
    assertThat(gh.envNames()).containsExactly("GITHUB_PERSONAL_ACCESS_TOKEN");
    assertThat(server("remote").transport()).isEqualTo(McpTransport.SSE);
    assertThat(server("github").transport()).isEqualTo(McpTransport.HTTP);
    assertThat(server("remote-plain").url()).isEqualTo("http://mcp.internal.example:8080/sse");
    assertThat(server("time").source()).isEqualTo("~/Library/Application Support/Code/User/settings.json");
    assertThat(server("everything").source()).isEqualTo(PROJECT.resolve(".mcp.json").toString());
    assertThat(server("#0").pkg()).isEqualTo(new McpPackage(McpPackage.Ecosystem.PYPI, "mcp-server-git", "2025.1.14"));
  }

  @Test
  void malformedFilesAndWrongTypesAreWarningsNamingTheFile() {
    String vscode = PROJECT.resolve(".vscode/mcp.json").toString();
    assertThat(scan.warnings()).containsExactlyInAnyOrder(
        "~/.gemini/settings.json: not valid JSON at line 2, column 1; skipped",
        "~/.claude.json: 'projects.*.mcpServers' is not an object or list; skipped",
        "~/.config/zed/settings.json: server 'broken' under 'context_servers' is not an object; skipped",
        vscode + ": server 'bad-types': 'command' is not a string; ignored",
        vscode + ": server 'bad-types': 'args' is not a list; ignored",
        vscode + ": server 'bad-types': 'env' is not an object; ignored",
        vscode + ": server 'bad-types': neither a command nor a URL; skipped");
    assertThat(scan.filesRead()).isEqualTo(16);
  }

  @Test
  void plantedSecretsNeverReachTheModel() {
    assertThat(scan.toString()).doesNotContain("PLANTED");
  }

  @Test
  void anUnreadableFileIsAWarningAndTheScanGoesOn() {
    ConfigFiles failing = file -> {
      if (file.endsWith(".claude.json")) throw new java.nio.file.AccessDeniedException(file.toString());
      return ConfigFiles.local().read(file);
    };
    McpScan s = new McpDiscovery(CatalogueLoader.bundled(), failing).scan(HOME, List.of());
    assertThat(s.warnings()).contains("permission denied while reading " + HOME.resolve(".claude.json")
        + "; check its permissions; skipped");
    assertThat(s.findings()).extracting(f -> f.server().name()).contains("filesystem").doesNotContain("memory");
  }

  @Test
  void brokenTomlAndYamlAreWarningsToo() {
    ConfigFiles broken = file -> file.toString().endsWith(".toml") ? Optional.of("[mcp_servers.x\ncommand = ")
        : file.toString().endsWith(".yaml") ? Optional.of("mcpServers: [unclosed") : Optional.empty();
    McpScan s = new McpDiscovery(CatalogueLoader.bundled(), broken).scan(HOME, List.of());
    assertThat(s.findings()).isEmpty();
    assertThat(s.warnings()).hasSize(2).allMatch(w -> w.contains("not valid") && w.endsWith("skipped"))
        .noneMatch(w -> w.contains("unclosed") || w.contains("command ="));
  }

  @Test
  void orderIsBySourceThenNameAndRepeatable() {
    McpScan again = new McpDiscovery(CatalogueLoader.bundled(), ConfigFiles.local()).scan(HOME, List.of(PROJECT));
    assertThat(again).isEqualTo(scan);
    List<String> sources = scan.findings().stream().map(f -> f.server().source()).toList();
    assertThat(sources).isSorted();
    ConfigFiles none = file -> Optional.empty();
    assertThat(new McpDiscovery(CatalogueLoader.bundled(), none).scan(HOME, List.of(PROJECT)).findings()).isEmpty();
  }

  private McpServer server(String name) {
    return scan.findings().stream().map(McpFinding::server).filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }
}

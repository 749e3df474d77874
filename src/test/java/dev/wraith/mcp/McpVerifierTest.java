package dev.wraith.mcp;

import dev.wraith.model.McpPackage;
import dev.wraith.model.McpServer;
import dev.wraith.model.McpReason;
import dev.wraith.model.McpTransport;
import dev.wraith.model.McpVerdict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.McpPackage.Ecosystem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact matches only: suffixes, prefixes, mirrors and subdomains of official names are not verified. */
class McpVerifierTest {
  private final Verifier verifier = new Verifier(CatalogueLoader.bundled().mcpPublishers());

  @Test
  void exactPackageIsVerifiedAndLookalikesAreNot() {
    assertThat(pkg(Ecosystem.NPM, "@modelcontextprotocol/server-filesystem", "2026.8.31")).isEqualTo(new McpVerdict(true, "mcp-reference-servers-npm", List.of()));
    assertThat(pkg(Ecosystem.NPM, "@modelcontextprotocol/server-filesystem-evil", "1.0.0").verified()).isFalse();
    assertThat(pkg(Ecosystem.NPM, "evil-@modelcontextprotocol/server-filesystem", "1.0.0").verified()).isFalse();
    assertThat(pkg(Ecosystem.NPM, "@modelcontextprotocol/server", "1.0.0").verified()).isFalse();
    assertThat(pkg(Ecosystem.NPM, "@MODELCONTEXTPROTOCOL/server-filesystem", "1.0.0").verified()).isFalse();
    assertThat(pkg(Ecosystem.PYPI, "MCP_Server.Time", "1").verified()).isTrue();
    assertThat(pkg(Ecosystem.PYPI, "mcp-server-time-plus", "1").verified()).isFalse();
  }

  @Test
  void typosquatsAreNamed() {
    assertThat(pkg(Ecosystem.NPM, "@modelcontextprotocol/server-memroy", "1.0.0").codes())
        .containsExactly("unknown-package", "typosquat: @modelcontextprotocol/server-memory");
    assertThat(pkg(Ecosystem.NPM, "@playwrigth/mcp", "1.0.0").codes()).containsExactly("unknown-package", "typosquat: @playwright/mcp");
    assertThat(pkg(Ecosystem.NPM, "totally-different", "1.0.0").codes()).containsExactly("unknown-package");
    assertThat(Verifier.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void pinsAreChecked() {
    assertThat(pkg(Ecosystem.NPM, "@playwright/mcp", "latest")).isEqualTo(new McpVerdict(true, "playwright-mcp", List.of(McpReason.of(McpReason.Kind.LATEST_TAG))));
    assertThat(pkg(Ecosystem.NPM, "@playwright/mcp", "").codes()).containsExactly("unpinned");
    assertThat(pkg(Ecosystem.NPM, "@playwright/mcp", "^0.0.1").codes()).containsExactly("unpinned");
    assertThat(pkg(Ecosystem.IMAGE, "ghcr.io/github/github-mcp-server", "latest").codes()).containsExactly("latest-tag");
    assertThat(pkg(Ecosystem.IMAGE, "ghcr.io/github/github-mcp-server", "sha256:ab").codes()).isEmpty();
  }

  @Test
  void imagesMustComeFromThePublishersRegistry() {
    assertThat(pkg(Ecosystem.IMAGE, "ghcr.io/github/github-mcp-server", "v1").verified()).isTrue();
    assertThat(pkg(Ecosystem.IMAGE, "mirror.corp/ghcr.io/github/github-mcp-server", "v1").verified()).isFalse();
    assertThat(pkg(Ecosystem.IMAGE, "docker.io/github/github-mcp-server", "v1").verified()).isFalse();
  }

  @Test
  void localScriptsAndProgramsAreFlagged() {
    assertThat(pkg(Ecosystem.LOCAL, "./srv.js", "").codes()).containsExactly("local-script");
    assertThat(pkg(Ecosystem.PROGRAM, "srv", "").codes()).containsExactly("program: not from a package registry");
  }

  @Test
  void remoteHostsAreExactAndHttpsOnly() {
    assertThat(remote("https://api.githubcopilot.com/mcp/", "api.githubcopilot.com").verified()).isTrue();
    McpVerdict plain = remote("http://api.githubcopilot.com/mcp/", "api.githubcopilot.com");
    assertThat(plain.verified()).isFalse();
    assertThat(plain.codes()).containsExactly("plain-http");
    assertThat(remote("https://evil.api.githubcopilot.com/", "evil.api.githubcopilot.com").codes()).containsExactly("unknown-host");
    assertThat(remote("https://api.githubcopilot.com.evil.example/", "api.githubcopilot.com.evil.example").verified()).isFalse();
  }

  private McpVerdict pkg(Ecosystem e, String name, String version) {
    return verifier.verify(new McpServer("s", "c", "f", McpTransport.STDIO, "x", List.of(), "", "", List.of(), new McpPackage(e, name, version)));
  }

  private McpVerdict remote(String url, String host) {
    return verifier.verify(new McpServer("s", "c", "f", McpTransport.HTTP, "", List.of(), url, host, List.of(), McpPackage.NONE));
  }
}

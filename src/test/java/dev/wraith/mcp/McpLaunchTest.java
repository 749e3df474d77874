package dev.wraith.mcp;

import dev.wraith.model.McpPackage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.McpPackage.Ecosystem;
import java.util.List;
import org.junit.jupiter.api.Test;

class McpLaunchTest {
  @Test
  void npxAndBunxPackagesWithScopesAndVersions() {
    assertThat(of("npx", "-y", "@scope/server-x@1.2.3", "/data")).isEqualTo(ref(Ecosystem.NPM, "@scope/server-x", "1.2.3"));
    assertThat(of("npx", "--yes", "@scope/server-x")).isEqualTo(ref(Ecosystem.NPM, "@scope/server-x", ""));
    assertThat(of("npx", "plain-server@latest")).isEqualTo(ref(Ecosystem.NPM, "plain-server", "latest"));
    assertThat(of("npx", "-p", "@a/b@2", "b-cli")).isEqualTo(ref(Ecosystem.NPM, "@a/b", "2"));
    assertThat(of("npx.cmd", "-y", "x")).isEqualTo(ref(Ecosystem.NPM, "x", ""));
    assertThat(of("bunx", "y@1")).isEqualTo(ref(Ecosystem.NPM, "y", "1"));
  }

  @Test
  void uvxAndPipx() {
    assertThat(of("uvx", "mcp-server-time==1.0", "--tz", "UTC")).isEqualTo(ref(Ecosystem.PYPI, "mcp-server-time", "1.0"));
    assertThat(of("uvx", "--python", "3.12", "--from", "git-srv[extra]==2", "git-cli")).isEqualTo(ref(Ecosystem.PYPI, "git-srv", "2"));
    assertThat(of("uvx", "--python", "3.12", "mcp-server-git")).isEqualTo(ref(Ecosystem.PYPI, "mcp-server-git", ""));
    assertThat(of("pipx", "run", "--spec", "pkg==3", "cli")).isEqualTo(ref(Ecosystem.PYPI, "pkg", "3"));
    assertThat(of("pipx", "install", "pkg").ecosystem()).isEqualTo(Ecosystem.PROGRAM);
  }

  @Test
  void dockerRunSkipsFlagsAndTheirValues() {
    assertThat(of("docker", "run", "-i", "--rm", "-e", "TOKEN", "-v", "/a:/b", "--name", "n", "--network=host", "-p", "80:80",
        "ghcr.io/acme/srv:1.0", "serve", "--port", "1")).isEqualTo(ref(Ecosystem.IMAGE, "ghcr.io/acme/srv", "1.0"));
    assertThat(of("docker", "run", "mcp/fetch@sha256:abc")).isEqualTo(ref(Ecosystem.IMAGE, "mcp/fetch", "sha256:abc"));
    assertThat(of("podman", "run", "-it", "--env", "A=b", "registry:5000/x/y")).isEqualTo(ref(Ecosystem.IMAGE, "registry:5000/x/y", ""));
    assertThat(of("docker", "ps").ecosystem()).isEqualTo(Ecosystem.PROGRAM);
  }

  @Test
  void localScriptsAndPrograms() {
    assertThat(of("/opt/mcp/run.sh")).isEqualTo(ref(Ecosystem.LOCAL, "/opt/mcp/run.sh", ""));
    assertThat(of("C:\\mcp\\srv.exe").ecosystem()).isEqualTo(Ecosystem.LOCAL);
    assertThat(of("node", "--inspect", "build/index.js")).isEqualTo(ref(Ecosystem.LOCAL, "build/index.js", ""));
    assertThat(of("python", "-m", "my_srv")).isEqualTo(ref(Ecosystem.LOCAL, "-m my_srv", ""));
    assertThat(of("github-mcp-server", "stdio")).isEqualTo(ref(Ecosystem.PROGRAM, "github-mcp-server", ""));
    assertThat(of("")).isEqualTo(McpPackage.NONE);
    assertThat(of("cmd", "/c", "npx", "-y", "@a/b@1")).isEqualTo(ref(Ecosystem.NPM, "@a/b", "1"));
  }

  private static McpPackage of(String command, String... args) {
    return Launch.of(command, List.of(args));
  }

  private static McpPackage ref(Ecosystem e, String name, String version) {
    return new McpPackage(e, name, version);
  }
}

package dev.wraith.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageNameTest {
  @Test
  void registryTagAndDigestAreHandled() {
    assertThat(ImageName.matches("n8nio/n8n", "n8nio/n8n")).isTrue();
    assertThat(ImageName.matches("docker.io/n8nio/n8n:1.80.0", "n8nio/n8n")).isTrue();
    assertThat(ImageName.matches("docker.n8n.io/n8nio/n8n@sha256:0123", "n8nio/n8n")).isTrue();
    assertThat(ImageName.matches("localhost:5000/n8nio/n8n:1", "n8nio/n8n")).isTrue();
    assertThat(ImageName.matches("OLLAMA/OLLAMA:latest", "ollama/ollama")).isTrue();
  }

  @Test
  void onlyWholeSegmentsMatch() {
    assertThat(ImageName.matches("acme/n8nio/n8n-tools", "n8nio/n8n")).isFalse();
    assertThat(ImageName.matches("acmen8nio/n8n", "n8nio/n8n")).isFalse();
    assertThat(ImageName.matches("ghcr.io/open-webui/open-webui-docs", "ghcr.io/open-webui/open-webui")).isFalse();
  }

  @Test
  void namespacePatternsAreDockerHubOnly() {
    assertThat(ImageName.matches("mcp/fetch:latest", "mcp/*")).isTrue();
    assertThat(ImageName.matches("docker.io/mcp/github@sha256:ab", "mcp/*")).isTrue();
    assertThat(ImageName.matches("mcp:latest", "mcp/*")).isFalse();
    assertThat(ImageName.matches("mcpx/fetch", "mcp/*")).isFalse();
    assertThat(ImageName.matches("ghcr.io/acme/mcp/fetch", "mcp/*")).isFalse();
    assertThat(ImageName.matches("mcp/fetch/extra", "mcp/*")).isFalse();
  }

  @Test
  void canonicalFormsNameTheSameRepositoryOnce() {
    assertThat(ImageName.canonical("n8nio/n8n:1.80.0")).isEqualTo("docker.io/n8nio/n8n");
    assertThat(ImageName.canonical("nginx")).isEqualTo("docker.io/library/nginx");
    assertThat(ImageName.canonical("library/nginx:1")).isEqualTo("docker.io/library/nginx");
    assertThat(ImageName.canonical("docker.io/nginx")).isEqualTo("docker.io/library/nginx");
    assertThat(ImageName.canonical("index.docker.io/library/nginx@sha256:ab")).isEqualTo("docker.io/library/nginx");
    assertThat(ImageName.canonical("GHCR.io/Acme/Agent:v2")).isEqualTo("ghcr.io/acme/agent");
    assertThat(ImageName.canonical("localhost/agent")).isEqualTo("localhost/agent");
    assertThat(ImageName.canonical("registry:5000/agent")).isEqualTo("registry:5000/agent");
    assertThat(ImageName.canonical("ghcr.io/acme/agent")).isNotEqualTo(ImageName.canonical("acme/agent"));
  }
}

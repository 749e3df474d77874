package dev.wraith.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wraith.model.FindingKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueLoaderTest {
  @TempDir Path dir;

  @Test
  void bundledCatalogueIsValidAndCoversTheIssuesProviders() {
    Catalogue c = CatalogueLoader.bundled();
    assertThat(c.schema()).isEqualTo(Catalogue.SCHEMA);
    assertThat(c.version()).matches("\\d+\\.\\d+\\.\\d+");
    for (String id : new String[] {"openai", "azure-openai", "anthropic", "google-gemini", "google-vertex", "aws-bedrock",
        "mistral", "cohere", "groq", "xai", "deepseek", "together", "fireworks", "perplexity", "openrouter", "replicate",
        "huggingface", "ollama", "vllm", "tgi", "pinecone", "weaviate", "qdrant", "chroma", "milvus", "mongodb-atlas-vector",
        "pgvector"}) {
      assertThat(c.provider(id)).as(id).isPresent();
    }
    for (FindingKind k : FindingKind.values()) assertThat(c.rule(k.id())).as(k.id()).isPresent();
    Set<String> ids = new HashSet<>();
    c.providers().forEach(p -> assertThat(ids.add(p.id())).isTrue());
    c.signatures().forEach(s -> assertThat(ids.add(s.id())).as(s.id()).isTrue());
  }

  @Test
  void hostPatternsMatchRegionalAndWildcardHostsButNotLookalikes() {
    Catalogue c = CatalogueLoader.bundled();
    assertThat(c.providerForHost("eu.api.openai.com")).map(Provider::id).contains("openai");
    assertThat(c.providerForHost("acme-prod.openai.azure.com")).map(Provider::id).contains("azure-openai");
    assertThat(c.providerForHost("bedrock-runtime.ap-southeast-2.amazonaws.com")).map(Provider::id).contains("aws-bedrock");
    assertThat(c.providerForHost("us-central1-aiplatform.googleapis.com")).map(Provider::id).contains("google-vertex");
    assertThat(c.providerForHost("API.ANTHROPIC.COM.")).map(Provider::id).contains("anthropic");
    assertThat(c.providerForHost("api.openai.com.evil.net")).isEmpty();
    assertThat(c.providerForHost("a.b.openai.azure.com")).isEmpty();
    assertThat(c.providerForHost("s3.us-east-1.amazonaws.com")).isEmpty();
    assertThat(c.providerForHost("notapi.openai.com")).isEmpty();
  }

  @Test
  void publishedRangesAreParsed() throws Exception {
    Provider anthropic = CatalogueLoader.bundled().provider("anthropic").orElseThrow();
    var inside = java.net.InetAddress.getByName("160.79.104.10");
    var outside = java.net.InetAddress.getByName("160.79.200.1");
    assertThat(anthropic.ipRanges()).anyMatch(r -> r.contains(inside));
    assertThat(anthropic.ipRanges()).noneMatch(r -> r.contains(outside));
  }

  @Test
  void overlayAddsReplacesAndDisablesEntries() throws IOException {
    Files.writeString(dir.resolve("inhouse.yaml"), """
        schema: 1
        providers:
          - id: acme-gateway
            name: ACME LLM gateway
            category: gateway
            hosts: [llm.acme.internal]
          - id: openai
            name: OpenAI (via proxy)
            hosts: [api.openai.com, openai-proxy.acme.internal]
        disable: [groq-python]
        """);
    Catalogue c = CatalogueLoader.load(dir);
    assertThat(c.providerForHost("llm.acme.internal")).map(Provider::id).contains("acme-gateway");
    assertThat(c.providerForHost("openai-proxy.acme.internal")).map(Provider::id).contains("openai");
    assertThat(c.signatures()).noneMatch(s -> s.id().equals("groq-python"));
    assertThat(c.providers().stream().filter(p -> p.id().equals("openai")).count()).isEqualTo(1);
  }

  @Test
  void brokenOverlayFailsWithEveryProblemNamed() throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), """
        providers:
          - id: Bad_Id
            name: x
            hosts: ["not a host"]
            ipRanges: [10.0.0.0/99]
            colour: blue
        sdks:
          - id: my-sdk
            name: My SDK
            ecosystem: cobol
            provider: nobody
            modules: [mysdk]
            symbols:
              - {call: mysdk.Client, kind: teleporter}
        """);
    assertThatThrownBy(() -> CatalogueLoader.load(dir))
        .isInstanceOf(CatalogueException.class)
        .satisfies(e -> assertThat(((CatalogueException) e).problems()).anySatisfy(p -> assertThat(p).contains("not a hostname"))
            .anySatisfy(p -> assertThat(p).contains("prefix out of range"))
            .anySatisfy(p -> assertThat(p).contains("unknown key 'colour'"))
            .anySatisfy(p -> assertThat(p).contains("ecosystem 'cobol'"))
            .anySatisfy(p -> assertThat(p).contains("kind 'teleporter'"))
            .anySatisfy(p -> assertThat(p).contains("not kebab-case"))
            .anySatisfy(p -> assertThat(p).contains("unknown provider 'nobody'")));
  }

  @Test
  void invalidYamlAndWrongSchemaAreClearErrors() throws IOException {
    Files.writeString(dir.resolve("a.yaml"), "providers: [ {id: x, name: y\n");
    Files.writeString(dir.resolve("b.yaml"), "schema: 7\nproviders: []\n");
    assertThatThrownBy(() -> CatalogueLoader.load(dir))
        .isInstanceOf(CatalogueException.class)
        .hasMessageContaining("a.yaml: not valid YAML")
        .hasMessageContaining("b.yaml: schema 7 is not supported");
  }

  @Test
  void overlayMustBeADirectoryWithYaml() throws IOException {
    assertThatThrownBy(() -> CatalogueLoader.load(dir.resolve("missing"))).hasMessageContaining("must name a directory");
    assertThatThrownBy(() -> CatalogueLoader.load(dir)).hasMessageContaining("no .yaml files");
  }

  @Test
  void lineageMarkersAreLoadedInFileOrder() {
    var markers = CatalogueLoader.bundled().lineage();
    assertThat(markers).extracting(LineageMarker::id).contains("argocd-instance", "flux-kustomization", "helm-managed-by",
        "kubelet-mirror-pod", "kubectl-last-applied");
    LineageMarker helm = markers.stream().filter(m -> m.id().equals("helm-managed-by")).findFirst().orElseThrow();
    assertThat(helm.evidence(java.util.Map.of("app.kubernetes.io/managed-by", "helm"), java.util.Map.of()))
        .contains("label app.kubernetes.io/managed-by=helm");
    assertThat(helm.evidence(java.util.Map.of("app.kubernetes.io/managed-by", "Tiller-ish"), java.util.Map.of())).isEmpty();
  }

  @Test
  void brokenLineageMarkersAreNamed() throws IOException {
    Files.writeString(dir.resolve("lineage.yaml"), """
        lineage:
          - {id: no-key, kind: gitops}
          - {id: bad-kind, kind: teleport, label: x}
          - {id: annotation-value, kind: helm, annotation: y, value: z}
          - {id: extra, kind: manual, label: x, colour: blue}
          - {id: no-kind, label: x}
        """);
    assertThatThrownBy(() -> CatalogueLoader.load(dir))
        .isInstanceOf(CatalogueException.class)
        .hasMessageContaining("no-key: needs a 'label' or an 'annotation' key")
        .hasMessageContaining("bad-kind: kind 'teleport' is not one of")
        .hasMessageContaining("annotation-value: 'value' applies to labels only")
        .hasMessageContaining("extra: unknown key 'colour'")
        .hasMessageContaining("no-kind: missing 'kind'");
  }

  @Test
  void brokenAppsAreNamed() throws IOException {
    Files.writeString(dir.resolve("apps.yaml"), """
        apps:
          - {id: tagged, name: T, kind: ai-app, images: ["acme/agent:1.0"]}
          - {id: digest, name: D, kind: ai-app, images: ["acme/agent@sha256:abc"]}
          - {id: empty, name: E, kind: mcp-server}
          - {id: flag-first, name: F, kind: mcp-server, commands: ["-y pkg"]}
          - {id: odd-kind, name: O, kind: robot, images: [acme/x]}
          - {id: openai, name: Clash, kind: ai-app, images: [acme/y]}
        """);
    assertThatThrownBy(() -> CatalogueLoader.load(dir))
        .isInstanceOf(CatalogueException.class)
        .hasMessageContaining("tagged: image 'acme/agent:1.0' is not a lower-case repository without tag or digest")
        .hasMessageContaining("digest: image")
        .hasMessageContaining("empty: needs images or commands")
        .hasMessageContaining("flag-first: command '-y pkg' must start with a program")
        .hasMessageContaining("odd-kind: kind 'robot' is not one of")
        .hasMessageContaining("id 'openai' is used by an app and a provider or signature");
  }

  @Test
  void bundledMcpSectionsCoverTheIssuesClients() {
    Catalogue c = CatalogueLoader.bundled();
    assertThat(c.mcpClients()).extracting(McpClient::name).contains("Claude Desktop", "Claude Code", "Cursor", "VS Code",
        "Windsurf", "Zed", "Continue", "Gemini CLI", "OpenAI Codex");
    McpPublisher ref = c.mcpPublishers().stream().filter(p -> p.id().equals("mcp-reference-servers-npm")).findFirst().orElseThrow();
    assertThat(ref.hasNpm("@modelcontextprotocol/server-filesystem")).isTrue();
    assertThat(ref.hasNpm("@modelcontextprotocol/server-filesystem-evil")).isFalse();
  }

  @Test
  void brokenMcpEntriesAreNamed() throws IOException {
    Files.writeString(dir.resolve("mcp.yaml"), """
        mcpClients:
          - {id: escapes, name: E, scope: home, paths: [../etc/passwd], keys: [mcpServers]}
          - {id: no-keys, name: K, scope: project, paths: [.x.json]}
          - {id: bad-key, name: B, scope: home, format: ini, paths: [a.json], keys: [a..b]}
          - {id: no-scope, name: S, paths: [a.json], keys: [x]}
        mcpPublishers:
          - {id: tagged, name: T, publisher: P, images: ["ghcr.io/a/b:1"]}
          - {id: bad-npm, name: N, publisher: P, npm: ["Not A Name"], hosts: ["*.example.com"]}
          - {id: nothing, name: X, publisher: P}
          - {id: openai, name: Clash, publisher: P, npm: [x]}
        """);
    assertThatThrownBy(() -> CatalogueLoader.load(dir))
        .isInstanceOf(CatalogueException.class)
        .hasMessageContaining("escapes: path '../etc/passwd' is not a relative path inside its root")
        .hasMessageContaining("no-keys: needs keys")
        .hasMessageContaining("bad-key: format 'ini' is not one of")
        .hasMessageContaining("bad-key: key 'a..b' has an empty segment")
        .hasMessageContaining("no-scope: missing 'scope'")
        .hasMessageContaining("tagged: image 'ghcr.io/a/b:1' is not a lower-case repository")
        .hasMessageContaining("bad-npm: npm 'Not A Name' is not a valid name")
        .hasMessageContaining("bad-npm: hosts '*.example.com' is not a valid name")
        .hasMessageContaining("nothing: needs npm, pypi, images or hosts")
        .hasMessageContaining("id 'openai' is used by an MCP publisher and another entry");
  }
}

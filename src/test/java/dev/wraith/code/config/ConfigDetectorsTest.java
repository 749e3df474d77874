package dev.wraith.code.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.Detection;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigDetectorsTest {
  private static Detection spring(String path, String text) {
    return new SpringConfigDetector(FixtureHarness.catalogue()).detect(new SourceFile(path, text.getBytes(StandardCharsets.UTF_8)));
  }

  private static Finding only(Detection d, String kind) {
    return d.findings().stream().filter(f -> f.kind().id().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void configFixturesMatchTheirExpectations() {
    CodeScan scan = FixtureHarness.assertFixtures("code/config");
    Finding openai = scan.findings().stream()
        .filter(f -> f.kind().id().equals("sdk-client") && f.evidence().equals("spring.ai.openai")).findFirst().orElseThrow();
    assertThat(openai.provider()).as("the base URL says the OpenAI starter talks to Groq").isEqualTo("groq");
    assertThat(openai.attributes()).containsEntry("model", "llama-3.3-70b-versatile").containsEntry("temperature", "0.2");
    assertThat(scan.findings()).filteredOn(f -> f.kind().id().equals("tool")).extracting(Finding::evidence, Finding::attributes)
        .contains(
            org.assertj.core.groups.Tuple.tuple("spring.ai.mcp.client.stdio.connections.filesystem", Map.of("command", "npx")),
            org.assertj.core.groups.Tuple.tuple("spring.ai.mcp.client.sse.connections.weather", Map.of("url", "http://weather-mcp:8080")),
            org.assertj.core.groups.Tuple.tuple("quarkus.langchain4j.mcp.github", Map.of("command", "npx")));
    assertThat(scan.findings()).filteredOn(f -> f.location().path().endsWith(".env.example")).extracting(f -> f.attributes().get("set"))
        .containsExactly("false", "false", "false");
  }

  @Test
  void aHardcodedKeyIsNamedAndItsValueAppearsNowhere() {
    String secret = "sk-proj-Zq8vN3kLm2Xp9Rt4Wy7Bc1Df6Gh0Jk5";
    Detection d = spring("application.yml", "spring:\n  ai:\n    openai:\n      api-key: \"" + secret + "\"\n");
    Finding f = only(d, "hardcoded-credential");
    assertThat(f.evidence()).isEqualTo("spring.ai.openai.api-key");
    assertThat(f.location().line()).isEqualTo(4);
    assertThat(d.findings().toString() + d.models() + d.warnings()).doesNotContain(secret).doesNotContain("Zq8vN3");
  }

  @Test
  void relaxedBindingNamesTheSameKeys() {
    Detection camel = spring("application.properties", """
        spring.ai.azure.openai.apiKey=${AZURE_OPENAI_API_KEY}
        spring.ai.azure.openai.chat.options.deploymentName=gpt-4o
        spring.ai.azure.openai.chat.options.maxTokens=500
        """);
    Finding f = only(camel, "sdk-client");
    assertThat(f.provider()).isEqualTo("azure-openai");
    assertThat(f.attributes()).containsEntry("model", "gpt-4o").containsEntry("max_tokens", "500");
    assertThat(only(camel, "env-var").evidence()).isEqualTo("AZURE_OPENAI_API_KEY");
  }

  @Test
  void propertiesContinuationsCommentsAndSeparators() {
    List<ConfigEntries.Entry> e = ConfigEntries.properties("""
        # c
        ! c
        spring.ai.ollama.base-url = \\
          http://ollama:11434
        key\\:with\\=escapes: v
        lonely
        """);
    assertThat(e).extracting(ConfigEntries.Entry::key, ConfigEntries.Entry::value, ConfigEntries.Entry::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple("spring.ai.ollama.base-url", "http://ollama:11434", 3),
        org.assertj.core.groups.Tuple.tuple("key:with=escapes", "v", 5),
        org.assertj.core.groups.Tuple.tuple("lonely", "", 6));
  }

  @Test
  void invalidYamlIsAWarningThatQuotesNothing() {
    Detection d = spring("application.yml", "spring:\n  ai:\n    openai:\n      api-key: [sk-secret-value\n  - nope: {");
    assertThat(d.findings()).isEmpty();
    assertThat(d.warnings()).singleElement().satisfies(w -> assertThat(w).startsWith("application.yml: ").doesNotContain("sk-secret"));
  }

  @Test
  void onlyApplicationAndBootstrapFilesAndDotenvFilesAreRead() {
    SpringConfigDetector s = new SpringConfigDetector(FixtureHarness.catalogue());
    assertThat(s.accepts("a/src/main/resources/application.yml")).isTrue();
    assertThat(s.accepts("application-prod.yaml")).isTrue();
    assertThat(s.accepts("bootstrap.properties")).isTrue();
    assertThat(s.accepts("config/app.yml")).isFalse();
    assertThat(s.accepts("my-application.yml")).isFalse();
    DotenvDetector d = new DotenvDetector(FixtureHarness.catalogue());
    assertThat(d.accepts(".env")).isTrue();
    assertThat(d.accepts("web/.env.production.local")).isTrue();
    assertThat(d.accepts("deploy/prod.env")).isTrue();
    assertThat(d.accepts("src/.env.d.ts")).isFalse();
    assertThat(d.accepts(".envrc")).isFalse();
    assertThat(d.accepts(".env.json")).isFalse();
  }
}

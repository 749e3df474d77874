package dev.wraith.code.csharp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CSharpDetectorTest {
  @Test
  void csharpFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/csharp");
  }

  @Test
  void modelNamesComeFromPositionalAndNamedArguments() {
    Detection d = detect("""
        using Microsoft.SemanticKernel;
        var k = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", key).Build();
        builder.Services.AddAzureOpenAIChatCompletion(deploymentName: "prod-4o", endpoint: e, apiKey: k);
        """);
    assertThat(d.findings()).extracting(f -> f.attributes().get("model")).containsExactlyInAnyOrder("gpt-4o", "prod-4o");
    assertThat(d.findings()).extracting(f -> f.provider()).containsExactlyInAnyOrder("openai", "azure-openai");
  }

  @Test
  void aliasesAndWrittenOutNamesResolve() {
    Detection d = detect("""
        using SK = Microsoft.SemanticKernel;
        using OAI = OpenAI.OpenAIClient;
        var a = new OAI("k");
        var b = new global::Azure.AI.OpenAI.AzureOpenAIClient(endpoint, credential);
        """);
    assertThat(d.findings()).filteredOn(f -> f.kind().id().equals("sdk-client")).extracting(f -> f.subject())
        .containsExactlyInAnyOrder("openai-dotnet", "azure-openai-dotnet");
  }

  @Test
  void aTypeTheFileDeclaresNeverResolvesThroughAUsing() {
    Detection d = detect("""
        using OpenAI;
        class OpenAIClient { }
        class Use { void M() { var c = new OpenAIClient(); } }
        """);
    assertThat(d.findings()).extracting(f -> f.kind().id()).containsOnly("ai-import");
  }

  @Test
  void notUtf8IsAWarningAndStillScanned() {
    byte[] latin1 = "// Café bot\nusing OpenAI;\nvar c = new OpenAIClient(\"k\");\n".getBytes(StandardCharsets.ISO_8859_1);
    Catalogue c = FixtureHarness.catalogue();
    Detection d = new CSharpDetector(new FactMatcher(c), c).detect(new SourceFile("bot.cs", latin1));
    assertThat(d.warnings()).anyMatch(w -> w.contains("not valid UTF-8"));
    assertThat(d.findings()).anyMatch(f -> f.subject().equals("openai-dotnet") && f.location().line() == 3);
  }

  private static Detection detect(String code) {
    Catalogue c = FixtureHarness.catalogue();
    return new CSharpDetector(new FactMatcher(c), c).detect(new SourceFile("T.cs", code.getBytes(StandardCharsets.UTF_8)));
  }
}

package dev.wraith.code.csharp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFacts;
import dev.wraith.code.SourceFile;
import dev.wraith.code.SyntaxTree;
import dev.wraith.code.parser.Grammar;
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

  /** An object initializer's properties count as named arguments too, after the argument list's. */
  @Test
  void namedArgumentsTakeNoPositionAndTheFirstOfARepeatedNameWins() {
    Catalogue c = FixtureHarness.catalogue();
    CSharpSymbols symbols = new CSharpSymbols(
        c.signatures().stream().filter(s -> s.ecosystem() == dev.wraith.catalogue.Ecosystem.NUGET).toList());
    SourceFacts facts = CSharpExtractor.extract(SyntaxTree.parse(Grammar.C_SHARP, """
        using OpenAI;
        var o = new OpenAIClient("a", model: "m1", 3, model: "m2", "b") { Model = "m3", Endpoint = "e" };
        """.getBytes(StandardCharsets.UTF_8)), symbols);
    assertThat(facts.calls()).singleElement().satisfies(call -> assertThat(call.args())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("#0", "a", "model", "m1", "#1", "3", "#2", "b", "endpoint", "e")));
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

package dev.wraith.code.kotlin;

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

class KotlinDetectorTest {
  @Test
  void kotlinFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/kotlin");
  }

  @Test
  void modelNamesComeFromBuilderChainsAndNamedArguments() {
    Detection d = detect("""
        import dev.langchain4j.model.openai.OpenAiChatModel
        import com.aallam.openai.client.OpenAI
        val m = OpenAiChatModel.builder().apiKey(k).modelName("gpt-4o").temperature(0.3).build()
        val o = OpenAI(token = "t", model = "gpt-4o-mini")
        """);
    assertThat(d.models()).extracting(m -> m.model()).containsExactlyInAnyOrder("gpt-4o", "gpt-4o-mini");
  }

  @Test
  void aliasesAndWrittenOutNamesResolve() {
    Detection d = detect("""
        import com.aallam.openai.client.OpenAI as Client
        val a = Client(token = "k")
        val b = dev.langchain4j.model.openai.OpenAiChatModel.builder().build()
        """);
    assertThat(d.findings()).extracting(f -> f.subject()).contains("openai-kotlin", "langchain4j");
  }

  @Test
  void namedArgumentsTakeNoPositionAndTheFirstOfARepeatedNameWins() {
    SourceFacts facts = new KotlinExtractor(SyntaxTree.parse(Grammar.KOTLIN, """
        import com.aallam.openai.client.OpenAI
        val o = OpenAI("a", model = "m1", 3, model = "m2", "b")
        """.getBytes(StandardCharsets.UTF_8)), name -> false).facts();
    assertThat(facts.calls()).singleElement().satisfies(c -> assertThat(c.args())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("#0", "a", "model", "m1", "#1", "3", "#2", "b")));
  }

  @Test
  void gradleBuildScriptsAreNotSource() {
    Catalogue c = FixtureHarness.catalogue();
    KotlinDetector k = new KotlinDetector(new FactMatcher(c), c);
    assertThat(k.accepts("build.gradle.kts")).isFalse();
    assertThat(k.accepts("scripts/agent.main.kts")).isTrue();
    assertThat(k.accepts("src/Agent.kt")).isTrue();
  }

  private static Detection detect(String code) {
    Catalogue c = FixtureHarness.catalogue();
    return new KotlinDetector(new FactMatcher(c), c).detect(new SourceFile("T.kt", code.getBytes(StandardCharsets.UTF_8)));
  }
}

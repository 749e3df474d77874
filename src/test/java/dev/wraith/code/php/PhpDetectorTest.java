package dev.wraith.code.php;

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

class PhpDetectorTest {
  @Test
  void phpFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/php");
  }

  @Test
  void modelNamesComeFromArrayKeysAndNamedArguments() {
    Detection d = detect("""
        <?php
        use OpenAI;
        $c = OpenAI::client('k');
        $c->chat()->create(['model' => 'gpt-4o', 'temperature' => 0.1]);
        $e = new \\LLPhant\\Chat\\AnthropicChat(config: $cfg, model: 'claude-sonnet-4-5');
        """);
    assertThat(d.models()).extracting(m -> m.model()).containsExactlyInAnyOrder("gpt-4o", "claude-sonnet-4-5");
  }

  /** Array string keys count as named arguments (first wins), and a "#n" key is overwritten by the nth positional. */
  @Test
  void namedArgumentsTakeNoPositionAndTheFirstOfARepeatedNameWins() {
    SourceFacts facts = new PhpExtractor(SyntaxTree.parse(Grammar.PHP, """
        <?php
        $e = new \\LLPhant\\Chat\\AnthropicChat('a', model: 'm1', ['model' => 'm2', '#2' => 'x', 'k' => 1], model: 'm3', 'b');
        """.getBytes(StandardCharsets.UTF_8))).facts();
    assertThat(facts.calls()).singleElement().satisfies(c -> assertThat(c.args())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("#0", "a", "model", "m1", "#1", "", "#2", "b", "k", "1")));
  }

  @Test
  void aNamespacedFileResolvesUnimportedNamesInItsOwnNamespace() {
    Detection d = detect("""
        <?php
        namespace App;
        $c = OpenAI::client('k');
        $d = \\OpenAI::client('k');
        """);
    assertThat(d.findings()).extracting(f -> f.location().line()).containsExactly(4);
  }

  @Test
  void groupUsesAndAliasesResolve() {
    Detection d = detect("""
        <?php
        use LLPhant\\{Chat\\OllamaChat as Local, OllamaConfig};
        $chat = new Local(new OllamaConfig());
        """);
    assertThat(d.findings()).extracting(f -> f.provider()).containsExactly("ollama");
  }

  private static Detection detect(String code) {
    Catalogue c = FixtureHarness.catalogue();
    return new PhpDetector(new FactMatcher(c)).detect(new SourceFile("t.php", code.getBytes(StandardCharsets.UTF_8)));
  }
}

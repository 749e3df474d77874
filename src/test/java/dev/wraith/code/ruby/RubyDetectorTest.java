package dev.wraith.code.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RubyDetectorTest {
  @Test
  void rubyFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/ruby");
  }

  @Test
  void modelNamesComeFromKeywordArgumentsAndParameterHashes() {
    Detection d = detect("""
        client = OpenAI::Client.new
        client.chat(parameters: { model: "gpt-4o", temperature: 0.2 })
        llm = Langchain::LLM::Anthropic.new(api_key: k, default_options: { model: "claude-sonnet-4-5" })
        """);
    assertThat(d.models()).extracting(m -> m.model()).containsExactlyInAnyOrder("gpt-4o", "claude-sonnet-4-5");
  }

  @Test
  void aCodeInterpreterToolIsAnError() {
    Detection d = detect("tool = Langchain::Tool::RubyCodeInterpreter.new\n");
    assertThat(d.findings()).singleElement().satisfies(f -> {
      assertThat(f.capabilities()).contains("code-exec");
      assertThat(f.severity().name()).isEqualTo("ERROR");
    });
  }

  @Test
  void aReboundVariableLosesItsClient() {
    Detection d = detect("""
        client = OpenAI::Client.new
        client = Faraday.new
        client.chat(parameters: { model: "gpt-4o" })
        """);
    assertThat(d.models()).isEmpty();
  }

  private static Detection detect(String code) {
    Catalogue c = FixtureHarness.catalogue();
    return new RubyDetector(new FactMatcher(c)).detect(new SourceFile("t.rb", code.getBytes(StandardCharsets.UTF_8)));
  }
}

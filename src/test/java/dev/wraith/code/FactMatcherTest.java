package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.csharp.CSharpDetector;
import dev.wraith.code.python.PythonDetector;
import dev.wraith.model.Finding;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How FactMatcher folds the calls of one line into findings. */
class FactMatcherTest {
  @Test
  void aProviderNamedByANestedCallOfTheSameSignatureIsKept() {
    Detection d = csharp("""
        using Microsoft.Extensions.AI;
        builder.Services.AddChatClient(new OllamaChatClient(new Uri("http://localhost:11434/"), "phi3"));
        """);
    assertThat(d.findings()).filteredOn(f -> f.location().line() == 2)
        .extracting(Finding::subject, Finding::provider, Finding::evidence)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("microsoft-extensions-ai", "", "Microsoft.Extensions.AI.AddChatClient"),
            org.assertj.core.groups.Tuple.tuple("microsoft-extensions-ai", "ollama", "Microsoft.Extensions.AI.OllamaChatClient"));
    assertThat(d.findings()).filteredOn(f -> f.provider().equals("ollama"))
        .extracting(f -> f.attributes().get("model")).containsExactly("phi3");
  }

  @Test
  void oneClientNamedTwiceOnALineIsOneFinding() {
    // the constructor and the chained call are the same signature, kind and provider: one finding, the first
    Detection d = python("""
        import openai
        r = openai.OpenAI().chat.completions.create(model="gpt-4o", messages=[]); c = openai.OpenAI()
        """);
    assertThat(d.findings()).filteredOn(f -> f.location().line() == 2 && f.kind().id().equals("sdk-client")).hasSize(1);
  }

  private static Detection csharp(String code) {
    Catalogue c = FixtureHarness.catalogue();
    return new CSharpDetector(new FactMatcher(c), c).detect(new SourceFile("T.cs", code.getBytes(StandardCharsets.UTF_8)));
  }

  private static Detection python(String code) {
    Catalogue c = FixtureHarness.catalogue();
    return new PythonDetector(new FactMatcher(c)).detect(new SourceFile("t.py", code.getBytes(StandardCharsets.UTF_8)));
  }
}

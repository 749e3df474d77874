package dev.wraith.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndpointMatcherTest {
  private final EndpointMatcher m = new EndpointMatcher(CatalogueLoader.bundled());

  @Test
  void recognisesProviderUrlsAndKeepsNoCredentialsOrQueries() {
    var hit = m.match("https://user:sk-secret123@api.openai.com/v1/chat/completions?api_key=sk-abc#x").orElseThrow();
    assertThat(hit.provider().id()).isEqualTo("openai");
    assertThat(hit.evidence()).isEqualTo("https://api.openai.com/v1/chat/completions");
    assertThat(m.match("api.mistral.ai")).map(x -> x.provider().id()).contains("mistral");
  }

  @Test
  void selfHostedServersNeedTheirPortAndAPathOrName() {
    assertThat(m.match("http://localhost:11434/api/chat")).map(x -> x.provider().id()).contains("ollama");
    assertThat(m.match("http://ollama.ai.svc.cluster.local:11434")).map(x -> x.provider().id()).contains("ollama");
    assertThat(m.match("http://localhost:8000/users")).isEmpty();
    assertThat(m.match("http://localhost:11434/metrics")).isEmpty();
  }

  @Test
  void ignoresLookalikesAndPlainText() {
    assertThat(m.match("https://api.openai.com.attacker.net/v1")).isEmpty();
    assertThat(m.match("see the openai docs")).isEmpty();
    assertThat(m.match("https://status.example.com/health")).isEmpty();
  }
}

package dev.wraith.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class McpMaskingTest {
  @Test
  void keyLikeValuesAreMaskedAndNamesKept() {
    assertThat(Masking.args(List.of("--api-key", "abc", "--token=xyz", "--port=8080", "--dir", "/tmp")))
        .containsExactly("--api-key", "***", "--token=***", "--port=8080", "--dir", "/tmp");
    assertThat(Masking.args(List.of("-e", "GH_TOKEN", "-e", "A=b", "-H", "Authorization: Bearer x")))
        .containsExactly("-e", "GH_TOKEN", "-e", "A=***", "-H", "Authorization:***");
    assertThat(Masking.args(List.of("DB_URL=postgres://u:p@h/db", "sk-abcdef", "ghp_123", "pkg==1.2", "pkg>=1")))
        .containsExactly("DB_URL=***", "***", "***", "pkg==1.2", "pkg>=1");
    assertThat(Masking.word("https://user:pw@host/p?key=v")).isEqualTo("https://***@host/p?***");
    assertThat(Masking.word("a1aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).isEqualTo("***");
    assertThat(Masking.word("mcp-server-with-a-rather-long-descriptive-name")).isEqualTo("mcp-server-with-a-rather-long-descriptive-name");
    assertThat(Masking.word("/a/very/long/path/that/is/not/a/secret/at/all")).isEqualTo("/a/very/long/path/that/is/not/a/secret/at/all");
  }

  @Test
  void urlsKeepSchemeHostPortAndPathOnly() {
    assertThat(RemoteUrl.parse("http://u:p@Host.Example:8080/mcp?token=x#f").orElseThrow())
        .isEqualTo(new RemoteUrl("http", "host.example", "http://host.example:8080/mcp"));
    assertThat(RemoteUrl.parse("not a url")).isEmpty();
    assertThat(RemoteUrl.parse("/relative")).isEmpty();
  }
}

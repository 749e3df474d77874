package dev.wraith.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.model.McpServer;
import dev.wraith.redact.Redactor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A config's command line reaches the model through the one redactor; the raw values stay in the launch only. */
class McpRedactionTest {
  private static ConfigReader.Entry entry(String json) throws Exception {
    List<String> warnings = new ArrayList<>();
    return new ServerFields("s", new ObjectMapper().readTree(json), "test", warnings, Redactor.bundled())
        .build("client", "src", null).orElseThrow();
  }

  @Test
  void keyLikeValuesAreMaskedAndNamesKept() throws Exception {
    ConfigReader.Entry e = entry("""
        {"command": "docker", "args": ["run", "-e", "GH_TOKEN", "-e", "A=b", "-H", "Authorization: Bearer EXAMPLEtok",
          "--api-key", "abc", "--token=xyz", "--port=8080", "--dir", "/tmp", "DB_URL=postgres://u:EXAMPLEpw@h/db",
          "pkg==1.2", "pkg>=1", "ghp_EXAMPLEexampleEXAMPLE0123456789abcd"],
         "env": {"GH_TOKEN": "EXAMPLEsecret"}}""");
    McpServer s = e.server();
    assertThat(s.command()).isEqualTo("docker");
    assertThat(s.args()).containsExactly("run", "-e", "GH_TOKEN", "-e", "A=***", "-H", "Authorization: ***", "--api-key", "***",
        "--token=***", "--port=8080", "--dir", "/tmp", "DB_URL=postgres://***@h/db", "pkg==1.2", "pkg>=1", "***");
    assertThat(s.envNames()).contains("GH_TOKEN");
    assertThat(s.toString()).doesNotContain("EXAMPLE");
    assertThat(e.launch().args()).contains("abc", "--token=xyz"); // the prober needs the real values
  }

  @Test
  void urlsKeepSchemeHostPortAndPathOnly() {
    assertThat(RemoteUrl.parse("http://u:p@Host.Example:8080/mcp?token=x#f").orElseThrow())
        .isEqualTo(new RemoteUrl("http", "host.example", "http://host.example:8080/mcp"));
    assertThat(RemoteUrl.parse("not a url")).isEmpty();
    assertThat(RemoteUrl.parse("/relative")).isEmpty();
  }
}

package dev.wraith.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wraith.catalogue.CatalogueLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The redactor's behaviour beyond the catalogue's own checks: JSON, multi-line text, overlays and hostile sizes. */
class RedactorTest {
  private static final Redactor R = Redactor.bundled();

  @TempDir Path dir;

  @Test
  void privateKeyBlocksAreMaskedWholeEvenAcrossLinesAndUnterminated() {
    String pem = "key:\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIEXAMPLEEXAMPLE\nAwEHoUQDQgAE\n-----END EC PRIVATE KEY-----\nafter";
    assertThat(R.text(pem)).isEqualTo("key:\n***\nafter");
    assertThat(R.text("x -----BEGIN PRIVATE KEY-----\\nMIIEvEXAMPLE")).isEqualTo("x ***");
    assertThat(R.argv(List.of("--cert", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaEXAMPLE\n-----END OPENSSH PRIVATE KEY-----")))
        .containsExactly("--cert", "***");
  }

  @Test
  void onlyCleanTextIsRememberedSoAMaskedSecretIsNotHeldAfterwards() {
    Redactor r = Redactor.of(CatalogueLoader.bundled()); // its own memory, not the shared bundled instance
    String secret = "OPENAI_API_KEY=sk-proj-EXAMPLEmemo0123456789abcdefghij";
    String clean = "payments/payments-api";
    for (int i = 0; i < 3; i++) { // the same answer every time, remembered or not
      assertThat(r.text(secret)).isEqualTo("OPENAI_API_KEY=***");
      assertThat(r.text(clean)).isEqualTo(clean);
    }
    assertThat(r.remembers(clean)).isTrue();
    assertThat(r.remembers(secret)).isFalse();
    String longClean = "x".repeat(300); // past the length remembered: computed each time, never kept
    assertThat(r.text(longClean)).isEqualTo(longClean);
    assertThat(r.remembers(longClean)).isFalse();
  }

  @Test
  void stderrLinesKeepTheirShapeAndLoseTheirSecrets() {
    String stderr = "started with argv [server.js, --api-key, EXAMPLEk]\nAuthorization: Bearer EXAMPLEtok\nlistening on :8080";
    assertThat(R.text(stderr)).isEqualTo("started with argv [server.js, --api-key, ***]\nAuthorization: ***\nlistening on :8080");
  }

  @Test
  void argvKeepsItsLengthAndOrdinaryWords() {
    List<String> argv = List.of("python", "-m", "app.main", "/srv/app/agent.py", "--workers", "4",
        "ghcr.io/acme/research-agent:1.4.2", "com.example.very.long.package.name.MainApplication", "--port=8000",
        "--model", "gpt-4o-mini", "--temperature", "0.2", "-v");
    assertThat(R.argv(argv)).isEqualTo(argv);
    assertThat(R.command(List.of("agent", "--token", "EXAMPLEt"))).isEqualTo("agent --token ***");
  }

  @Test
  void urlsKeepSchemeHostPortAndPath() {
    assertThat(R.url("https://u:EXAMPLEpw@Host.Example:8443/mcp/sse?token=EXAMPLEt&x=1#frag"))
        .isEqualTo("https://***@Host.Example:8443/mcp/sse?token=***&x=***#frag");
    assertThat(R.url("https://api.openai.com/v1")).isEqualTo("https://api.openai.com/v1");
    assertThat(R.url("git+ssh://git@github.com/acme/agent.git")).isEqualTo("git+ssh://***@github.com/acme/agent.git");
  }

  @Test
  void everyStringAndKeyThroughTheJacksonModuleIsRedacted() throws Exception {
    ObjectMapper m = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module()).registerModule(new RedactingModule(R)).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    record Doc(String command, List<String> argv, Map<String, Object> attributes, Optional<String> url, String sha256) {}
    String hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    String json = m.writeValueAsString(new Doc("run --api-key EXAMPLEk", List.of("ghp_EXAMPLEexampleEXAMPLE0123456789abcd"),
        Map.of("version", "git+https://ghp_EXAMPLEexampleEXAMPLE0123456789abcd@github.com/a/b", "n", 1,
            "Authorization: Bearer EXAMPLEkey", "x"), Optional.empty(), hash));
    assertThat(json).doesNotContain("EXAMPLE").contains(hash).contains("run --api-key ***");
    var tree = new ObjectMapper().readTree("{\"a\":[\"sk-proj-EXAMPLEexample_EXAMPLE-0123456789abcdef\"],\"token=EXAMPLEk\":1}");
    assertThat(RedactingModule.redactTree(tree, R).toString()).doesNotContain("EXAMPLE");
  }

  @Test
  void anOverlayAddsATokenShapeAndDisablesABuiltIn() throws Exception {
    Files.writeString(dir.resolve("acme.yaml"), """
        secrets:
          tokens:
            - id: acme-internal-token
              name: ACME internal service token
              pattern: 'acme_tok_[a-z0-9]{12,}'
              anchors: [acme_tok_]
              examples: [acme_tok_0123456789abcdef]
              notSecrets: [acme_tok_short]
          keyNames:
            words: [sesame]
        disable: [replicate-token]
        """);
    Redactor r = Redactor.of(CatalogueLoader.load(dir));
    assertThat(r.text("use acme_tok_0123456789abcdef now")).isEqualTo("use *** now");
    assertThat(r.argv(List.of("door", "--open-sesame", "EXAMPLEpw"))).containsExactly("door", "--open-sesame", "***");
    assertThat(r.text("r8_EXAMPLEexampleEXAMPLE0123456789abcd")).isEqualTo("r8_EXAMPLEexampleEXAMPLE0123456789abcd");
    assertThat(R.text("r8_EXAMPLEexampleEXAMPLE0123456789abcd")).isEqualTo("***");
  }

  @Test
  void hostileSizesAndShapesAreFastAndBounded() {
    long start = System.nanoTime();
    assertThat(R.argv(List.of("a.".repeat(500_000)))).containsExactly(Redactor.MASK);
    R.text("\"'".repeat(100_000) + " --token x");
    R.text("a=".repeat(200_000));
    R.text("https://" + "@:".repeat(100_000));
    R.argv(List.of("sh", "-c", "sh -c '".repeat(50) + "--token x"));
    R.text("Authorization:" + " x".repeat(200_000));
    assertThat(R.text("x".repeat(2 << 20))).isEqualTo(Redactor.MASK);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
  }
}

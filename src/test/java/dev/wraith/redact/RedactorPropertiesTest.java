package dev.wraith.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Idempotence over texts and argument lists assembled from the pieces the rules react to (flags, quotes, headers, URLs,
 * tokens, separators): redacting what the redactor gave changes nothing, and a planted value never survives.
 */
class RedactorPropertiesTest {
  private static final Redactor R = Redactor.bundled();
  /** A token is a token at a word start; glued to a letter ("disk-...") it is part of a name. */
  private static final String PLANT = " sk-proj-WRAITHPLANTxyz0123456789";
  private static final List<String> PIECES = List.of("--api-key", "--token=", "-H", "-e", "-p", "mysql", "sh", "-c", "'", "\"",
      "Authorization:", "Bearer", "Cookie:", " ", " ", " ", "\n", ";", "&&", "=", ":", "https://", "u:p@", "host.example",
      "/path", "?q=", "&", "#", "KEY=", "API_TOKEN=", "value", "$HOME", "***", "x-api-key", "{\"apiKey\":", "}", ",", PLANT,
      "Zq8xT3vKp1LmN7rW2yB5cD9fG4hJ6kQ0sU8vX1zA3bE5", "0123456789abcdef0123456789abcdef", "\\");

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(24).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<List<String>> argvs() {
    return texts().list().ofMinSize(0).ofMaxSize(8);
  }

  @Property(tries = 3000)
  void textIsIdempotent(@ForAll("texts") String t) {
    String once = R.text(t);
    assertThat(R.text(once)).isEqualTo(once);
    assertThat(once).doesNotContain("WRAITHPLANT");
  }

  @Property(tries = 3000)
  void argvIsIdempotentAndKeepsItsLength(@ForAll("argvs") List<String> argv) {
    List<String> once = R.argv(argv);
    assertThat(once).hasSameSizeAs(argv);
    assertThat(R.argv(once)).isEqualTo(once);
    assertThat(String.join(" ", once)).doesNotContain("WRAITHPLANT");
  }
}

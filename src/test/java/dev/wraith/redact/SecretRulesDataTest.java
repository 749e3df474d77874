package dev.wraith.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.catalogue.SecretRules;
import dev.wraith.catalogue.SecretRules.TokenRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code catalogue/secrets.yaml} tested as data, through the real redactor: every token example is masked wherever it
 * stands (alone, after '=', in a URL, quoted, inside a shell string), every non-secret stays, every check gives exactly
 * its output, and every output is a fixed point (redacting twice changes nothing).
 */
class SecretRulesDataTest {
  private static final SecretRules RULES = CatalogueLoader.bundled().secrets();
  private static final Redactor R = new Redactor(RULES);

  @TestFactory
  Stream<DynamicTest> everyTokenExampleIsMaskedInEveryPlace() {
    List<DynamicTest> tests = new ArrayList<>();
    for (TokenRule rule : RULES.tokens()) {
      for (String x : rule.examples()) {
        tests.add(DynamicTest.dynamicTest(rule.id() + ": " + x.lines().findFirst().orElse(x), () -> {
          for (String context : List.of("%s", "value %s here", "X=%s", "--opaque=%s", "'%s'", "\"%s\",", "(%s)")) {
            String text = String.format(context, x);
            assertThat(R.text(text)).as(context).doesNotContain(secretPart(x)).contains(Redactor.MASK);
          }
          assertThat(String.join(" ", R.argv(List.of("sh", "-c", "run --opaque " + x + " now")))).doesNotContain(secretPart(x));
        }));
      }
      for (String x : rule.notSecrets()) {
        tests.add(DynamicTest.dynamicTest(rule.id() + " leaves " + x, () -> assertThat(R.text(x)).isEqualTo(x)));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyCheckGivesItsOutputAndIsAFixedPoint() {
    return RULES.checks().stream().map(c -> DynamicTest.dynamicTest(String.join(" ", c.in()), () -> {
      if (c.argv()) {
        assertThat(R.argv(c.in())).containsExactlyElementsOf(c.out());
        assertThat(R.argv(c.out())).containsExactlyElementsOf(c.out());
        for (String element : c.out()) assertThat(R.text(element)).as("element through text()").isEqualTo(R.text(R.text(element)));
      } else {
        assertThat(R.text(c.in().get(0))).isEqualTo(c.out().get(0));
        assertThat(R.text(c.out().get(0))).isEqualTo(c.out().get(0));
      }
    }));
  }

  @Test
  void keyNamesClassifyAsTheirExamplesSay() {
    for (String x : RULES.keyNames().examples()) assertThat(RULES.keyNames().keyLike(x)).as(x).isTrue();
    for (String x : RULES.keyNames().notSecrets()) assertThat(RULES.keyNames().keyLike(x)).as(x).isFalse();
  }

  /** The part of an example that must not survive: for the webhook rule, the path after the host. */
  private static String secretPart(String example) {
    int services = example.indexOf("/services/");
    String s = services >= 0 ? example.substring(services + "/services/".length()) : example;
    return s.length() > 12 ? s.substring(s.length() - 12) : s;
  }
}

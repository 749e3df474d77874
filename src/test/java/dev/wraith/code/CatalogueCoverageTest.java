package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Signature;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every SDK and framework signature of the bundled catalogue is shown by at least one fixture expectation, so a
 * misspelt package or module name cannot ship unnoticed: adding a signature means adding a positive fixture.
 */
class CatalogueCoverageTest {
  @Test
  void everySignatureHasAPositiveFixture() {
    Set<String> subjects = new TreeSet<>();
    for (String e : FixtureHarness.expectations(FixtureHarness.resource("code"))) {
      String[] words = e.split(" ", -1);
      if (words.length >= 3) subjects.add(words[2]);
    }
    Set<String> missing = new TreeSet<>();
    for (Signature s : FixtureHarness.catalogue().signatures()) if (!subjects.contains(s.id())) missing.add(s.id());
    assertThat(missing).as("signatures without any fixture expectation under src/test/resources/code").isEmpty();
  }
}

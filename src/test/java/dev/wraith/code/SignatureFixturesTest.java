package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.catalogue.Signature;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every SDK and framework signature in the bundled catalogue is expected by at least one positive fixture under
 * {@code src/test/resources/code/}: a signature added without a fixture that finds it fails here. The ids come from
 * the catalogue and the expectations from the fixture tree ({@code expect:} lines and {@code .expect} sidecars).
 */
class SignatureFixturesTest {
  @Test
  void everySignatureIsExpectedByAPositiveFixture() {
    Set<String> expectedSubjects = new TreeSet<>();
    // the source tree, not the classpath copy: a fixture deleted from the sources may linger in target/
    for (String e : FixtureHarness.expectations(Path.of("src", "test", "resources", "code"))) {
      List<String> words = List.of(e.split(" ", -1)); // "path:line kind subject"
      if (words.size() >= 3) expectedSubjects.add(words.get(2));
    }
    List<String> ids = CatalogueLoader.bundled().signatures().stream().map(Signature::id).toList();
    assertThat(ids).as("the bundled catalogue's signatures").hasSizeGreaterThan(80);
    List<String> unexpected = ids.stream().filter(id -> !expectedSubjects.contains(id)).sorted().toList();
    assertThat(unexpected).as("signatures that no fixture under src/test/resources/code/ expects; add one").isEmpty();
  }
}

package dev.wraith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A test run never writes a golden file: a missing one fails, a different one fails and stays as it was. */
class GoldenTest {
  @TempDir Path dir;

  @Test
  void aMissingGoldenFailsAndIsNotCreated() {
    assumeFalse(Golden.UPDATE, "-Dwraith.updateGolden=true writes golden files on purpose");
    Path golden = dir.resolve("house-missing.json");
    assertThatThrownBy(() -> Golden.assertMatches(golden, "{}")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("house-missing.json is missing");
    assertThat(golden).doesNotExist();
  }

  @Test
  void aDifferentOutputFailsAndLeavesTheGoldenAsItWas() throws Exception {
    assumeFalse(Golden.UPDATE, "-Dwraith.updateGolden=true writes golden files on purpose");
    Path golden = dir.resolve("house-golden.txt");
    Files.writeString(golden, "before\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Golden.assertMatches(golden, "after\n")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("-Dwraith.updateGolden=true");
    assertThat(golden).hasContent("before\n");
    Golden.assertMatches(golden, "before\n");
  }
}

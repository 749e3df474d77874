package dev.wraith.code.javascript;

import dev.wraith.code.FixtureHarness;
import org.junit.jupiter.api.Test;

class TypeScriptDetectorTest {
  @Test
  void typescriptAndTsxFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/typescript");
  }
}

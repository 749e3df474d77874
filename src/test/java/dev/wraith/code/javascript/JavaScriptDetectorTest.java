package dev.wraith.code.javascript;

import dev.wraith.code.FixtureHarness;
import org.junit.jupiter.api.Test;

class JavaScriptDetectorTest {
  @Test
  void javascriptFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/javascript");
  }
}

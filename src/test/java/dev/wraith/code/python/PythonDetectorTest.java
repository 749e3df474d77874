package dev.wraith.code.python;

import dev.wraith.code.FixtureHarness;

import org.junit.jupiter.api.Test;

class PythonDetectorTest {
  @Test
  void pythonFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/python");
  }

  /** Hosted-model SDKs and agent kits, apart from code/python, whose scan is also the reports' golden input. */
  @Test
  void sdkFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/python-sdks");
  }
}

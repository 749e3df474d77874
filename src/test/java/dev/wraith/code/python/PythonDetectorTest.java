package dev.wraith.code.python;

import dev.wraith.code.FixtureHarness;

import org.junit.jupiter.api.Test;

class PythonDetectorTest {
  @Test
  void pythonFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/python");
  }
}

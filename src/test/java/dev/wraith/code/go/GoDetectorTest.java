package dev.wraith.code.go;

import dev.wraith.code.FixtureHarness;

import org.junit.jupiter.api.Test;

class GoDetectorTest {
  @Test
  void goFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/go");
  }
}

package dev.wraith.code.java;

import dev.wraith.code.FixtureHarness;

import org.junit.jupiter.api.Test;

class JavaDetectorTest {
  @Test
  void javaFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/java");
  }
}

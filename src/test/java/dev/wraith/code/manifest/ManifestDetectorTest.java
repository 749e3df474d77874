package dev.wraith.code.manifest;

import dev.wraith.code.FixtureHarness;
import org.junit.jupiter.api.Test;

class ManifestDetectorTest {
  @Test
  void manifestFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/manifest");
  }
}

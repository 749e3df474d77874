package dev.wraith.code.deploy;

import dev.wraith.code.FixtureHarness;
import org.junit.jupiter.api.Test;

class DeployFixturesTest {
  @Test
  void deploymentFixturesMatchTheirExpectations() {
    FixtureHarness.assertFixtures("code/deploy");
  }
}

package dev.wraith.tetragon;

import java.util.List;

/** The collector test's event streams, for tests in other packages (CLI, reporters). */
public final class TetragonFixtures {
  private TetragonFixtures() {}

  /** Two hours on one node: shuffled, duplicated, garbage, a rate-limit event, a truncated last line. */
  public static List<String> messyWindow() {
    return TetragonCollectorTest.messy();
  }
}

package dev.wraith.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;

/**
 * The rule for tests that need a PostgreSQL server: where Debian's postgresql package is missing they are skipped with
 * the reason, except under CI (CI=true), whose .ci/run installs it, so there a missing server fails the build.
 */
public final class PostgresTests {
  private PostgresTests() {}

  /** Starts a server for one test class, or skips the class with the reason. */
  public static PostgresServer server() throws Exception {
    Optional<String> why = PostgresServer.unavailable();
    if ("true".equals(System.getenv("CI"))) {
      assertThat(why).as("CI installs postgresql (.ci/run)").isEmpty();
    } else {
      assumeTrue(why.isEmpty(), () -> "skipped: " + why.orElse(""));
    }
    return PostgresServer.start();
  }
}

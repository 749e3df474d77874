package dev.wraith.host.ebpf;

import java.time.Duration;

/**
 * How a probe whose loader stops is restarted ({@link SupervisedProbe}): at most {@code max} restarts in a row, the
 * first after {@code firstBackoff} and each next after twice the last (at most {@code maxBackoff}); a loader that ran
 * for {@code steady} resets the count, so a sensor that runs for weeks is not failed by one stop a week.
 */
public record ProbeRestarts(int max, Duration firstBackoff, Duration maxBackoff, Duration steady) {
  /**
   * A sensor that runs window after window ({@code wraith sensor}, --watch, --serve, the DaemonSet): five restarts,
   * 1, 2, 4, 8 then 16 s apart, counted afresh after ten minutes of steady running.
   */
  public static final ProbeRestarts LONG_RUNNING = new ProbeRestarts(5, Duration.ofSeconds(1), Duration.ofSeconds(30),
      Duration.ofMinutes(10));

  /**
   * One window (scan-all's host layer): one restart, at once; the window still ends on time, so a restart that is not
   * done by then leaves the window PARTIAL with the gap to its end.
   */
  public static final ProbeRestarts ONE_SHOT = new ProbeRestarts(1, Duration.ZERO, Duration.ZERO, Duration.ofDays(365));

  /** Never restarted: the first stop fails the window. */
  public static final ProbeRestarts NONE = new ProbeRestarts(0, Duration.ZERO, Duration.ZERO, Duration.ofDays(365));

  public ProbeRestarts {
    if (max < 0 || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0 || steady.isNegative()) {
      throw new IllegalArgumentException("restart policy: max >= 0 and 0 <= firstBackoff <= maxBackoff");
    }
  }

  /** The wait before restart number {@code n} (1-based) in a row. */
  Duration backoff(int n) {
    Duration d = firstBackoff;
    for (int i = 1; i < n && d.compareTo(maxBackoff) < 0; i++) d = d.multipliedBy(2);
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }
}

package dev.wraith.correlate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How reasons write times and spans for people: UTC to the second, whole days with a correct plural. */
final class Words {
  private Words() {}

  static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static String days(Instant from, Instant to) {
    long d = Duration.between(from, to).toDays();
    return d == 1 ? "1 day" : d + " days";
  }
}

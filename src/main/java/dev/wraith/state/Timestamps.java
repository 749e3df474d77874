package dev.wraith.state;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the database stores them: UTC, always nine fraction digits, so text order is time order and SQL
 * {@code min}/{@code max} compare correctly. {@link Instant#parse} reads them back exactly.
 */
final class Timestamps {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  static String format(Instant t) {
    return FORMAT.format(t);
  }

  static Instant parse(String text) {
    return Instant.parse(text);
  }
}

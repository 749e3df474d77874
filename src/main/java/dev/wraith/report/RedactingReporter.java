package dev.wraith.report;

import dev.wraith.redact.Redactor;

/**
 * What every reporter shares: its format id and the redactor every string it writes goes through (the catalogue's,
 * overlay included).
 *
 * @param <T> what one call writes
 */
abstract class RedactingReporter<T> implements Reporter<T> {
  private final String format;
  protected final Redactor redactor;

  RedactingReporter(String format, Redactor redactor) {
    this.format = format;
    this.redactor = redactor;
  }

  @Override
  public final String format() {
    return format;
  }
}

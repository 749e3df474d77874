package dev.wraith.report;

import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What every reporter shares: its format id, the redactor every string it writes goes through (the catalogue's,
 * overlay included) and the two ways plain text reaches the caller's stream through it.
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

  /** Writes a whole text report through the redactor, line by line; {@code out} stays open. */
  protected final void writeText(CharSequence text, OutputStream out) throws IOException {
    try (OutputStream lines = redactor.lines(out)) {
      lines.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A UTF-8 printer whose lines go through the redactor; the caller flushes it when done ({@code out} stays open). */
  protected final PrintStream printer(OutputStream out) {
    return new PrintStream(redactor.lines(out), false, StandardCharsets.UTF_8);
  }
}

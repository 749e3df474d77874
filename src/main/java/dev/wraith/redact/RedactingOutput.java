package dev.wraith.redact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream for plain-text reports and log lines: bytes are held until a newline, then the line goes through
 * {@link Redactor#text} on its way to the stream underneath. {@link #flush} and {@link #close} write a pending partial
 * line; {@link #close} never closes the stream underneath (the caller owns it). Not for JSON: a rule that masks up to
 * a quote must see the unescaped string, which is what {@link RedactingModule} gives it.
 */
final class RedactingOutput extends OutputStream {
  private static final int MAX_LINE = 1 << 20;
  private final OutputStream out;
  private final Redactor redactor;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  RedactingOutput(OutputStream out, Redactor redactor) {
    this.out = out;
    this.redactor = redactor;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n' || line.size() >= MAX_LINE) emit();
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (b[i] != '\n') continue;
      line.write(b, start, i + 1 - start);
      emit();
      start = i + 1;
    }
    line.write(b, start, off + len - start);
    if (line.size() >= MAX_LINE) emit();
  }

  @Override
  public synchronized void flush() throws IOException {
    emit();
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    flush();
  }

  private void emit() throws IOException {
    if (line.size() == 0) return;
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    out.write(redactor.text(text).getBytes(StandardCharsets.UTF_8));
  }
}

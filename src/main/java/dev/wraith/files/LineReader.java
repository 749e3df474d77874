package dev.wraith.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a line-oriented input (NDJSON exports, audit logs, observation windows) in large chunks and hands out whole
 * lines in place, as bytes: no copy and no String per line unless the caller makes one. A line longer than the limit is
 * skipped while it streams past, never held: the buffer grows to the limit and no further. Memory is therefore bounded
 * by the longest line allowed, whatever the input.
 *
 * <p>When the stream fails part way (a truncated gzip file, a gzip bomb stopped by {@link InputFile}, a disk error),
 * the lines read before the failure are still delivered; then the failure is thrown.
 */
public final class LineReader {
  /** Bytes read at a time; the buffer starts at this size (or the limit, if smaller). */
  public static final int CHUNK = 1 << 20;

  private LineReader() {}

  /** Receives whole lines, many at a time. */
  @FunctionalInterface
  public interface Chunks {
    /**
     * {@code buf[from, to)} holds whole lines, each ended by '\n' except perhaps the input's last one.
     *
     * @param firstLine the number of the first of them (from 1)
     * @return how many lines they were (the reader numbers the lines after them by it)
     */
    long lines(byte[] buf, int from, int to, long firstLine) throws IOException;
  }

  /** Receives one line at a time. */
  @FunctionalInterface
  public interface Lines {
    /** {@code buf[from, to)} is line {@code number}, without its '\n' (and without a '\r' before it). */
    void line(byte[] buf, int from, int to, long number) throws IOException;
  }

  /** Hears about each line that was too long and was skipped unread. */
  @FunctionalInterface
  public interface TooLong {
    /** Line {@code line} of {@code bytes} bytes was skipped; {@code head} holds its first bytes (at most {@value #HEAD}). */
    void skipped(long line, long bytes, byte[] head) throws IOException;

    int HEAD = 64;
  }

  /** Reads {@code in} to its end, handing whole lines of at most {@code maxLine} bytes to {@code sink} in chunks. */
  public static void chunks(InputStream in, int maxLine, Chunks sink, TooLong tooLong) throws IOException {
    int cap = (int) Math.min((long) maxLine + 1, Integer.MAX_VALUE - 16);
    byte[] buf = new byte[Math.min(CHUNK, cap)];
    int filled = 0;
    long line = 1;
    Fill fill = new Fill(in);
    while (!fill.eof || filled > 0) {
      if (!fill.eof) filled += fill.into(buf, filled);
      int end = lastNewline(buf, filled) + 1;
      if (end > 0) {
        line += sink.lines(buf, 0, end, line);
        System.arraycopy(buf, end, buf, 0, filled - end);
        filled -= end;
      } else if (fill.eof) { // the input's last line, without '\n'
        if (filled > maxLine) tooLong.skipped(line, filled, Arrays.copyOf(buf, Math.min(filled, TooLong.HEAD)));
        else line += sink.lines(buf, 0, filled, line);
        filled = 0;
      } else if (buf.length < cap) {
        buf = Arrays.copyOf(buf, (int) Math.min(cap, 2L * buf.length));
      } else {
        byte[] head = Arrays.copyOf(buf, Math.min(filled, TooLong.HEAD));
        long skipped = filled + fill.skipLine(buf);
        filled = fill.rest;
        tooLong.skipped(line++, skipped, head);
      }
    }
    fill.rethrow();
  }

  /** Reads {@code in} to its end, one line of at most {@code maxLine} bytes at a time. */
  public static void lines(InputStream in, int maxLine, Lines sink, TooLong tooLong) throws IOException {
    chunks(in, maxLine, (buf, from, to, first) -> {
      long n = 0;
      for (int at = from; at < to; n++) {
        int nl = indexOf(buf, at, to);
        int end = nl < 0 ? to : nl;
        sink.line(buf, at, end > at && buf[end - 1] == '\r' ? end - 1 : end, first + n);
        at = end + 1;
      }
      return n;
    }, tooLong);
  }

  static int indexOf(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) if (buf[i] == '\n') return i;
    return -1;
  }

  private static int lastNewline(byte[] buf, int filled) {
    for (int i = filled - 1; i >= 0; i--) if (buf[i] == '\n') return i;
    return -1;
  }

  /** Reads from the stream; a failure ends the input (what came before it is still used) and is thrown at the end. */
  private static final class Fill {
    private final InputStream in;
    boolean eof;
    int rest;
    private IOException failure;

    Fill(InputStream in) {
      this.in = in;
    }

    /** Fills buf[from, length) or up to the end of the input; returns how many bytes came. */
    int into(byte[] buf, int from) {
      int n = 0;
      try {
        for (int r; from + n < buf.length && (r = in.read(buf, from + n, buf.length - from - n)) >= 0; ) n += r;
        if (from + n < buf.length) eof = true;
      } catch (IOException e) {
        failure = e;
        eof = true;
      }
      return n;
    }

    /** Reads past the rest of an overlong line; what follows its '\n' is left at buf[0, rest). Returns bytes skipped. */
    long skipLine(byte[] buf) {
      long skipped = 0;
      rest = 0;
      try {
        for (int r; (r = in.read(buf, 0, buf.length)) >= 0; ) {
          int nl = indexOf(buf, 0, r);
          if (nl < 0) {
            skipped += r;
            continue;
          }
          System.arraycopy(buf, nl + 1, buf, 0, r - nl - 1);
          rest = r - nl - 1;
          return skipped + nl;
        }
        eof = true;
      } catch (IOException e) {
        failure = e;
        eof = true;
      }
      return skipped;
    }

    void rethrow() throws IOException {
      if (failure != null) throw failure;
    }
  }
}

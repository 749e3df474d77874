package dev.wraith.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Reads a server's stderr on a thread of its own until end of file, line by line into a consumer (the
 * {@link StderrTail}). Memory stays bounded whatever the server writes: a line keeps at most {@link #LINE_CAP}
 * characters, cut back to its last whitespace so no token (a secret the masking must see whole) is kept in part, and
 * the rest of it is read and dropped. The pipe is emptied as fast as the server fills it, so a server is never stalled
 * by stderr. Bytes are read as UTF-8 (malformed input replaced); {@code \n}, {@code \r\n} and {@code \r} end a line.
 */
final class StderrDrain {
  static final int LINE_CAP = 4096;
  private static final System.Logger LOG = System.getLogger(StderrDrain.class.getName());
  private final Thread thread;

  private StderrDrain(Thread thread) {
    this.thread = thread;
  }

  /** Starts draining {@code in} on a daemon thread named {@code name}; the thread ends at end of file or a read error. */
  static StderrDrain start(InputStream in, Consumer<String> lines, String name) {
    Thread t = new Thread(() -> drain(in, lines), name);
    t.setDaemon(true);
    t.start();
    return new StderrDrain(t);
  }

  /**
   * Waits at most {@code wait} for end of file (every process holding the pipe's write end has closed it or exited);
   * true when the whole stream was read.
   */
  boolean awaitEnd(Duration wait) throws InterruptedException {
    thread.join(Math.max(1, wait.toMillis()));
    return !thread.isAlive();
  }

  private static void drain(InputStream in, Consumer<String> lines) {
    Lines cut = new Lines(lines);
    char[] buf = new char[8192];
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      for (int n; (n = r.read(buf)) != -1; ) cut.feed(buf, n);
    } catch (IOException e) {
      // a stream closed under us ends the drain like end of file; what was read is kept
      LOG.log(System.Logger.Level.DEBUG, "reading a probed server's stderr", e);
    } finally {
      cut.finish();
    }
  }

  /** Splits characters into lines of at most {@link #LINE_CAP} characters. */
  private static final class Lines {
    private final Consumer<String> out;
    private final StringBuilder line = new StringBuilder();
    private boolean overlong;
    private boolean afterCr;

    Lines(Consumer<String> out) {
      this.out = out;
    }

    void feed(char[] buf, int n) {
      for (int i = 0; i < n; i++) {
        char c = buf[i];
        boolean lf = c == '\n';
        if (lf && afterCr) {
          afterCr = false; // the \n of a \r\n: the line already ended at the \r
          continue;
        }
        afterCr = c == '\r';
        if (lf || afterCr) {
          emit();
        } else if (line.length() < LINE_CAP) {
          line.append(c);
        } else {
          overlong = true;
        }
      }
    }

    void finish() {
      if (line.length() > 0 || overlong) emit();
    }

    private void emit() {
      String text = line.toString();
      if (overlong) {
        int cut = lastWhitespace(text);
        text = (cut < 0 ? "" : text.substring(0, cut)) + " …";
      }
      line.setLength(0);
      overlong = false;
      out.accept(text);
    }

    private static int lastWhitespace(String s) {
      for (int i = s.length() - 1; i >= 0; i--) if (Character.isWhitespace(s.charAt(i))) return i;
      return -1;
    }
  }
}

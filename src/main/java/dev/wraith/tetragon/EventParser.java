package dev.wraith.tetragon;

import java.nio.charset.StandardCharsets;

/**
 * Turns export lines into events. A line may carry a prefix before its JSON ({@code kubectl logs --timestamps}
 * or {@code --prefix}); everything before the first '{' is ignored. One per reader thread: it caches the
 * processes it has read.
 */
public final class EventParser {
  /** What one line turned out to be. */
  public sealed interface Result {
    record Parsed(Event event) implements Result {}

    /** Valid JSON of an event type this layer does not use (tracepoint, lsm, ...), or a kprobe without a socket. */
    record Ignored() implements Result {}

    record Malformed(String why) implements Result {}

    /** A line with nothing on it; not counted. */
    record Blank() implements Result {}
  }

  static final Result IGNORED = new Result.Ignored();
  private static final Result BLANK = new Result.Blank();

  private final JsonEventReader reader = new JsonEventReader();
  private int next;

  public Result parse(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length);
  }

  /** One line of UTF-8 bytes, without its line terminator. */
  public Result parse(byte[] buf, int off, int len) {
    return parseLine(buf, off, off + len);
  }

  /**
   * The line that starts at {@code from} in buf[from, limit); afterwards {@link #next()} is where the following
   * line starts (past this line's '\n', or limit).
   */
  Result parseLine(byte[] buf, int from, int limit) {
    int i = from;
    while (i < limit && buf[i] != '{' && buf[i] != '\n') i++;
    if (i == limit || buf[i] == '\n') {
      next = i == limit ? limit : i + 1;
      return blank(buf, from, i) ? BLANK : new Result.Malformed("no JSON object");
    }
    JsonCursor c = new JsonCursor(buf, i, limit);
    try {
      Event e = reader.read(c);
      next = c.position() < limit ? c.position() + 1 : limit; // read() stops at the '\n'
      return e == null ? IGNORED : new Result.Parsed(e);
    } catch (JsonCursor.Malformed m) {
      return malformed(buf, c.position(), limit, "not valid event JSON (" + m.getMessage() + ")");
    } catch (java.time.DateTimeException | IllegalArgumentException e) {
      return malformed(buf, c.position(), limit, "bad field value");
    }
  }

  /** Where the line after the last one parsed starts. */
  int next() {
    return next;
  }

  private Result malformed(byte[] buf, int at, int limit, String why) {
    int i = Math.min(at, limit);
    while (i < limit && buf[i] != '\n') i++;
    next = i < limit ? i + 1 : limit;
    return new Result.Malformed(why);
  }

  private static boolean blank(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r') return false;
    return true;
  }
}

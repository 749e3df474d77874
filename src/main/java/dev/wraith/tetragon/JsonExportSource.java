package dev.wraith.tetragon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Tetragon's JSON export: NDJSON files as the agent writes them ({@code /var/log/tetragon/tetragon.log}, its
 * rotated backups, gzip-compressed ones by their {@code .gz} name) or saved {@code kubectl logs} of the
 * export-stdout container. Files are read in the order given; events need not be in time order. A file that
 * cannot be opened fails the read; a line that cannot be parsed (garbage, truncated last line) is a warning.
 */
public record JsonExportSource(List<Path> files) implements EventSource {
  /** Bytes read at a time; a line longer than this grows the buffer. */
  static final int CHUNK = 1 << 20;

  public JsonExportSource {
    files = List.copyOf(files);
  }

  @Override
  public String describe() {
    return String.join(", ", files.stream().map(Path::toString).toList());
  }

  @Override
  public void read(Consumer<Event> sink, ReadTally tally) throws IOException {
    EventParser parser = new EventParser();
    for (Path f : files) {
      try (InputStream in = open(f)) {
        readLines(parser, f.toString(), in, sink, tally);
      } catch (java.io.EOFException e) {
        tally.warn(f + ": compressed file ends early (still being written?); read up to the cut");
      }
    }
  }

  static void readLines(String name, InputStream in, Consumer<Event> sink, ReadTally tally) throws IOException {
    readLines(new EventParser(), name, in, sink, tally);
  }

  /**
   * Reads the stream a chunk at a time and parses the complete lines of each chunk in place (no copy, no
   * String per line); the cut line at a chunk's end moves to the front of the buffer and is completed by the
   * next read. A last line without '\n' is parsed too (and is usually cut).
   */
  private static void readLines(EventParser parser, String name, InputStream in, Consumer<Event> sink, ReadTally tally)
      throws IOException {
    byte[] buf = new byte[CHUNK];
    int filled = 0;
    long line = 0;
    boolean eof = false;
    boolean cut = false;
    while (!eof) {
      int want = buf.length - filled;
      int n = 0;
      try {
        for (int r; n < want && (r = in.read(buf, filled + n, want - n)) >= 0; ) n += r;
      } catch (java.io.EOFException e) {
        cut = true; // a gzip file still being written: what was read so far is parsed
      }
      eof = n < want;
      filled += n;
      int limit = eof ? filled : lastNewline(buf, filled) + 1;
      if (limit == 0) { // one line longer than the buffer
        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        continue;
      }
      int at = 0;
      while (at < limit) {
        EventParser.Result r = parser.parseLine(buf, at, limit);
        line++;
        at = parser.next();
        count(r, name, line, sink, tally);
      }
      System.arraycopy(buf, limit, buf, 0, filled - limit);
      filled -= limit;
    }
    if (cut) throw new java.io.EOFException(name);
  }

  private static int lastNewline(byte[] buf, int filled) {
    for (int i = filled - 1; i >= 0; i--) if (buf[i] == '\n') return i;
    return -1;
  }

  private static void count(EventParser.Result r, String name, long line, Consumer<Event> sink, ReadTally tally) {
    if (r instanceof EventParser.Result.Parsed p) {
      tally.line();
      tally.event();
      sink.accept(p.event());
    } else if (r instanceof EventParser.Result.Malformed m) {
      tally.line();
      tally.malformed(name + ":" + line, m.why());
    } else if (r instanceof EventParser.Result.Ignored) {
      tally.line();
      tally.ignored();
    }
  }

  private static InputStream open(Path f) throws IOException {
    InputStream raw = Files.newInputStream(f);
    return f.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
  }
}

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
  public JsonExportSource {
    files = List.copyOf(files);
  }

  @Override
  public String describe() {
    return String.join(", ", files.stream().map(Path::toString).toList());
  }

  @Override
  public void read(Consumer<Event> sink, ReadTally tally) throws IOException {
    for (Path f : files) {
      try (InputStream in = open(f)) {
        readLines(f.toString(), in, sink, tally);
      } catch (java.io.EOFException e) {
        tally.warn(f + ": compressed file ends early (still being written?); read up to the cut");
      }
    }
  }

  /**
   * Splits the stream on '\n' into byte lines handed to the parser as they are (no String per line): the
   * reader's cost is the parse, not the copy. A last line without '\n' is parsed too (and is usually cut).
   */
  static void readLines(String name, InputStream in, Consumer<Event> sink, ReadTally tally) throws IOException {
    EventParser parser = new EventParser();
    byte[] chunk = new byte[1 << 16];
    byte[] line = new byte[1 << 12];
    int used = 0;
    long n = 0;
    for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
      int from = 0;
      for (int i = 0; i < read; i++) {
        if (chunk[i] != '\n') continue;
        byte[] buf = chunk;
        int off = from, len = i - from;
        if (used > 0) {
          line = append(line, used, chunk, from, i - from);
          buf = line;
          off = 0;
          len = used + i - from;
          used = 0;
        }
        one(parser, name, ++n, buf, off, len, sink, tally);
        from = i + 1;
      }
      line = append(line, used, chunk, from, read - from);
      used += read - from;
    }
    if (used > 0) one(parser, name, ++n, line, 0, used, sink, tally);
  }

  private static byte[] append(byte[] line, int used, byte[] src, int from, int len) {
    if (used + len > line.length) line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, used + len));
    System.arraycopy(src, from, line, used, len);
    return line;
  }

  private static void one(EventParser parser, String name, long n, byte[] buf, int off, int len, Consumer<Event> sink,
      ReadTally tally) {
    if (len > 0 && buf[off + len - 1] == '\r') len--;
    if (isBlank(buf, off, len)) return;
    tally.line();
    EventParser.Result r = parser.parse(buf, off, len);
    if (r instanceof EventParser.Result.Parsed p) {
      tally.event();
      sink.accept(p.event());
    } else if (r instanceof EventParser.Result.Malformed m) {
      tally.malformed(name + ":" + n, m.why());
    } else {
      tally.ignored();
    }
  }

  private static boolean isBlank(byte[] buf, int off, int len) {
    for (int i = off; i < off + len; i++) if (buf[i] != ' ' && buf[i] != '\t') return false;
    return true;
  }

  private static InputStream open(Path f) throws IOException {
    InputStream raw = Files.newInputStream(f);
    return f.getFileName().toString().endsWith(".gz") ? new java.io.BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw;
  }
}

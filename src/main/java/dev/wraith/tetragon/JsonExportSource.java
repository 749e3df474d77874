package dev.wraith.tetragon;

import dev.wraith.files.FileProblem;
import dev.wraith.files.InputFile;
import dev.wraith.files.LineReader;
import dev.wraith.files.Limits;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tetragon's JSON export: NDJSON files as the agent writes them ({@code /var/log/tetragon/tetragon.log}, its
 * rotated backups, gzip-compressed ones) or saved {@code kubectl logs} of the export-stdout container. Files are read
 * in the order given; events need not be in time order. A path that is not a readable regular file fails the read; a
 * line that cannot be parsed (garbage, truncated last line) or is longer than {@link Limits#lineBytes()} is a warning,
 * and so is a file that holds no Tetragon event, a gzip file that is cut, corrupt or inflates beyond its bound (the
 * lines before are kept).
 */
public record JsonExportSource(List<Path> files, Limits limits) implements EventSource {
  /** Bytes read at a time (the shared line reader's chunk); a longer line grows the buffer up to the limit. */
  static final int CHUNK = LineReader.CHUNK;

  public JsonExportSource {
    files = List.copyOf(files);
  }

  public JsonExportSource(List<Path> files) {
    this(files, Limits.DEFAULT);
  }

  @Override
  public String describe() {
    return String.join(", ", files.stream().map(Path::toString).toList());
  }

  @Override
  public void read(Consumer<Event> sink, ReadTally tally) throws IOException {
    EventParser parser = new EventParser();
    for (Path f : files) {
      ReadTally.Stats before = tally.stats();
      try (InputStream in = InputFile.open(f, limits)) {
        try {
          readLines(parser, f.toString(), in, sink, tally, limits.lineBytes());
        } catch (EOFException e) {
          tally.warn(f + ": compressed file ends early (still being written?); read up to the cut");
        } catch (IOException e) {
          tally.warn(FileProblem.describe(e, f, "reading") + "; the lines before were read");
        }
      }
      ReadTally.Stats after = tally.stats();
      if (after.events() == before.events() && after.ignored() == before.ignored()) {
        tally.warn(f + ": holds no Tetragon events (" + (after.lines() == before.lines() ? "empty"
            : "no line is a Tetragon JSON export event") + ")");
      }
    }
  }

  static void readLines(String name, InputStream in, Consumer<Event> sink, ReadTally tally) throws IOException {
    readLines(new EventParser(), name, in, sink, tally, Limits.DEFAULT.lineBytes());
  }

  /**
   * Parses the complete lines of each chunk the shared line reader hands out, in place (no copy, no String per line);
   * a line longer than {@code maxLine} streams past unread and is counted as malformed.
   */
  private static void readLines(EventParser parser, String name, InputStream in, Consumer<Event> sink, ReadTally tally,
      int maxLine) throws IOException {
    LineReader.chunks(in, maxLine, (buf, from, to, first) -> {
      long n = 0;
      for (int at = from; at < to; n++) {
        EventParser.Result r = parser.parseLine(buf, at, to);
        at = parser.next();
        count(r, name, first + n, sink, tally);
      }
      return n;
    }, (line, bytes, head) -> {
      tally.line();
      tally.malformed(name + ":" + line, "a line of " + Limits.size(bytes) + ", longer than the "
          + Limits.size(maxLine) + " limit");
    });
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
}

package dev.wraith.tetragon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
  private static final EventParser PARSER = new EventParser();

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
      try (BufferedReader in = new BufferedReader(new InputStreamReader(open(f), StandardCharsets.UTF_8), 1 << 16)) {
        readLines(f.toString(), in, sink, tally);
      } catch (java.io.EOFException e) {
        tally.warn(f + ": compressed file ends early (still being written?); read up to the cut");
      }
    }
  }

  static void readLines(String name, BufferedReader in, Consumer<Event> sink, ReadTally tally) throws IOException {
    long n = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      n++;
      if (line.isBlank()) continue;
      tally.line();
      EventParser.Result r = PARSER.parse(line);
      if (r instanceof EventParser.Result.Parsed p) {
        tally.event();
        sink.accept(p.event());
      } else if (r instanceof EventParser.Result.Malformed m) {
        tally.malformed(name + ":" + n, m.why());
      } else {
        tally.ignored();
      }
    }
  }

  private static InputStream open(Path f) throws IOException {
    InputStream raw = Files.newInputStream(f);
    return f.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
  }
}

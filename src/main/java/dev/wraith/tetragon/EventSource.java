package dev.wraith.tetragon;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Where Tetragon events come from: the JSON export ({@link JsonExportSource}) or a recorded list
 * ({@link ReplaySource}). A source delivers every event it can read and notes what it could not in the tally;
 * only a source that cannot be opened at all throws.
 */
public interface EventSource {
  /** For the status line: files, addresses. */
  String describe();

  void read(Consumer<Event> sink, ReadTally tally) throws IOException;
}

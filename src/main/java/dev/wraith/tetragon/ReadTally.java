package dev.wraith.tetragon;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts what a source read and keeps a bounded list of warnings. Warnings name file and line, never the
 * line's content (it may hold arguments the masking has not seen yet). Not thread-safe: one per read.
 */
public final class ReadTally {
  /** Beyond this many, malformed lines are only counted. */
  static final int MAX_LINE_WARNINGS = 20;

  private long lines;
  private long events;
  private long malformed;
  private long ignored;
  private final List<String> warnings = new ArrayList<>();

  void line() {
    lines++;
  }

  void event() {
    events++;
  }

  void ignored() {
    ignored++;
  }

  void malformed(String where, String why) {
    if (++malformed <= MAX_LINE_WARNINGS) warnings.add(where + ": skipped, " + why);
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  public Stats stats() {
    return new Stats(lines, events, malformed, ignored);
  }

  public List<String> warnings() {
    List<String> all = new ArrayList<>(warnings);
    if (malformed > MAX_LINE_WARNINGS) all.add((malformed - MAX_LINE_WARNINGS) + " more unreadable lines skipped");
    return all;
  }

  /** Counters of one read; {@code ignored} are valid events of types this layer does not use. */
  public record Stats(long lines, long events, long malformed, long ignored) {}
}

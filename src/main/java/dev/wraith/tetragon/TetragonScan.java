package dev.wraith.tetragon;

import dev.wraith.model.LayerStatus;
import java.time.Instant;
import java.util.List;

/**
 * The Tetragon layer's result for the events read.
 *
 * @param start the earliest event time, or EPOCH when no event had one
 * @param stats {@code duplicates}: connect events seen more than once (overlapping files); {@code unattributed}:
 *     distinct (process, destination) pairs no attribution method named, left out of the observations
 */
public record TetragonScan(String source, Instant start, Instant end, List<TetragonObservation> observations,
    LayerStatus status, Stats stats) {
  public record Stats(long lines, long events, long malformed, long ignored, long duplicates, long connects,
      int processes, int unattributed, int gaps) {}

  public TetragonScan {
    observations = observations.stream().sorted().toList();
  }
}

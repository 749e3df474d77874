package dev.wraith.model;

import java.time.Instant;
import java.util.List;

/**
 * The host layer's result for one observation window: every (process, AI destination) pair seen, the AI
 * connections whose owner could not be read, and the layer's status.
 *
 * @param unowned AI connections seen in a network namespace whose owning process could not be read (not
 *     root, process gone, socket closing); reported so that a partial view is never silent
 */
public record HostScan(
    String procRoot,
    Instant start,
    Instant end,
    List<Observation> observations,
    List<Unowned> unowned,
    LayerStatus status,
    Stats stats) {

  /** An AI connection seen in a namespace's socket table with no readable owner. */
  public record Unowned(String netns, String ip, int port, Attributed attribution, String state, String why) {}

  /**
   * Sampler counters. {@code maxGapMillis} is the longest time between two consecutive samples: a
   * connection that lives longer than it cannot be missed.
   */
  public record Stats(int samples, long maxGapMillis, long maxSampleMillis, int processes, int netns) {}

  public HostScan {
    observations = observations.stream().sorted().toList();
    unowned = unowned.stream()
        .sorted(java.util.Comparator.comparing(Unowned::netns).thenComparing(Unowned::ip).thenComparingInt(Unowned::port))
        .distinct().toList();
  }
}

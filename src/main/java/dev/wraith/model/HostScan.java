package dev.wraith.model;

import java.time.Instant;
import java.util.List;

/**
 * The host layer's result for one observation window: every (process, AI destination) pair seen, the AI
 * connections whose owner could not be read, and the layer's status.
 *
 * @param unowned AI connections seen in a network namespace whose owning process could not be read (not
 *     root, process gone, socket closing); reported so that a partial view is never silent
 * @param inCluster connections to in-cluster addresses that nothing attributed on the node, per (process, address,
 *     port), for the correlation to resolve through the cluster layer; bounded (a warning says when the bound was hit)
 */
public record HostScan(
    String procRoot,
    Instant start,
    Instant end,
    List<Observation> observations,
    List<Unowned> unowned,
    List<InClusterConnection> inCluster,
    LayerStatus status,
    Stats stats) {

  /**
   * An AI connection seen in a namespace's socket table with no readable owner.
   *
   * @param namespacePod the pod whose network namespace holds the socket, read from the cgroups of the
   *     namespace's other processes, not from the (unknown) owner's; empty for the node's namespace or one
   *     that several pods share. Its container id is empty unless the namespace holds one container only.
   */
  public record Unowned(String netns, String ip, int port, Attributed attribution, String state, String why,
      java.util.Optional<ContainerRef> namespacePod) {}

  /**
   * Sensor counters. /proc sampling: {@code samples}, {@code maxGapMillis} the longest time between two consecutive
   * samples (a connection that lives longer than it cannot be missed) and the slowest sample. The eBPF probe: {@code
   * probe} says what it reported, and the sampling fields are 0.
   */
  public record Stats(int samples, long maxGapMillis, long maxSampleMillis, int processes, int netns,
      java.util.Optional<Probe> probe) {
    /** /proc sampling. */
    public Stats(int samples, long maxGapMillis, long maxSampleMillis, int processes, int netns) {
      this(samples, maxGapMillis, maxSampleMillis, processes, netns, java.util.Optional.empty());
    }
  }

  /**
   * What the eBPF probe reported in one window: events of every kind, TCP connects, DNS answers (with an address), and
   * events lost in the kernel's ring buffer or the loader.
   */
  public record Probe(long events, long connections, long dnsAnswers, long lost) {}

  public HostScan {
    observations = observations.stream().sorted().toList();
    unowned = unowned.stream()
        .sorted(java.util.Comparator.comparing(Unowned::netns).thenComparing(Unowned::ip).thenComparingInt(Unowned::port))
        .distinct().toList();
    inCluster = inCluster.stream().sorted().toList();
  }

  /** Without in-cluster connections (older callers and tests). */
  public HostScan(String procRoot, Instant start, Instant end, List<Observation> observations, List<Unowned> unowned,
      LayerStatus status, Stats stats) {
    this(procRoot, start, end, observations, unowned, List.of(), status, stats);
  }
}

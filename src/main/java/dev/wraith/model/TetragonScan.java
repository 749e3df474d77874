package dev.wraith.model;

import java.time.Instant;
import java.util.List;

/**
 * The Tetragon layer's result for the events read.
 *
 * @param source the files read, or "gRPC " and the address
 * @param start the earliest event time, or EPOCH when no event had one
 * @param inCluster connections to in-cluster addresses nothing attributed, for the correlation to resolve through the
 *     cluster layer (bounded; a warning says when the bound was reached)
 * @param unattributed destinations nothing attributed to AI, with the most connections first (bounded)
 * @param stats {@code lines}: export lines or gRPC messages; {@code duplicates}: connect events to AI destinations
 *     seen more than once (overlapping files), not counted again; {@code connects}: connect events, less those
 *     duplicates; {@code processes}: processes in the tree (from exec and exit events and AI connections);
 *     {@code unattributed}: distinct (process, destination) pairs no attribution method named, left out of the
 *     observations; {@code gaps}: rate-limit and throttle events and times the live stream was down
 */
public record TetragonScan(String source, Instant start, Instant end, List<TetragonSeen<Observation>> observations,
    List<TetragonSeen<InClusterConnection>> inCluster, UnattributedDestinations unattributed, LayerStatus status, Stats stats) {
  public record Stats(long lines, long events, long malformed, long ignored, long duplicates, long connects,
      int processes, int unattributed, int gaps) {}

  public TetragonScan {
    observations = observations.stream().sorted().toList();
    inCluster = inCluster.stream().sorted().toList();
    if (unattributed == null || status == null || stats == null) throw new NullPointerException();
  }

  /** Without in-cluster connections or unattributed destinations (older callers and tests). */
  public TetragonScan(String source, Instant start, Instant end, List<TetragonSeen<Observation>> observations, LayerStatus status,
      Stats stats) {
    this(source, start, end, observations, List.of(), UnattributedDestinations.NONE, status, stats);
  }
}

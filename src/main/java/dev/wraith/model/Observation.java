package dev.wraith.model;

import java.time.Instant;
import java.util.Comparator;

/**
 * One process talking to one AI destination during an observation window.
 *
 * @param origin container workload, exec'd into a container, or node process
 * @param entryScript the script its interpreter runs, when there is one
 * @param connections distinct sockets seen (a new socket inode is a new connection)
 * @param samples how many samples saw at least one such socket
 */
public record Observation(
    ProcessInfo process,
    ProcessOrigin origin,
    java.util.Optional<EntryScript> entryScript,
    String ip,
    int port,
    Attributed attribution,
    Instant firstSeen,
    Instant lastSeen,
    int connections,
    int samples) implements Comparable<Observation> {

  private static final Comparator<Observation> ORDER = Comparator
      .comparingInt((Observation o) -> o.process().pid())
      .thenComparingLong(o -> o.process().startTicks())
      .thenComparing(Observation::ip)
      .thenComparingInt(Observation::port);

  /** The same connections, attributed otherwise (the cluster's address map named the in-cluster server). */
  public Observation withAttribution(Attributed a) {
    return new Observation(process, origin, entryScript, ip, port, a, firstSeen, lastSeen, connections, samples);
  }

  @Override
  public int compareTo(Observation o) {
    return ORDER.compare(this, o);
  }
}

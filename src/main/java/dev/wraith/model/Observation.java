package dev.wraith.model;

import java.time.Instant;
import java.util.Optional;

/** One process talking to one AI destination during an observation window: its connections, attributed. */
public record Observation(
    ProcessInfo process,
    ProcessOrigin origin,
    Optional<EntryScript> entryScript,
    String ip,
    int port,
    Attributed attribution,
    Instant firstSeen,
    Instant lastSeen,
    int connections,
    int samples) implements ProcessConnections<Observation> {

  /** The same connections, attributed otherwise (the cluster's address map named the in-cluster server). */
  public Observation withAttribution(Attributed a) {
    return new Observation(process, origin, entryScript, ip, port, a, firstSeen, lastSeen, connections, samples);
  }
}

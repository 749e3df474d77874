package dev.wraith.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A process's connections to one in-cluster address (private or ULA) that nothing attributed on the node: kept so that
 * the correlation can resolve the address through the cluster layer's Services, EndpointSlices and pod IPs, and name
 * the AI gateway or model server behind it. An {@link Observation} less the attribution.
 */
public record InClusterConnection(ProcessInfo process, ProcessOrigin origin, Optional<EntryScript> entryScript,
    String ip, int port, Instant firstSeen, Instant lastSeen, int connections, int samples)
    implements ProcessConnections<InClusterConnection> {

  /** The connection as an observation, once the cluster's address map attributed it. */
  public Observation attributed(Attributed a) {
    return new Observation(process, origin, entryScript, ip, port, a, firstSeen, lastSeen, connections, samples);
  }
}

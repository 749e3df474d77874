package dev.wraith.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * One process's connections to one address during an observation window, as a runtime layer (host sampler, eBPF
 * probe, Tetragon) records them: attributed to an AI destination ({@link Observation}), or to an in-cluster address
 * nothing on the node attributed ({@link InClusterConnection}, for the correlation to resolve through the cluster
 * layer). Sealed, and typed by its own kind, so that an unattributed connection is never taken for an observation;
 * both sort the one way {@link #ORDER} says.
 *
 * @param <C> the kind itself (an observation sorts among observations)
 */
public sealed interface ProcessConnections<C extends ProcessConnections<C>> extends Comparable<C>
    permits Observation, InClusterConnection {

  /** By process (pid, then start ticks), then address and port. */
  Comparator<ProcessConnections<?>> ORDER = Comparator
      .comparingInt((ProcessConnections<?> o) -> o.process().pid())
      .thenComparingLong(o -> o.process().startTicks())
      .thenComparing(o -> o.ip())
      .thenComparingInt(o -> o.port());

  ProcessInfo process();

  /** Container workload, exec'd into a container, or node process. */
  ProcessOrigin origin();

  /** The script its interpreter runs, when there is one. */
  Optional<EntryScript> entryScript();

  String ip();

  int port();

  Instant firstSeen();

  Instant lastSeen();

  /** Distinct sockets seen (a new socket inode is a new connection). */
  int connections();

  /** How many samples saw at least one such socket. */
  int samples();

  @Override
  default int compareTo(C o) {
    return ORDER.compare(this, o);
  }
}

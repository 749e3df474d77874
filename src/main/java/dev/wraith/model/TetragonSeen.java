package dev.wraith.model;

import java.util.Comparator;
import java.util.Optional;

/**
 * One process's connections to one address, as Tetragon saw them: the host layer's shape (so correlation treats both
 * alike; the connection's count and samples are both the number of distinct connect events) plus what only Tetragon
 * knows. {@code TetragonSeen<Observation>} is an attributed AI destination, {@code
 * TetragonSeen<InClusterConnection>} an in-cluster address nothing attributed, for the correlation to resolve through
 * the cluster layer.
 *
 * @param probe Tetragon marked the process as a liveness/readiness exec probe: exec'd, but by the kubelet
 * @param launcher for an exec'd process, the binary outside the container it descends from (runc, ...), or ""
 * @param <C> the kind of connection
 */
public record TetragonSeen<C extends ProcessConnections<C>>(String node, String execId, Optional<PodRef> pod,
    boolean probe, String launcher, C connection) implements Comparable<TetragonSeen<C>> {

  private static final Comparator<TetragonSeen<?>> ORDER = Comparator.comparing((TetragonSeen<?> o) -> o.node())
      .thenComparing(o -> o.pod().map(PodRef::namespace).orElse(""))
      .thenComparing(o -> o.pod().map(PodRef::name).orElse(""))
      .thenComparing(o -> o.pod().map(PodRef::container).orElse(""))
      .thenComparingInt(o -> o.connection().process().pid())
      .thenComparing(o -> o.execId())
      .thenComparing(o -> o.connection().ip())
      .thenComparingInt(o -> o.connection().port());

  @Override
  public int compareTo(TetragonSeen<C> o) {
    return ORDER.compare(this, o);
  }
}

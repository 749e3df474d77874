package dev.wraith.model;

import java.util.Comparator;
import java.util.Optional;

/**
 * One process's connections to one in-cluster address that nothing attributed, as Tetragon saw them: the
 * {@link TetragonObservation} shape with an {@link InClusterConnection} in place of the observation, for the
 * correlation to resolve through the cluster layer.
 */
public record TetragonInCluster(String node, String execId, Optional<PodRef> pod, boolean probe, String launcher,
    InClusterConnection connection) implements Comparable<TetragonInCluster> {

  private static final Comparator<TetragonInCluster> ORDER = Comparator.comparing(TetragonInCluster::node)
      .thenComparing(o -> o.pod().map(PodRef::namespace).orElse(""))
      .thenComparing(o -> o.pod().map(PodRef::name).orElse(""))
      .thenComparing(o -> o.pod().map(PodRef::container).orElse(""))
      .thenComparingInt(o -> o.connection().process().pid())
      .thenComparing(TetragonInCluster::execId)
      .thenComparing(o -> o.connection().ip())
      .thenComparingInt(o -> o.connection().port());

  /** As an observation of the attributed destination (the same process, pod and node). */
  public TetragonObservation attributed(Attributed a) {
    return new TetragonObservation(node, execId, pod, probe, launcher, connection.attributed(a));
  }

  @Override
  public int compareTo(TetragonInCluster o) {
    return ORDER.compare(this, o);
  }
}

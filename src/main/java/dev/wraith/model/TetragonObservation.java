package dev.wraith.model;

import java.util.Comparator;
import java.util.Optional;

/**
 * One process talking to one AI destination, as Tetragon saw it: the host layer's {@link Observation} shape
 * (so correlation treats both alike; {@code connections} and {@code samples} are both the number of distinct
 * connect events) plus what only Tetragon knows.
 *
 * @param probe Tetragon marked the process as a liveness/readiness exec probe: exec'd, but by the kubelet
 * @param launcher for an exec'd process, the binary outside the container it descends from (runc, ...), or ""
 */
public record TetragonObservation(String node, String execId, Optional<PodRef> pod, boolean probe, String launcher,
    Observation observation) implements Comparable<TetragonObservation> {

  private static final Comparator<TetragonObservation> ORDER = Comparator.comparing(TetragonObservation::node)
      .thenComparing(o -> o.pod().map(PodRef::namespace).orElse(""))
      .thenComparing(o -> o.pod().map(PodRef::name).orElse(""))
      .thenComparing(o -> o.pod().map(PodRef::container).orElse(""))
      .thenComparingInt(o -> o.observation().process().pid())
      .thenComparing(TetragonObservation::execId)
      .thenComparing(o -> o.observation().ip())
      .thenComparingInt(o -> o.observation().port());

  @Override
  public int compareTo(TetragonObservation o) {
    return ORDER.compare(this, o);
  }
}

package dev.wraith.correlate;

import dev.wraith.model.EntryScript;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.Workload;
import java.util.List;
import java.util.Optional;

/**
 * Something running that uses AI, by identity: (place, origin, entry script or binary and argument shape), never a
 * pid and never a provider. Either observed (sightings from host or Tetragon) or declared-only (a running cluster
 * workload whose spec declares AI, with no traffic seen; then {@code process} is empty).
 *
 * @param key the identity; equal keys are the same subject across layers and scans
 * @param process the representative process (lowest pid among the sightings)
 * @param workload the cluster layer's view of the workload it runs in, when that workload declares AI
 * @param undeclared a running workload whose spec declares no AI and that was not seen talking to AI: a subject only
 *     if it runs code from the scanned tree (then it confirms that code), dropped otherwise
 */
record RuntimeSubject(SubjectKey key, Place place, Optional<ProcessOrigin> origin, Optional<ProcessInfo> process,
    Optional<EntryScript> script, List<Sighting> sightings, Optional<Workload> workload, boolean undeclared) {

  RuntimeSubject {
    sightings = List.copyOf(sightings);
  }

  boolean declaredOnly() {
    return sightings.isEmpty();
  }

  /** The workload itself (its containers' own processes) rather than something exec'd into it or on the node. */
  boolean isWorkloadItself() {
    return declaredOnly() || origin.orElse(ProcessOrigin.CONTAINER) == ProcessOrigin.CONTAINER;
  }

  /** The paths that name the process: entry script, then executable. */
  List<String> paths() {
    java.util.List<String> out = new java.util.ArrayList<>();
    script.ifPresent(s -> out.add(s.path()));
    process.ifPresent(p -> out.add(p.exe()));
    return out;
  }
}

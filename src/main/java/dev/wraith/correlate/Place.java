package dev.wraith.correlate;

import dev.wraith.model.InventoryAgent.WorkloadRef;
import java.util.Optional;

/**
 * Where a runtime subject runs. A pod process has a workload (top of its owner chain) when the cluster layer or
 * Tetragon named it; {@code pod} and {@code podUid} identify the one pod seen (for audit joins); a node process
 * has only {@code node}. Empty strings mean unknown.
 */
record Place(Optional<WorkloadRef> workload, String pod, String podUid, String container, String image, String node) {
  static Place node(String node) {
    return new Place(Optional.empty(), "", "", "", "", node);
  }

  String namespace() {
    return workload.map(WorkloadRef::namespace).orElse("");
  }

  /** The named cluster it runs in; "" for the one unnamed cluster, or when no single cluster holds its pod. */
  String cluster() {
    return workload.map(WorkloadRef::cluster).orElse("");
  }

  /** The identity part of a place: the workload and container, the pod UID when no workload is known, or the node. */
  SubjectKey.PlaceKey key() {
    if (workload.isPresent()) return new SubjectKey.PlaceKey.Workload(WorkloadId.of(workload.get()), container);
    if (!podUid.isEmpty()) return new SubjectKey.PlaceKey.Pod(podUid, container);
    return new SubjectKey.PlaceKey.Node(node);
  }
}

package dev.wraith.correlate;

import dev.wraith.model.ClusterScan.RunningPod;
import dev.wraith.model.InventoryAgent.WorkloadRef;
import dev.wraith.model.Workload;

/**
 * A cluster workload by identity: the top of a pod's owner chain in a cluster ({@code cluster} is "" for the one
 * unnamed cluster). Equal ids are the same workload; {@link SubjectKey#canonical()} renders it for agent ids.
 */
record WorkloadId(String cluster, String namespace, String kind, String name) {
  static WorkloadId of(WorkloadRef r) {
    return new WorkloadId(r.cluster(), r.namespace(), r.kind(), r.name());
  }

  static WorkloadId of(Workload w) {
    return new WorkloadId(w.cluster(), w.namespace(), w.kind(), w.name());
  }

  /** The workload a running pod belongs to, as the cluster layer named its owner. */
  static WorkloadId of(RunningPod p) {
    return new WorkloadId(p.cluster(), p.namespace(), p.workloadKind(), p.workloadName());
  }
}

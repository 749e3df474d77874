package dev.wraith.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cluster layer's only way to the cluster: read-only list calls over all namespaces. Each call answers
 * on its own, so a 403 on roles still leaves pods readable. Implementations never return Secret objects, and
 * ConfigMaps come back reduced by {@link ConfigMapKeys#of}: key names and the endpoints found in values.
 *
 * <p>An implementation lists objects of any kind through one method, {@link #objects}, so reading a new kind needs no
 * change to the port.
 */
public interface KubeApi {
  /** Controller kinds the collector walks up from a pod: ReplicaSet, Deployment, StatefulSet, DaemonSet, Job, CronJob. */
  List<String> WORKLOAD_KINDS = List.of("ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

  /** The model class of each of {@link #WORKLOAD_KINDS}. */
  Map<String, Class<? extends HasMetadata>> WORKLOAD_TYPES = Map.of("ReplicaSet", ReplicaSet.class, "Deployment",
      Deployment.class, "StatefulSet", StatefulSet.class, "DaemonSet", DaemonSet.class, "Job", Job.class, "CronJob",
      CronJob.class);

  /** The kinds read that belong to no namespace; every other kind is namespaced. */
  Set<Class<? extends HasMetadata>> CLUSTER_SCOPED = Set.of(ClusterRole.class, ClusterRoleBinding.class);

  /** Where the objects come from, for the report ("context prod", "in-cluster", a snapshot path). */
  List<String> sources();

  /**
   * Every object of one kind the collector reads (pods, the workload kinds, services, EndpointSlices, events, service
   * accounts and RBAC objects; never Secrets, and ConfigMaps only through {@link #configMaps()}).
   */
  <T extends HasMetadata> Fetch<T> objects(Class<T> type);

  /** Objects of one of {@link #WORKLOAD_KINDS}. */
  default Fetch<HasMetadata> workloads(String kind) {
    Class<? extends HasMetadata> type = WORKLOAD_TYPES.get(kind);
    if (type == null) throw new IllegalArgumentException("not a workload kind: " + kind);
    Fetch<? extends HasMetadata> f = objects(type);
    if (f instanceof Fetch.Failed<? extends HasMetadata> failed) return Fetch.failed(failed.reason(), failed.detail());
    return Fetch.ok(List.copyOf(f.itemsOrEmpty()));
  }

  Fetch<ConfigMapKeys> configMaps();

  /** Secret objects that were present in the input and dropped without reading (snapshots only). */
  default long secretsIgnored() {
    return 0;
  }

  /** What the source could not read (snapshots only: objects over a limit, files without objects); layer warnings. */
  default List<String> warnings() {
    return List.of();
  }
}

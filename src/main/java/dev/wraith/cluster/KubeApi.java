package dev.wraith.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;

/**
 * The cluster layer's only way to the cluster: read-only list calls over all namespaces. Each call answers
 * on its own, so a 403 on roles still leaves pods readable. Implementations never return Secret objects, and
 * ConfigMaps come back reduced by {@link ConfigMapKeys#of}: key names and the endpoints found in values.
 */
public interface KubeApi {
  /** Controller kinds the collector walks up from a pod: ReplicaSet, Deployment, StatefulSet, DaemonSet, Job, CronJob. */
  List<String> WORKLOAD_KINDS = List.of("ReplicaSet", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

  /** Where the objects come from, for the report ("context prod", "in-cluster", a snapshot path). */
  List<String> sources();

  Fetch<Pod> pods();

  /** Objects of one of {@link #WORKLOAD_KINDS}. */
  Fetch<HasMetadata> workloads(String kind);

  Fetch<Service> services();

  /** discovery.k8s.io/v1 EndpointSlices: which pod each Service address belongs to. */
  Fetch<EndpointSlice> endpointSlices();

  Fetch<Event> events();

  Fetch<ServiceAccount> serviceAccounts();

  Fetch<Role> roles();

  Fetch<RoleBinding> roleBindings();

  Fetch<ClusterRole> clusterRoles();

  Fetch<ClusterRoleBinding> clusterRoleBindings();

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

package dev.wraith.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wraith.files.FileProblem;
import dev.wraith.files.Limits;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code kubectl get -o json|yaml} output offline: JSON or YAML, a v1 List (or typed list), single objects,
 * and multi-document YAML, from one or more files ({@link SnapshotFile}: item by item, within the shared limits, so a
 * 5,000-pod snapshot is never held as one tree). Secret objects are counted and dropped before conversion, so their data
 * never reaches the collector; ConfigMaps are reduced to key names and endpoints at once. Kinds the collector
 * does not use are ignored.
 */
public final class SnapshotKubeApi implements KubeApi {
  private static final Map<String, Class<? extends HasMetadata>> KINDS = kinds();
  private static final Set<String> CLUSTER_SCOPED = Set.of("ClusterRole", "ClusterRoleBinding");

  private final List<String> sources = new ArrayList<>();
  private final Map<String, List<HasMetadata>> objects = new LinkedHashMap<>();
  private final List<ConfigMapKeys> configMaps = new ArrayList<>();
  private final KubernetesSerialization serialization = new KubernetesSerialization();
  private final List<String> warnings = new ArrayList<>();
  private final Limits limits;
  private long secrets;

  private SnapshotKubeApi(Limits limits) {
    this.limits = limits;
  }

  /** Reads every file; a file that cannot be read or parsed is a {@link SnapshotException} naming it. */
  public static SnapshotKubeApi read(List<Path> files) {
    return read(files, Limits.DEFAULT);
  }

  /** The same within other limits (tests). */
  public static SnapshotKubeApi read(List<Path> files, Limits limits) {
    SnapshotKubeApi api = new SnapshotKubeApi(limits);
    for (Path f : files) api.readFile(f);
    return api;
  }

  /** A problem with one snapshot file: the whole input is unusable, so the CLI reports it as bad input. */
  public static final class SnapshotException extends RuntimeException {
    SnapshotException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Override
  public List<String> sources() {
    return List.copyOf(sources);
  }

  @Override
  public long secretsIgnored() {
    return secrets;
  }

  /** Objects skipped for breaking a limit or not parsing, and files that held no Kubernetes object. */
  @Override
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public <T extends HasMetadata> Fetch<T> objects(Class<T> type) {
    return Fetch.ok(of(type.getSimpleName(), type));
  }

  @Override
  public Fetch<HasMetadata> workloads(String kind) {
    return Fetch.ok(objects.getOrDefault(kind, List.of()));
  }

  @Override
  public Fetch<ConfigMapKeys> configMaps() {
    return Fetch.ok(configMaps);
  }

  private <T> List<T> of(String kind, Class<T> type) {
    return objects.getOrDefault(kind, List.of()).stream().map(type::cast).toList();
  }

  private void readFile(Path file) {
    sources.add(file.toString());
    try {
      warnings.addAll(SnapshotFile.read(file, limits, this::add));
    } catch (FileProblem e) {
      throw new SnapshotException(e.getMessage(), e);
    }
  }

  private void add(JsonNode node, String defaultKind) {
    String kind = KubeJson.text(node.path("kind"), defaultKind);
    if (kind.equals("Secret")) {
      secrets++;
      return;
    }
    if (kind.equals("Event") && KubeJson.text(node.path("apiVersion"), "").startsWith("events.k8s.io/")) {
      node = EventShapes.toCoreEvent((ObjectNode) node);
    }
    if (kind.equals("ConfigMap")) {
      configMaps.add(ConfigMapKeys.of(withNamespace(KubeJson.convert(serialization, node, ConfigMap.class), kind)));
      return;
    }
    Class<? extends HasMetadata> type = KINDS.get(kind);
    if (type == null) return;
    HasMetadata obj = withNamespace(KubeJson.convert(serialization, node, type), kind);
    if (obj.getMetadata() == null || obj.getMetadata().getName() == null) return;
    objects.computeIfAbsent(kind, k -> new ArrayList<>()).add(obj);
  }

  private static <T extends HasMetadata> T withNamespace(T obj, String kind) {
    if (obj.getMetadata() == null) obj.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    if (!CLUSTER_SCOPED.contains(kind) && obj.getMetadata().getNamespace() == null) obj.getMetadata().setNamespace("default");
    return obj;
  }

  private static Map<String, Class<? extends HasMetadata>> kinds() {
    Map<String, Class<? extends HasMetadata>> m = new LinkedHashMap<>();
    m.put("Pod", Pod.class);
    m.put("ReplicaSet", ReplicaSet.class);
    m.put("Deployment", Deployment.class);
    m.put("StatefulSet", StatefulSet.class);
    m.put("DaemonSet", DaemonSet.class);
    m.put("Job", Job.class);
    m.put("CronJob", CronJob.class);
    m.put("Service", Service.class);
    m.put("EndpointSlice", EndpointSlice.class);
    m.put("Event", Event.class);
    m.put("ServiceAccount", ServiceAccount.class);
    m.put("Role", Role.class);
    m.put("RoleBinding", RoleBinding.class);
    m.put("ClusterRole", ClusterRole.class);
    m.put("ClusterRoleBinding", ClusterRoleBinding.class);
    return Map.copyOf(m);
  }
}

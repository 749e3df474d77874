package dev.wraith.model;

import java.util.List;

/**
 * The cluster layer's result: AI workloads sorted by namespace and name, every exec session seen (also those
 * into workloads without AI declarations), and the layer status with one warning per resource that could not
 * be read.
 *
 * @param sources where the objects came from: "context NAME", "in-cluster", or snapshot file paths
 * @param pods every pod read (with or without AI), sorted by namespace and name: the index that joins a process's
 *     pod UID and container id (host layer) to its namespace, pod, workload and container name, and a destination
 *     address (its pod IPs) to the workload behind it
 * @param services every Service read, sorted by namespace and name: its cluster IPs, ports and the pods behind it,
 *     so a connection to a ClusterIP or an EndpointSlice address names the workload it reached
 */
public record ClusterScan(
    List<String> sources, List<Workload> workloads, List<ExecSession> execSessions, LayerStatus status, Stats stats,
    List<RunningPod> pods, List<ClusterService> services) {

  /**
   * One pod as the API server describes it, reduced to identity.
   *
   * @param node the node it is scheduled on, or "" when unscheduled
   * @param workloadKind the kind of the top of its owner chain (Deployment, CronJob, ..., Pod for a bare pod)
   * @param reach what anything running in the pod can reach (its service account's RBAC, host namespaces,
   *     exposure), for every pod, also those whose workload declares no AI: a ghost exec'd into such a pod holds it
   * @param ips its pod IPs (status.podIPs, else status.podIP), empty before it got one or for a hostNetwork pod
   * @param cluster the cluster's name when a scan read several, "" otherwise
   */
  public record RunningPod(String namespace, String name, String uid, String node, String workloadKind, String workloadName,
      List<RunningContainer> containers, List<ReachReason> reach, List<String> ips, String cluster)
      implements Comparable<RunningPod> {
    /** A pod of the one (unnamed) cluster a scan read. */
    public RunningPod(String namespace, String name, String uid, String node, String workloadKind, String workloadName,
        List<RunningContainer> containers, List<ReachReason> reach, List<String> ips) {
      this(namespace, name, uid, node, workloadKind, workloadName, containers, reach, ips, "");
    }

    public RunningPod {
      if (cluster == null) cluster = "";
      if (namespace == null || name == null || uid == null || node == null || workloadKind == null || workloadName == null) {
        throw new NullPointerException("pod fields are never null");
      }
      containers = containers.stream().sorted(java.util.Comparator.comparing(RunningContainer::name)).toList();
      reach = reach.stream().sorted().distinct().toList();
      ips = List.copyOf(ips);
    }

    public RunningPod withReach(List<ReachReason> reach) {
      return new RunningPod(namespace, name, uid, node, workloadKind, workloadName, containers, reach, ips, cluster);
    }

    public RunningPod inCluster(String cluster) {
      return new RunningPod(namespace, name, uid, node, workloadKind, workloadName, containers, reach, ips, cluster);
    }

    /** The container with this runtime id (without "containerd://"-style prefix), if the pod status lists it. */
    public java.util.Optional<RunningContainer> container(String containerId) {
      if (containerId.isEmpty()) return java.util.Optional.empty();
      return containers.stream().filter(c -> c.id().equals(containerId)).findFirst();
    }

    @Override
    public int compareTo(RunningPod o) {
      return java.util.Comparator.comparing(RunningPod::cluster).thenComparing(RunningPod::namespace)
          .thenComparing(RunningPod::name).compare(this, o);
    }
  }

  /**
   * A container of a running pod: its name, runtime id without prefix ("" before it started), image, and where the
   * pod spec has it (an EPHEMERAL one was added by {@code kubectl debug}: what runs there is not the workload).
   */
  public record RunningContainer(String name, String id, String image, ContainerDecl.Kind kind) {}

  /**
   * A Service as the cluster layer read it.
   *
   * @param clusterIps spec.clusterIPs (else spec.clusterIP), without "None" (headless)
   * @param backends the addresses behind it: EndpointSlice endpoints with the pod they name, or, without
   *     EndpointSlices, the pods its selector picks (address "" when the pod has none yet)
   * @param cluster the cluster's name when a scan read several, "" otherwise
   */
  public record ClusterService(String namespace, String name, List<String> clusterIps, List<ServicePort> ports,
      List<Backend> backends, String cluster) implements Comparable<ClusterService> {
    /** A Service of the one (unnamed) cluster a scan read. */
    public ClusterService(String namespace, String name, List<String> clusterIps, List<ServicePort> ports,
        List<Backend> backends) {
      this(namespace, name, clusterIps, ports, backends, "");
    }

    public ClusterService {
      if (cluster == null) cluster = "";
      if (namespace == null || name == null) throw new NullPointerException("service fields are never null");
      clusterIps = List.copyOf(clusterIps);
      ports = List.copyOf(ports);
      backends = backends.stream().sorted(java.util.Comparator.comparing(Backend::pod).thenComparing(Backend::ip))
          .distinct().toList();
    }

    @Override
    public int compareTo(ClusterService o) {
      return java.util.Comparator.comparing(ClusterService::cluster).thenComparing(ClusterService::namespace)
          .thenComparing(ClusterService::name).compare(this, o);
    }

    public ClusterService inCluster(String cluster) {
      return new ClusterService(namespace, name, clusterIps, ports, backends, cluster);
    }
  }

  /** A Service port and where it forwards: {@code targetPort} is a number or a container port's name ("" = same). */
  public record ServicePort(int port, String targetPort) {}

  /** One address behind a Service and the pod (in the Service's namespace) it belongs to, "" when not a pod. */
  public record Backend(String ip, String pod) {}

  /** A scan without a pod index (older callers and tests). */
  public ClusterScan(List<String> sources, List<Workload> workloads, List<ExecSession> execSessions, LayerStatus status,
      Stats stats) {
    this(sources, workloads, execSessions, status, stats, List.of(), List.of());
  }

  /**
   * Counters: pods read, workloads they roll up to, those without any AI declaration (not reported),
   * Secret objects in snapshots dropped unread, audit events read.
   */
  public record Stats(long pods, long workloads, long withoutAi, long secretsIgnored, long auditEvents) {}

  public ClusterScan {
    sources = List.copyOf(sources);
    workloads = workloads.stream().sorted().toList();
    execSessions = execSessions.stream().sorted().toList();
    pods = pods.stream().sorted().toList();
    services = services.stream().sorted().toList();
    if (status == null || stats == null) throw new NullPointerException();
  }
}

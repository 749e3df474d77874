package dev.wraith.model;

import java.util.List;

/**
 * The cluster layer's result: AI workloads sorted by namespace and name, every exec session seen (also those
 * into workloads without AI declarations), and the layer status with one warning per resource that could not
 * be read.
 *
 * @param sources where the objects came from: "context NAME", "in-cluster", or snapshot file paths
 * @param pods every pod read (with or without AI), sorted by namespace and name: the index that joins a process's
 *     pod UID and container id (host layer) to its namespace, pod, workload and container name
 */
public record ClusterScan(
    List<String> sources, List<Workload> workloads, List<ExecSession> execSessions, LayerStatus status, Stats stats,
    List<RunningPod> pods) {

  /**
   * One pod as the API server describes it, reduced to identity.
   *
   * @param node the node it is scheduled on, or "" when unscheduled
   * @param workloadKind the kind of the top of its owner chain (Deployment, CronJob, ..., Pod for a bare pod)
   * @param reach what anything running in the pod can reach (its service account's RBAC, host namespaces,
   *     exposure), for every pod, also those whose workload declares no AI: a ghost exec'd into such a pod holds it
   */
  public record RunningPod(String namespace, String name, String uid, String node, String workloadKind, String workloadName,
      List<RunningContainer> containers, List<ReachReason> reach) implements Comparable<RunningPod> {
    public RunningPod {
      if (namespace == null || name == null || uid == null || node == null || workloadKind == null || workloadName == null) {
        throw new NullPointerException("pod fields are never null");
      }
      containers = containers.stream().sorted(java.util.Comparator.comparing(RunningContainer::name)).toList();
      reach = reach.stream().sorted().distinct().toList();
    }

    public RunningPod withReach(List<ReachReason> reach) {
      return new RunningPod(namespace, name, uid, node, workloadKind, workloadName, containers, reach);
    }

    /** The container with this runtime id (without "containerd://"-style prefix), if the pod status lists it. */
    public java.util.Optional<RunningContainer> container(String containerId) {
      if (containerId.isEmpty()) return java.util.Optional.empty();
      return containers.stream().filter(c -> c.id().equals(containerId)).findFirst();
    }

    @Override
    public int compareTo(RunningPod o) {
      return java.util.Comparator.comparing(RunningPod::namespace).thenComparing(RunningPod::name).compare(this, o);
    }
  }

  /**
   * A container of a running pod: its name, runtime id without prefix ("" before it started), image, and where the
   * pod spec has it (an EPHEMERAL one was added by {@code kubectl debug}: what runs there is not the workload).
   */
  public record RunningContainer(String name, String id, String image, ContainerDecl.Kind kind) {}

  /** A scan without a pod index (older callers and tests). */
  public ClusterScan(List<String> sources, List<Workload> workloads, List<ExecSession> execSessions, LayerStatus status,
      Stats stats) {
    this(sources, workloads, execSessions, status, stats, List.of());
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
    if (status == null || stats == null) throw new NullPointerException();
  }
}

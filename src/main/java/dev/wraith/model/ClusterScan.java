package dev.wraith.model;

import java.util.List;

/**
 * The cluster layer's result: AI workloads sorted by namespace and name, every exec session seen (also those
 * into workloads without AI declarations), and the layer status with one warning per resource that could not
 * be read.
 *
 * @param sources where the objects came from: "context NAME", "in-cluster", or snapshot file paths
 */
public record ClusterScan(
    List<String> sources, List<Workload> workloads, List<ExecSession> execSessions, LayerStatus status, Stats stats) {

  /**
   * Counters: pods read, workloads they roll up to, those without any AI declaration (not reported),
   * Secret objects in snapshots dropped unread, audit events read.
   */
  public record Stats(long pods, long workloads, long withoutAi, long secretsIgnored, long auditEvents) {}

  public ClusterScan {
    sources = List.copyOf(sources);
    workloads = workloads.stream().sorted().toList();
    execSessions = execSessions.stream().sorted().toList();
    if (status == null || stats == null) throw new NullPointerException();
  }
}

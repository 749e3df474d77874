package dev.wraith.model;

import java.util.Comparator;
import java.util.List;

/**
 * A running unit in the cluster (the top of its pods' owner chain) that declares AI use, with where it came
 * from, what it can reach and who touched it. Collections are sorted and immutable.
 *
 * @param kind Deployment, StatefulSet, DaemonSet, CronJob, Job, ReplicaSet, Pod, or a custom resource kind
 * @param lineageEvidence the labels, annotations or owner references that decided the lineage
 * @param pods names of its pods seen in the cluster
 * @param created RFC 3339 creation time of the workload object, or "" when unknown
 * @param restarts container restarts summed over its pods
 * @param cluster the name of the cluster it runs in when a scan read several (see {@code ClusterScan}), "" otherwise
 */
public record Workload(
    String namespace,
    String name,
    String kind,
    Lineage lineage,
    List<String> lineageEvidence,
    String serviceAccount,
    List<String> pods,
    String created,
    int restarts,
    List<ContainerDecl> containers,
    List<AiDeclaration> ai,
    List<ReachReason> reach,
    List<ExecSession> execSessions,
    String cluster) implements Comparable<Workload> {

  private static final Comparator<Workload> ORDER =
      Comparator.comparing(Workload::cluster).thenComparing(Workload::namespace).thenComparing(Workload::name).thenComparing(Workload::kind);

  /** A workload of the one (unnamed) cluster a scan read. */
  public Workload(String namespace, String name, String kind, Lineage lineage, List<String> lineageEvidence,
      String serviceAccount, List<String> pods, String created, int restarts, List<ContainerDecl> containers,
      List<AiDeclaration> ai, List<ReachReason> reach, List<ExecSession> execSessions) {
    this(namespace, name, kind, lineage, lineageEvidence, serviceAccount, pods, created, restarts, containers, ai, reach,
        execSessions, "");
  }

  public Workload {
    if (cluster == null) cluster = "";
    if (namespace == null || name == null || kind == null || lineage == null || serviceAccount == null || created == null) {
      throw new NullPointerException("workload fields are never null");
    }
    lineageEvidence = List.copyOf(lineageEvidence);
    pods = pods.stream().sorted().toList();
    containers = List.copyOf(containers);
    ai = ai.stream().sorted().distinct().toList();
    reach = reach.stream().sorted().distinct().toList();
    execSessions = execSessions.stream().sorted().toList();
  }

  /** This workload in the named cluster, its exec sessions too. */
  public Workload inCluster(String name) {
    return new Workload(namespace, this.name, kind, lineage, lineageEvidence, serviceAccount, pods, created, restarts,
        containers, ai, reach, execSessions.stream().map(s -> s.inCluster(name)).toList(), name);
  }

  /** Distinct provider ids among the AI declarations, sorted. */
  public List<String> providers() {
    return ai.stream().map(AiDeclaration::provider).distinct().sorted().toList();
  }

  /** True when one of its containers was added after the pod started (kubectl debug). */
  public boolean hasEphemeralContainers() {
    return containers.stream().anyMatch(c -> c.kind() == ContainerDecl.Kind.EPHEMERAL);
  }

  @Override
  public int compareTo(Workload o) {
    return ORDER.compare(this, o);
  }
}

package dev.wraith.scan;

import dev.wraith.model.ClusterScan;
import dev.wraith.model.ExecSession;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Several clusters' scans as one: every workload, pod, Service and exec session labelled with its cluster's name (so
 * equal namespace and workload names in two clusters stay two), sources as "NAME: source", counters summed. Problems
 * of one cluster are warnings that name it, a cluster not read first; the merged layer fails only when none was read.
 */
final class ClusterMerge {
  private ClusterMerge() {}

  static ClusterScan merge(List<ClusterTarget> targets, List<ClusterLayer.Read> reads) {
    List<String> sources = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<Workload> workloads = new ArrayList<>();
    List<ExecSession> sessions = new ArrayList<>();
    List<ClusterScan.RunningPod> pods = new ArrayList<>();
    List<ClusterScan.ClusterService> services = new ArrayList<>();
    long[] stats = new long[5];
    for (int i = 0; i < targets.size(); i++) {
      String name = targets.get(i).name();
      ClusterLayer.Read read = reads.get(i);
      if (read.status().state() == LayerStatus.State.FAILED || read.scan().isEmpty()) {
        unread.add("cluster " + name + " not read: " + read.status().reason());
        continue;
      }
      ClusterScan s = read.scan().get();
      s.sources().forEach(x -> sources.add(name + ": " + x));
      read.status().warnings().forEach(w -> warnings.add("cluster " + name + ": " + w));
      s.workloads().forEach(w -> workloads.add(w.inCluster(name)));
      s.execSessions().forEach(x -> sessions.add(x.inCluster(name)));
      s.pods().forEach(p -> pods.add(p.inCluster(name)));
      s.services().forEach(x -> services.add(x.inCluster(name)));
      ClusterScan.Stats st = s.stats();
      long[] add = {st.pods(), st.workloads(), st.withoutAi(), st.secretsIgnored(), st.auditEvents()};
      for (int k = 0; k < stats.length; k++) stats[k] += add[k];
    }
    LayerStatus status;
    if (unread.size() == targets.size()) {
      status = LayerStatus.failed("cluster", "no cluster could be read: " + String.join("; ", unread));
    } else {
      List<String> problems = new ArrayList<>(unread);
      problems.addAll(warnings);
      status = LayerStatus.ran("cluster", problems);
    }
    return new ClusterScan(sources, workloads, sessions, status,
        new ClusterScan.Stats(stats[0], stats[1], stats[2], stats[3], stats[4]), pods, services);
  }
}

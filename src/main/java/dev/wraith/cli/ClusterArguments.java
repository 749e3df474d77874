package dev.wraith.cli;

import dev.wraith.cluster.LiveKubeApi;
import dev.wraith.scan.ClusterTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster options of {@code scan-all} and {@code cluster} as given: {@code --kube-snapshot [NAME=]FILE}
 * (repeatable), {@code --kubeconfig}, {@code --context} (repeatable) and {@code --all-contexts}; turned into the clusters
 * to read, or a usage error that says what to write instead.
 */
record ClusterArguments(List<String> snapshots, Path kubeconfig, List<String> contexts, boolean allContexts,
    List<Path> auditLogs) {
  ClusterArguments {
    snapshots = List.copyOf(snapshots);
    contexts = contexts.stream().filter(c -> c != null && !c.isBlank()).toList();
    auditLogs = List.copyOf(auditLogs);
  }

  /** The clusters to read; {@code kubeconfigEnv} and {@code home} are where --all-contexts finds the kubeconfig. */
  List<ClusterTarget> targets(String kubeconfigEnv, Path home) {
    boolean live = kubeconfig != null || !contexts.isEmpty() || allContexts;
    if (!snapshots.isEmpty() && live) {
      throw new Main.UsageProblem("--kube-snapshot reads files; it cannot be combined with --kubeconfig, --context or --all-contexts");
    }
    if (allContexts && !contexts.isEmpty()) {
      throw new Main.UsageProblem("--all-contexts reads every context; it cannot be combined with --context");
    }
    List<ClusterTarget> targets;
    try {
      if (!snapshots.isEmpty()) {
        targets = ClusterTarget.offline(snapshotFiles());
      } else {
        targets = ClusterTarget.live(allContexts ? LiveKubeApi.contexts(kubeconfig, kubeconfigEnv, home) : contexts);
      }
    } catch (IllegalArgumentException e) {
      throw new Main.UsageProblem(e.getMessage());
    }
    if (targets.size() > 1 && !auditLogs.isEmpty()) {
      throw new Main.UsageProblem("--audit-log names no cluster: give it with one cluster (one --context or unnamed "
          + "--kube-snapshot files), not with " + targets.size());
    }
    return targets;
  }

  /**
   * Each {@code --kube-snapshot} value: {@code NAME=FILE}, or a bare {@code FILE} (also a file whose own name holds '='
   * and exists as given).
   */
  List<ClusterTarget.Snapshot> snapshotFiles() {
    List<ClusterTarget.Snapshot> out = new ArrayList<>();
    for (String s : snapshots) {
      int eq = s.indexOf('=');
      if (eq < 0 || Files.exists(Path.of(s))) {
        out.add(new ClusterTarget.Snapshot("", Path.of(s)));
        continue;
      }
      String name = s.substring(0, eq);
      String file = s.substring(eq + 1);
      if (name.isEmpty()) throw new Main.UsageProblem("--kube-snapshot " + s + ": the cluster name before '=' is empty (NAME=FILE)");
      if (file.isEmpty()) throw new Main.UsageProblem("--kube-snapshot " + s + ": no file after '=' (NAME=FILE)");
      out.add(new ClusterTarget.Snapshot(name, Path.of(file)));
    }
    return out;
  }
}

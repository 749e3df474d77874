package dev.wraith.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which clusters the cluster layer reads and how, declared once for {@code cluster}, {@code scan-all} and aibom. */
final class ClusterOptions {
  @Option(names = "--kube-snapshot", paramLabel = "[NAME=]FILE",
      description = "Cluster objects from FILE (kubectl get -o json|yaml: a List, single objects or multi-document YAML) "
          + "instead of a live cluster. Repeatable: bare FILEs are one cluster; NAME=FILE names a cluster (one file "
          + "each), so several clusters are one report. Secret objects in it are skipped unread.")
  List<String> snapshots = new ArrayList<>();

  @Option(names = "--kubeconfig", paramLabel = "FILE", defaultValue = "${env:WRAITH_KUBECONFIG}",
      description = "Kubeconfig file. Default: $KUBECONFIG, ~/.kube/config, then the in-cluster service account. "
          + "Env: WRAITH_KUBECONFIG.")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", defaultValue = "${env:WRAITH_CONTEXT}",
      description = "Kubeconfig context. Default: the current one. Repeatable: several contexts are several clusters, "
          + "each named by its context. Env: WRAITH_CONTEXT (one context).")
  List<String> contexts = new ArrayList<>();

  @Option(names = "--all-contexts", description = "Every context of the kubeconfig, each a cluster named by its context.")
  boolean allContexts;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
      description = "Only this namespace (repeatable). Live mode then lists namespaced resources per namespace, never "
          + "across all, so namespace-scoped RBAC suffices; ClusterRoles and ClusterRoleBindings are still tried and, "
          + "when refused, reach is reported as incomplete. Snapshots are filtered.")
  List<String> namespaces = new ArrayList<>();

  @Option(names = "--audit-log", paramLabel = "FILE",
      description = "Kubernetes audit log (JSON lines, audit.k8s.io/v1) to read exec, attach and debug sessions from. "
          + "Repeatable.")
  List<Path> auditLogs = new ArrayList<>();

  /** The options as cluster targets (several contexts or named snapshots are several clusters). */
  ClusterArguments arguments() {
    return new ClusterArguments(snapshots, kubeconfig, contexts, allContexts, auditLogs);
  }

  /** The files given must be readable regular files: a usage problem naming the option otherwise. */
  void checkFiles(ClusterArguments args) {
    InputFiles.check("--kube-snapshot", args.snapshotFiles().stream().map(dev.wraith.scan.ClusterTarget.Snapshot::file).toList());
    InputFiles.check("--audit-log", auditLogs);
    if (kubeconfig != null) InputFiles.check("--kubeconfig", List.of(kubeconfig));
  }
}

package dev.wraith.cli;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.cluster.KubeApi;
import dev.wraith.cluster.LiveKubeApi;
import dev.wraith.cluster.NamespaceScope;
import dev.wraith.cluster.SnapshotKubeApi;
import dev.wraith.model.ClusterReport;
import dev.wraith.model.LayerStatus;
import dev.wraith.report.ClusterReporter;
import dev.wraith.scan.ClusterLayer;
import dev.wraith.scan.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wraith cluster}: the Kubernetes layer, live or from snapshots. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Inventories AI workloads in a Kubernetes cluster: pods rolled up to their Deployment, StatefulSet, DaemonSet, "
            + "CronJob, Job or bare pod, with AI declarations (provider env var names, endpoints in env and ConfigMap "
            + "values, model-server and vector-DB images, known AI apps and MCP servers by image or command), lineage (gitops, helm, operator, manual, bare pod, static pod, "
            + "ephemeral debug containers), reach (RBAC of the service account and whether its token is mounted, host namespaces, exposing Services) and "
            + "exec sessions from audit logs.",
        "",
        "Read-only: only get/list calls (see deploy/rbac/wraith-reader-clusterrole.yaml). Secret objects are never read; "
            + "secrets appear only as the names a pod spec references. Env and ConfigMap values are reduced to "
            + "hostnames; credential-looking command arguments are masked.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith cluster                          current kubeconfig context",
        "  wraith cluster --context prod-eu -f json -o cluster.json",
        "  wraith cluster --audit-log /var/log/kubernetes/audit.log",
        "  wraith cluster -n agents -n ml           namespace-scoped RBAC is enough",
        "",
        "  Offline, from files (no cluster access needed):",
        "  kubectl get pods,deploy,rs,sts,ds,job,cronjob,svc,sa,roles,rolebindings,configmaps,events \\",
        "      -A -o json > snap.json",
        "  kubectl get clusterroles,clusterrolebindings -o json > rbac.json",
        "  wraith cluster --kube-snapshot snap.json --kube-snapshot rbac.json",
        "",
        "Exit codes: 0 ok (also when some resources were forbidden: see Warnings),",
        "  2 bad usage or input, 3 the layer failed (cluster unreachable, pods not listable)."
    })
final class ClusterCommand implements Callable<Integer> {
  /** Namespace names are RFC 1123 labels. */
  private static final java.util.regex.Pattern DNS_LABEL = java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  @Option(names = "--kube-snapshot", paramLabel = "FILE",
      description = "Read objects from FILE (kubectl get -o json|yaml: a List, single objects or multi-document YAML) "
          + "instead of a live cluster. Repeatable. Secret objects in it are skipped unread.")
  List<Path> snapshots = new ArrayList<>();

  @Option(names = "--kubeconfig", paramLabel = "FILE", defaultValue = "${env:WRAITH_KUBECONFIG}",
      description = "Kubeconfig file. Default: $KUBECONFIG, ~/.kube/config, then the in-cluster service account. "
          + "Env: WRAITH_KUBECONFIG.")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", defaultValue = "${env:WRAITH_CONTEXT}",
      description = "Kubeconfig context. Default: the current context. Env: WRAITH_CONTEXT.")
  String context;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
      description = "Only this namespace (repeatable). Live mode then lists namespaced resources per namespace, never "
          + "across all, so namespace-scoped RBAC suffices; ClusterRoles and ClusterRoleBindings are still tried and, "
          + "when refused, reach is reported as incomplete. Snapshots are filtered.")
  List<String> namespaces = new ArrayList<>();

  @Option(names = "--audit-log", paramLabel = "FILE",
      description = "Kubernetes audit log (JSON lines, audit.k8s.io/v1) to read exec, attach and debug sessions from. "
          + "Repeatable.")
  List<Path> auditLogs = new ArrayList<>();

  @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Timeout for each API request (live mode). Default: ${DEFAULT-VALUE}.")
  int requestTimeout;

  @Mixin OutputOptions output = new OutputOptions();
  @Mixin CatalogueOptions catalogue = new CatalogueOptions();

  @Override
  public Integer call() throws Exception {
    if (!snapshots.isEmpty() && (kubeconfig != null || context != null)) {
      throw new Main.UsageProblem("--kube-snapshot reads files; it cannot be combined with --kubeconfig or --context");
    }
    if (requestTimeout < 1) throw new Main.UsageProblem("--request-timeout must be at least 1 second");
    for (String ns : namespaces) {
      if (!DNS_LABEL.matcher(ns).matches()) throw new Main.UsageProblem("--namespace '" + ns + "' is not a valid namespace name");
    }
    InputFiles.check("--kube-snapshot", snapshots);
    InputFiles.check("--audit-log", auditLogs);
    if (kubeconfig != null) InputFiles.check("--kubeconfig", List.of(kubeconfig));
    Catalogue cat = catalogue.load();
    ClusterReporter reporter = reporter(dev.wraith.redact.Redactor.of(cat));
    ClusterReport report;
    if (!snapshots.isEmpty()) {
      report = ClusterLayer.scan(cat, NamespaceScope.of(snapshot(), namespaces), auditLogs, Main.toolVersion());
    } else {
      try (LiveKubeApi api = live()) {
        report = ClusterLayer.scan(cat, api, auditLogs, Main.toolVersion());
      }
    }
    output.emit(out -> reporter.write(report, out), System.out);
    return report.cluster().status().state() == LayerStatus.State.FAILED ? Main.LAYER_FAILED : Main.OK;
  }

  private ClusterReporter reporter(dev.wraith.redact.Redactor redactor) {
    for (ClusterReporter r : Registry.clusterReporters(redactor)) if (r.format().equalsIgnoreCase(output.format)) return r;
    throw new Main.UsageProblem("unknown --format '" + output.format + "' for cluster (expected table or json)");
  }

  private KubeApi snapshot() {
    try {
      return SnapshotKubeApi.read(snapshots);
    } catch (SnapshotKubeApi.SnapshotException e) {
      throw new Main.UsageProblem(e.getMessage());
    }
  }

  private LiveKubeApi live() {
    var where = dev.wraith.scan.ScanAll.liveCluster(kubeconfig, context, dev.wraith.scan.ScanAll.Environment.current());
    if (!where.runs()) {
      throw new Main.UsageProblem(where.how().replace("no cluster: ", "no cluster to read: ")
          + ", or --kubeconfig FILE [--context NAME] for a live one");
    }
    try {
      return LiveKubeApi.connect(new LiveKubeApi.Settings(kubeconfig, context, 10_000, requestTimeout * 1000, namespaces));
    } catch (IllegalArgumentException e) {
      throw new Main.UsageProblem(e.getMessage() + " (use --kubeconfig/--context, or --kube-snapshot for offline files)");
    }
  }
}

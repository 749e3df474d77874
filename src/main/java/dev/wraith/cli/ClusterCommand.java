package dev.wraith.cli;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.cluster.KubeApi;
import dev.wraith.cluster.LiveKubeApi;
import dev.wraith.cluster.NamespaceScope;
import dev.wraith.cluster.SnapshotKubeApi;
import dev.wraith.model.ClusterReport;
import dev.wraith.model.LayerStatus;
import dev.wraith.report.Reporter;
import dev.wraith.scan.ClusterLayer;
import dev.wraith.scan.ClusterTarget;
import dev.wraith.scan.Registry;
import java.nio.file.Path;
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
        "  wraith cluster -n agents -n ml          namespace-scoped RBAC is enough",
        "",
        "  Offline, from files (no cluster access needed):",
        "  kubectl get pods,deploy,rs,sts,ds,job,cronjob,svc,endpointslices,sa,roles,\\",
        "      rolebindings,configmaps,events -A -o json > snap.json",
        "  kubectl get clusterroles,clusterrolebindings -o json > rbac.json",
        "  wraith cluster --kube-snapshot snap.json --kube-snapshot rbac.json",
        "",
        "  Several clusters in one report (workloads shown as CLUSTER@namespace/name):",
        "  wraith cluster --context prod-eu --context staging",
        "  wraith cluster --all-contexts -f json -o clusters.json",
        "  wraith cluster --kube-snapshot prod=prod.json --kube-snapshot stg=stg.json"
    })
final class ClusterCommand implements Callable<Integer>, ExitCodes.Documented {
  @Override
  public ExitCodes.Help exitCodes() {
    return ExitCodes.help()
        .ok("ok (also when some resources were forbidden, or one of several clusters could not be read: see Warnings)")
        .usage("no cluster to read (no kubeconfig and not in a pod)", ExitCodes.OUTPUT)
        .failed("the layer failed (cluster unreachable, pods not listable; several clusters: none read)");
  }

  /** Namespace names are RFC 1123 labels. */
  private static final java.util.regex.Pattern DNS_LABEL = java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  @Mixin ClusterOptions cluster = new ClusterOptions();

  @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "30",
      description = "Timeout for each API request (live mode). Default: ${DEFAULT-VALUE}.")
  int requestTimeout;

  @Mixin FormatOptions format = new FormatOptions("table", "json");
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin CatalogueOptions catalogue = new CatalogueOptions();

  @Override
  public Integer call() throws Exception {
    ClusterArguments args = cluster.arguments();
    List<ClusterTarget> targets = args.targets(System.getenv("KUBECONFIG"), Path.of(System.getProperty("user.home")));
    if (requestTimeout < 1) throw new Main.UsageProblem("--request-timeout must be at least 1 second");
    for (String ns : cluster.namespaces) {
      if (!DNS_LABEL.matcher(ns).matches()) throw new Main.UsageProblem("--namespace '" + ns + "' is not a valid namespace name");
    }
    cluster.checkFiles(args);
    Catalogue cat = catalogue.load();
    Reporter<ClusterReport> reporter = reporter(dev.wraith.redact.Redactor.of(cat));
    ClusterReport report;
    if (targets.size() > 1) {
      report = several(cat, targets);
    } else if (targets.get(0).offline()) {
      report = ClusterLayer.scan(cat, NamespaceScope.of(snapshot(targets.get(0).snapshots()), cluster.namespaces),
          cluster.auditLogs, Main.toolVersion());
    } else {
      try (LiveKubeApi api = live(targets.get(0).context().orElse(null))) {
        report = ClusterLayer.scan(cat, api, cluster.auditLogs, Main.toolVersion());
      }
    }
    output.emit(out -> reporter.write(report, out), System.out);
    return report.cluster().status().state() == LayerStatus.State.FAILED ? Main.LAYER_FAILED : Main.OK;
  }

  private Reporter<ClusterReport> reporter(dev.wraith.redact.Redactor redactor) {
    return format.select(Registry.clusterReporters(redactor), Reporter::format);
  }

  /**
   * Several clusters in one report: the merged scan (a cluster that cannot be read is a warning naming it), or, when
   * none could be read, a failed layer without workloads.
   */
  private ClusterReport several(Catalogue cat, List<ClusterTarget> targets) throws Exception {
    if (targets.stream().noneMatch(ClusterTarget::offline)) requireKubeconfig(null);
    ClusterLayer.Read read = ClusterLayer.scan(cat, targets,
        new ClusterLayer.Access(cluster.kubeconfig, cluster.namespaces, cluster.auditLogs, requestTimeout * 1000));
    var tool = new dev.wraith.model.ScanReport.Tool("wraith", Main.toolVersion(), cat.version(), cat.schema());
    return new ClusterReport(tool, read.scan().orElseGet(() -> new dev.wraith.model.ClusterScan(
        targets.stream().map(t -> t.name() + ": " + t.context().map(c -> "context " + c).orElse(String.valueOf(t.snapshots())))
            .toList(), List.of(), List.of(), read.status(), new dev.wraith.model.ClusterScan.Stats(0, 0, 0, 0, 0))));
  }

  private KubeApi snapshot(List<Path> files) {
    try {
      return SnapshotKubeApi.read(files);
    } catch (SnapshotKubeApi.SnapshotException e) {
      throw new Main.UsageProblem(e.getMessage());
    }
  }

  /** A usage error when there is no kubeconfig and no service account at all. */
  private void requireKubeconfig(String context) {
    var where = dev.wraith.scan.ClusterLayer.liveCluster(cluster.kubeconfig, context, dev.wraith.scan.ScanAll.Environment.current());
    if (!where.runs()) {
      throw new Main.UsageProblem(where.how().replace("no cluster: ", "no cluster to read: ")
          + ", or --kubeconfig FILE [--context NAME] for a live one");
    }
  }

  private LiveKubeApi live(String context) {
    requireKubeconfig(context);
    try {
      return LiveKubeApi.connect(new LiveKubeApi.Settings(cluster.kubeconfig, context, 10_000, requestTimeout * 1000,
          cluster.namespaces));
    } catch (IllegalArgumentException e) {
      throw new Main.UsageProblem(e.getMessage() + " (use --kubeconfig/--context, or --kube-snapshot for offline files)");
    }
  }
}

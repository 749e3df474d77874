package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.cluster.AuditLogReader;
import dev.wraith.cluster.ClusterCollector;
import dev.wraith.cluster.KubeApi;
import dev.wraith.cluster.LiveKubeApi;
import dev.wraith.cluster.NamespaceScope;
import dev.wraith.cluster.SnapshotKubeApi;
import dev.wraith.model.ClusterReport;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ScanReport;
import dev.wraith.model.Counted;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The cluster layer: over one {@link KubeApi} and the given audit logs, wrapped as a report; or over several clusters
 * at once, merged into one scan whose workloads, pods, Services and sessions carry their cluster's name. As a
 * {@link Layer} it reads the request's clusters (snapshots, or live contexts with a 30 s request timeout);
 * {@link #over} reads one API the caller holds (the operator's informer caches).
 */
public final class ClusterLayer implements Layer<ClusterScan> {
  @Override
  public LayerId<ClusterScan> id() {
    return LayerId.CLUSTER;
  }

  @Override
  public LayerPlan plan(ScanAll.Request r, ScanAll.Environment e) {
    String audit = r.auditLogs().isEmpty() ? "" : ", audit logs: " + r.auditLogs().size();
    List<ClusterTarget> clusters = r.clusters();
    if (clusters.get(0).offline()) {
      long files = clusters.stream().mapToLong(c -> c.snapshots().size()).sum();
      String named = clusters.size() == 1 ? "" : ", clusters " + String.join(", ", clusters.stream().map(ClusterTarget::name).toList());
      return LayerPlan.runs(id(), "offline snapshot (" + files + " file" + (files == 1 ? "" : "s")
          + "; no API server contacted)" + named + audit);
    }
    if (clusters.size() > 1) {
      LayerPlan live = liveCluster(r.kubeconfig(), null, e);
      if (!live.runs()) return live;
      String where = live.how().replace("live cluster, ", "").replace(", current context", "");
      return LayerPlan.runs(id(), "live clusters, " + where + ", contexts "
          + String.join(", ", clusters.stream().map(ClusterTarget::name).toList()) + audit);
    }
    LayerPlan live = liveCluster(r.kubeconfig(), clusters.get(0).context().orElse(null), e);
    return live.runs() ? LayerPlan.runs(id(), live.how() + audit) : live;
  }

  /**
   * Where a live cluster would be read from (a kubeconfig given, $KUBECONFIG, ~/.kube/config, a pod's service
   * account), or why there is none: shared by scan-all's plan and {@code wraith cluster}.
   */
  public static LayerPlan liveCluster(Path kubeconfig, String context, ScanAll.Environment e) {
    String ctx = context == null ? "current context" : "context " + context;
    if (kubeconfig != null) return LayerPlan.runs(LayerId.CLUSTER, "live cluster, " + kubeconfig + ", " + ctx);
    String env = e.env().get("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      for (String f : env.split(java.io.File.pathSeparator, -1)) {
        if (!f.isBlank() && Files.isRegularFile(Path.of(f))) return LayerPlan.runs(LayerId.CLUSTER, "live cluster, $KUBECONFIG, " + ctx);
      }
    }
    if (Files.isRegularFile(e.home().resolve(".kube/config"))) {
      return LayerPlan.runs(LayerId.CLUSTER, "live cluster, ~/.kube/config, " + ctx);
    }
    if (e.env().containsKey("KUBERNETES_SERVICE_HOST")) {
      return LayerPlan.runs(LayerId.CLUSTER, "live cluster, in-cluster service account");
    }
    return LayerPlan.skipped(LayerId.CLUSTER, LayerPlan.Why.UNAVAILABLE, "no cluster: no kubeconfig ($KUBECONFIG, "
        + "~/.kube/config) and not running in a pod; give --kube-snapshot FILE to scan offline");
  }

  @Override
  public Ran<ClusterScan> run(Catalogue cat, ScanAll.Request r) throws InterruptedException, java.io.IOException {
    Read read = scan(cat, r.clusters(), new Access(r.kubeconfig(), r.namespaces(), r.auditLogs(), 30_000));
    return read.scan().map(s -> Ran.of(s, s.status(), summary(s))).orElseGet(() -> Ran.failed(read.status()));
  }

  /** The cluster layer over {@code api}, which the caller opened and closes (the operator's client or caches). */
  public static Layer<ClusterScan> over(KubeApi api, String how) {
    return new Layer<>() {
      @Override
      public LayerId<ClusterScan> id() {
        return LayerId.CLUSTER;
      }

      @Override
      public LayerPlan plan(ScanAll.Request r, ScanAll.Environment e) {
        return LayerPlan.runs(id(), how);
      }

      @Override
      public Ran<ClusterScan> run(Catalogue cat, ScanAll.Request r) {
        ClusterScan s = scan(cat, api, List.of(), "").cluster();
        return Ran.of(s, s.status(), summary(s));
      }
    };
  }

  private static String summary(ClusterScan s) {
    return Counted.of(s.workloads().size(), "workload") + ", " + Counted.of(s.stats().pods(), "pod") + ", "
        + Counted.of(s.execSessions().size(), "exec session");
  }

  /** How to reach the clusters: a kubeconfig (null: kubectl's discovery), namespaces, audit logs, request timeout. */
  public record Access(Path kubeconfig, List<String> namespaces, List<Path> auditLogs, int requestTimeoutMillis) {
    public Access {
      namespaces = List.copyOf(namespaces);
      auditLogs = List.copyOf(auditLogs);
    }
  }

  public static ClusterReport scan(Catalogue catalogue, KubeApi api, List<Path> auditLogs, String toolVersion) {
    AuditLogReader.Result audit = new AuditLogReader(dev.wraith.redact.Redactor.of(catalogue)).read(auditLogs);
    return new ClusterReport(new ScanReport.Tool("wraith", toolVersion, catalogue.version(), catalogue.schema()),
        new ClusterCollector(catalogue).collect(api, audit));
  }

  /**
   * What the layer produced: the scan, empty when nothing could be read (then {@code status} says why), and the
   * layer's status.
   */
  public record Read(java.util.Optional<ClusterScan> scan, LayerStatus status) {}

  /**
   * The cluster layer over every target. One target is read exactly as a single cluster always was. Several are read
   * concurrently and merged: a cluster that cannot be read (unreachable context, unreadable snapshot) makes the layer
   * PARTIAL with a reason naming it, and the others are still reported; only when none can be read is the layer FAILED.
   * Audit logs name no cluster, so they are refused with several.
   */
  public static Read scan(Catalogue catalogue, List<ClusterTarget> targets, Access access)
      throws InterruptedException, java.io.IOException {
    if (targets.isEmpty()) throw new IllegalArgumentException("no cluster to read");
    if (targets.size() == 1) return one(catalogue, targets.get(0), access);
    if (!access.auditLogs().isEmpty()) throw new IllegalArgumentException("audit logs name no cluster: read one cluster with them");
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(targets.size(), 4), r -> {
      Thread t = new Thread(r, "wraith-cluster");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Read>> running = new ArrayList<>();
      for (ClusterTarget t : targets) running.add(pool.submit(() -> one(catalogue, t, access)));
      List<Read> reads = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        try {
          reads.add(running.get(i).get());
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          reads.add(failed(c instanceof java.io.IOException ? c.getMessage() : "internal error: " + c));
        }
      }
      ClusterScan merged = ClusterMerge.merge(targets, reads);
      return new Read(merged.status().state() == LayerStatus.State.FAILED ? java.util.Optional.empty()
          : java.util.Optional.of(merged), merged.status());
    } finally {
      pool.shutdownNow();
    }
  }

  /** One cluster, as a single cluster always was read: a snapshot or connection failure reports no scan. */
  private static Read one(Catalogue catalogue, ClusterTarget t, Access a) throws java.io.IOException {
    if (t.offline()) {
      KubeApi api;
      try {
        api = NamespaceScope.of(SnapshotKubeApi.read(t.snapshots()), a.namespaces());
      } catch (SnapshotKubeApi.SnapshotException e) {
        return failed(e.getMessage());
      }
      return read(scan(catalogue, api, a.auditLogs(), "").cluster());
    }
    LiveKubeApi api;
    try {
      api = LiveKubeApi.connect(new LiveKubeApi.Settings(a.kubeconfig(), t.context().orElse(null), 10_000,
          a.requestTimeoutMillis(), a.namespaces()));
    } catch (IllegalArgumentException e) {
      return failed(e.getMessage());
    }
    try (api) {
      return read(scan(catalogue, api, a.auditLogs(), "").cluster());
    }
  }

  private static Read read(ClusterScan s) {
    return new Read(java.util.Optional.of(s), s.status());
  }

  private static Read failed(String why) {
    return new Read(java.util.Optional.empty(), LayerStatus.failed(LayerId.CLUSTER.name(), why));
  }
}

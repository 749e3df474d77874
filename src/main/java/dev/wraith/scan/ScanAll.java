package dev.wraith.scan;

import dev.wraith.attribution.Pin;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.CodeScanner;
import dev.wraith.files.Failures;
import dev.wraith.mcp.ConfigFiles;
import dev.wraith.mcp.McpDiscovery;
import dev.wraith.model.Counted;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.CodeScan;
import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.McpScan;
import dev.wraith.tetragon.TetragonLayer;
import dev.wraith.model.TetragonScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every available layer at once for {@code wraith scan-all}: code, cluster, host, Tetragon and MCP configs.
 * First a {@link Plan} says which layers run, in which mode, and why the others do not (this is what --dry-run
 * prints); then {@link #run} executes the planned layers concurrently, each on its own thread, and turns any
 * failure into that layer's FAILED status so the others still report. Offline inputs replace live ones: with
 * snapshots no API server is contacted, with Tetragon files no socket is opened.
 */
public final class ScanAll {
  /** The layers, in report order. */
  public static final List<String> LAYERS = List.of("code", "cluster", "host", "tetragon", "mcp");

  /** The socket the Tetragon Helm chart exposes on every node. */
  public static final String TETRAGON_SOCKET = "/var/run/tetragon/tetragon.sock";

  private ScanAll() {}

  /**
   * Everything the layers need; paths are checked by the command before this is built. {@code clusters}: the clusters
   * the cluster layer reads (snapshots or live contexts, see {@link ClusterTarget}); empty: the current context.
   */
  public record Request(
      List<Path> roots,
      CodeScanner.Options codeOptions,
      List<ClusterTarget> clusters,
      Path kubeconfig,
      List<String> namespaces,
      List<Path> auditLogs,
      Path procRoot,
      boolean resolveDns,
      dev.wraith.host.ebpf.ProbeMode probe,
      List<Path> tetragonEvents,
      String tetragonAddress,
      Path mcpHome,
      List<Pin> pins,
      List<Path> dnsLogs,
      Duration duration,
      List<String> skip,
      Optional<McpDiscovery.Probing> mcpProbing,
      Presentation presentation,
      List<Path> codeInventories) {
    /** A request without code inventories. */
    public Request(List<Path> roots, CodeScanner.Options codeOptions, List<ClusterTarget> clusters, Path kubeconfig,
        List<String> namespaces, List<Path> auditLogs, Path procRoot, boolean resolveDns,
        dev.wraith.host.ebpf.ProbeMode probe, List<Path> tetragonEvents, String tetragonAddress, Path mcpHome,
        List<Pin> pins, List<Path> dnsLogs, Duration duration, List<String> skip,
        Optional<McpDiscovery.Probing> mcpProbing, Presentation presentation) {
      this(roots, codeOptions, clusters, kubeconfig, namespaces, auditLogs, procRoot, resolveDns, probe,
          tetragonEvents, tetragonAddress, mcpHome, pins, dnsLogs, duration, skip, mcpProbing, presentation, List.of());
    }

    /** The same request joining these code inventories (files, or directories of *.json) as if scanned here. */
    public Request withCodeInventories(List<Path> inventories) {
      return new Request(roots, codeOptions, clusters, kubeconfig, namespaces, auditLogs, procRoot, resolveDns, probe,
          tetragonEvents, tetragonAddress, mcpHome, pins, dnsLogs, duration, skip, mcpProbing, presentation, inventories);
    }

    /** A request presented as given: roots by their paths, skipped layers "skipped by --skip-layers". */
    public Request(List<Path> roots, CodeScanner.Options codeOptions, List<ClusterTarget> clusters, Path kubeconfig,
        List<String> namespaces, List<Path> auditLogs, Path procRoot, boolean resolveDns,
        dev.wraith.host.ebpf.ProbeMode probe, List<Path> tetragonEvents, String tetragonAddress, Path mcpHome,
        List<Pin> pins, List<Path> dnsLogs, Duration duration, List<String> skip,
        Optional<McpDiscovery.Probing> mcpProbing) {
      this(roots, codeOptions, clusters, kubeconfig, namespaces, auditLogs, procRoot, resolveDns, probe,
          tetragonEvents, tetragonAddress, mcpHome, pins, dnsLogs, duration, skip, mcpProbing, Presentation.AS_GIVEN);
    }

    public Request {
      roots = List.copyOf(roots);
      clusters = clusters.isEmpty() ? ClusterTarget.live(List.of()) : List.copyOf(clusters);
      namespaces = List.copyOf(namespaces);
      auditLogs = List.copyOf(auditLogs);
      tetragonEvents = List.copyOf(tetragonEvents);
      pins = List.copyOf(pins);
      dnsLogs = List.copyOf(dnsLogs);
      skip = List.copyOf(skip);
      codeInventories = List.copyOf(codeInventories);
    }
  }

  /**
   * How a scan names what it was given, for people: {@code rootNames} maps a root's path (as given) to the name reports
   * use instead (the demo's extracted copy is reported as {@code examples/acme-support}, never as a deleted temporary
   * directory); {@code skipReason} is what a layer the request skips says.
   */
  public record Presentation(Map<String, String> rootNames, String skipReason) {
    public static final Presentation AS_GIVEN = new Presentation(Map.of(), "skipped by --skip-layers");

    public Presentation {
      rootNames = Map.copyOf(rootNames);
    }

    /** The name of one root as reports show it. */
    public String root(String path) {
      return rootNames.getOrDefault(path, path);
    }
  }

  /** What the machine looks like, so that planning is testable: OS name, environment, the user's home. */
  public record Environment(String osName, Map<String, String> env, Path home) {
    public static Environment current() {
      return new Environment(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }
  }

  /** One layer's plan: whether it runs, how ("offline snapshot", "live cluster, context prod"), or why not. */
  public record LayerPlan(String layer, boolean runs, String how) {}

  /** All layers' plans, in {@link #LAYERS} order. */
  public record Plan(List<LayerPlan> layers) {
    public Optional<LayerPlan> layer(String name) {
      return layers.stream().filter(l -> l.layer().equals(name)).findFirst();
    }

    public boolean runs(String name) {
      return layer(name).map(LayerPlan::runs).orElse(false);
    }
  }

  /**
   * What the layers produced; a layer that did not run has an empty scan and a SKIPPED or FAILED status.
   * {@code codeHashes} are the code layer's own SHA-256 of its entry-script candidates when it has them (joined code
   * inventories carry theirs); empty, the pipeline hashes the candidates from the roots.
   */
  public record Result(
      Optional<CodeScan> code,
      Optional<ClusterScan> cluster,
      Optional<HostScan> host,
      Optional<TetragonScan> tetragon,
      Optional<McpScan> mcp,
      List<LayerStatus> statuses,
      List<dev.wraith.model.ProcessInfo> processes,
      Optional<Map<String, String>> codeHashes) {
    public Result {
      statuses = List.copyOf(statuses);
      processes = List.copyOf(processes);
      codeHashes = codeHashes.map(Map::copyOf);
    }

    /** Code hashed later from its roots (see {@code codeHashes} in {@link Result}). */
    public Result(Optional<CodeScan> code, Optional<ClusterScan> cluster, Optional<HostScan> host,
        Optional<TetragonScan> tetragon, Optional<McpScan> mcp, List<LayerStatus> statuses,
        List<dev.wraith.model.ProcessInfo> processes) {
      this(code, cluster, host, tetragon, mcp, statuses, processes, Optional.empty());
    }

    /** Without a process table (offline inputs, the in-cluster scanner). */
    public Result(Optional<CodeScan> code, Optional<ClusterScan> cluster, Optional<HostScan> host,
        Optional<TetragonScan> tetragon, Optional<McpScan> mcp, List<LayerStatus> statuses) {
      this(code, cluster, host, tetragon, mcp, statuses, List.of());
    }
  }

  /** Hears about layers starting and finishing (the command draws progress from it). Called from layer threads. */
  public interface Progress {
    void started(String layer, String how);

    void finished(String layer, LayerStatus status, String summary);

    Progress NONE = new Progress() {
      @Override
      public void started(String layer, String how) {}

      @Override
      public void finished(String layer, LayerStatus status, String summary) {}
    };
  }

  /** Decides which layers run and how, without touching the network or starting anything. */
  public static Plan plan(Request r, Environment e) {
    List<LayerPlan> plans = new ArrayList<>();
    for (String layer : LAYERS) {
      if (r.skip().contains(layer)) {
        plans.add(new LayerPlan(layer, false, r.presentation().skipReason()));
        continue;
      }
      plans.add(switch (layer) {
        case "code" -> planCode(r);
        case "cluster" -> planCluster(r, e);
        case "host" -> planHost(r, e);
        case "tetragon" -> planTetragon(r);
        default -> planMcp(r);
      });
    }
    return new Plan(plans);
  }

  private static LayerPlan planCode(Request r) {
    if (r.roots().isEmpty() && r.codeInventories().isEmpty()) return new LayerPlan("code", false, "no PATH given");
    List<String> how = new ArrayList<>();
    if (!r.roots().isEmpty()) {
      how.add("source trees: " + String.join(", ", r.roots().stream().map(p -> r.presentation().root(p.toString())).toList()));
    }
    if (!r.codeInventories().isEmpty()) {
      how.add("code inventories from " + String.join(", ", r.codeInventories().stream().map(Path::toString).toList()));
    }
    return new LayerPlan("code", true, String.join("; ", how));
  }

  private static LayerPlan planCluster(Request r, Environment e) {
    String audit = r.auditLogs().isEmpty() ? "" : ", audit logs: " + r.auditLogs().size();
    List<ClusterTarget> clusters = r.clusters();
    if (clusters.get(0).offline()) {
      long files = clusters.stream().mapToLong(c -> c.snapshots().size()).sum();
      String named = clusters.size() == 1 ? "" : ", clusters " + String.join(", ", clusters.stream().map(ClusterTarget::name).toList());
      return new LayerPlan("cluster", true, "offline snapshot (" + files + " file" + (files == 1 ? "" : "s")
          + "; no API server contacted)" + named + audit);
    }
    if (clusters.size() > 1) {
      LayerPlan live = liveCluster(r.kubeconfig(), null, e);
      if (!live.runs()) return live;
      String where = live.how().replace("live cluster, ", "").replace(", current context", "");
      return new LayerPlan("cluster", true, "live clusters, " + where + ", contexts "
          + String.join(", ", clusters.stream().map(ClusterTarget::name).toList()) + audit);
    }
    LayerPlan live = liveCluster(r.kubeconfig(), clusters.get(0).context().orElse(null), e);
    return live.runs() ? new LayerPlan("cluster", true, live.how() + audit) : live;
  }

  /**
   * Where a live cluster would be read from (a kubeconfig given, $KUBECONFIG, ~/.kube/config, a pod's service
   * account), or why there is none: shared by scan-all's plan and {@code wraith cluster}.
   */
  public static LayerPlan liveCluster(Path kubeconfig, String context, Environment e) {
    String ctx = context == null ? "current context" : "context " + context;
    if (kubeconfig != null) return new LayerPlan("cluster", true, "live cluster, " + kubeconfig + ", " + ctx);
    String env = e.env().get("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      for (String f : env.split(java.io.File.pathSeparator, -1)) {
        if (!f.isBlank() && Files.isRegularFile(Path.of(f))) return new LayerPlan("cluster", true, "live cluster, $KUBECONFIG, " + ctx);
      }
    }
    if (Files.isRegularFile(e.home().resolve(".kube/config"))) {
      return new LayerPlan("cluster", true, "live cluster, ~/.kube/config, " + ctx);
    }
    if (e.env().containsKey("KUBERNETES_SERVICE_HOST")) {
      return new LayerPlan("cluster", true, "live cluster, in-cluster service account");
    }
    return new LayerPlan("cluster", false, "no cluster: no kubeconfig ($KUBECONFIG, ~/.kube/config) and not running in a pod; "
        + "give --kube-snapshot FILE to scan offline");
  }

  private static LayerPlan planHost(Request r, Environment e) {
    boolean defaultRoot = r.procRoot().equals(Path.of("/proc"));
    if (defaultRoot && !e.osName().toLowerCase(Locale.ROOT).startsWith("linux")) {
      return new LayerPlan("host", false, "not Linux (" + e.osName() + "): the host layer reads /proc");
    }
    if (!Files.isDirectory(r.procRoot())) return new LayerPlan("host", false, r.procRoot() + " is not a directory");
    String how = switch (r.probe()) {
      case AUTO -> ": the eBPF probe if it loads here, else sampling /proc";
      case EBPF -> " with the eBPF probe";
      case PROC -> " by sampling /proc";
    };
    return new LayerPlan("host", true, "connections and processes (" + r.procRoot() + ") for " + seconds(r.duration()) + how);
  }

  private static LayerPlan planTetragon(Request r) {
    if (!r.tetragonEvents().isEmpty()) {
      return new LayerPlan("tetragon", true, "event files (" + r.tetragonEvents().size() + "; no gRPC socket opened)"
          + dnsLogs(r));
    }
    if (r.tetragonAddress() != null) {
      return new LayerPlan("tetragon", true, "gRPC " + r.tetragonAddress() + " for " + seconds(r.duration()) + dnsLogs(r));
    }
    if (Files.exists(Path.of(TETRAGON_SOCKET))) {
      return new LayerPlan("tetragon", true, "gRPC unix://" + TETRAGON_SOCKET + " for " + seconds(r.duration()) + dnsLogs(r));
    }
    return new LayerPlan("tetragon", false, "no Tetragon: no socket at " + TETRAGON_SOCKET
        + "; give --tetragon-events FILE or --tetragon-address ADDR");
  }

  private static String dnsLogs(Request r) {
    return r.dnsLogs().isEmpty() ? "" : ", DNS answers from " + r.dnsLogs().size() + (r.dnsLogs().size() == 1 ? " file" : " files");
  }

  private static LayerPlan planMcp(Request r) {
    if (r.mcpHome() == null || !Files.isDirectory(r.mcpHome())) {
      return new LayerPlan("mcp", false, "no home directory to read MCP client configs from");
    }
    return new LayerPlan("mcp", true, "MCP client configs in " + r.mcpHome()
        + (r.roots().isEmpty() ? "" : " and project configs in the scanned paths")
        + (r.mcpProbing().isPresent() ? ", probing each server's tools" : ""));
  }

  private static String seconds(Duration d) {
    double s = d.toMillis() / 1000.0;
    return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
  }

  /** Runs the planned layers concurrently and waits for all of them. */
  public static Result run(Catalogue catalogue, Request r, Plan plan, Progress progress) throws InterruptedException {
    Map<String, Future<Outcome>> running = new LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(LAYERS.size(), runnable -> {
      Thread t = new Thread(runnable, "wraith-layer");
      t.setDaemon(true);
      return t;
    });
    try {
      for (LayerPlan lp : plan.layers()) {
        if (!lp.runs()) continue;
        running.put(lp.layer(), pool.submit(() -> runLayer(catalogue, r, lp, progress)));
      }
      Map<String, Outcome> done = new LinkedHashMap<>();
      for (var e : running.entrySet()) {
        Outcome o;
        try {
          o = e.getValue().get();
        } catch (java.util.concurrent.ExecutionException ex) {
          o = new Outcome(null, LayerStatus.failed(e.getKey(), Failures.describe(ex.getCause(), "the " + e.getKey() + " layer")),
              "failed");
        }
        done.put(e.getKey(), o);
      }
      List<LayerStatus> statuses = new ArrayList<>();
      for (LayerPlan lp : plan.layers()) {
        statuses.add(lp.runs() ? done.get(lp.layer()).status() : LayerStatus.skipped(lp.layer(), lp.how()));
      }
      Outcome host = done.get("host");
      List<dev.wraith.model.ProcessInfo> processes = host == null ? List.of() : host.processes();
      Optional<CodeInventories.Joined> joined = Optional.ofNullable(done.get("code")).flatMap(Outcome::joined);
      Optional<McpScan> mcp = value(done, "mcp", McpScan.class).map(m -> joined.map(j -> j.withProjectServers(m)).orElse(m));
      return new Result(
          value(done, "code", CodeScan.class), value(done, "cluster", ClusterScan.class), value(done, "host", HostScan.class),
          value(done, "tetragon", TetragonScan.class), mcp, statuses, processes,
          joined.map(CodeInventories.Joined::hashes));
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> Optional<T> value(Map<String, Outcome> done, String layer, Class<T> type) {
    Outcome o = done.get(layer);
    return o == null || o.value() == null ? Optional.empty() : Optional.of(type.cast(o.value()));
  }

  /** {@code joined}: what joined code inventories add to the code scan ({@code value}) beside it. */
  private record Outcome(Object value, LayerStatus status, String summary, List<dev.wraith.model.ProcessInfo> processes,
      Optional<CodeInventories.Joined> joined) {
    Outcome(Object value, LayerStatus status, String summary) {
      this(value, status, summary, List.of());
    }

    Outcome(Object value, LayerStatus status, String summary, List<dev.wraith.model.ProcessInfo> processes) {
      this(value, status, summary, processes, Optional.empty());
    }
  }

  private static Outcome runLayer(Catalogue cat, Request r, LayerPlan lp, Progress progress) {
    progress.started(lp.layer(), lp.how());
    Outcome o;
    try {
      o = switch (lp.layer()) {
        case "code" -> code(cat, r);
        case "cluster" -> cluster(cat, r);
        case "host" -> host(cat, r);
        case "tetragon" -> tetragon(cat, r);
        default -> mcp(cat, r);
      };
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      o = new Outcome(null, LayerStatus.failed(lp.layer(), "interrupted"), "interrupted");
    } catch (RuntimeException | java.io.IOException | StackOverflowError | OutOfMemoryError e) {
      o = new Outcome(null, LayerStatus.failed(lp.layer(), Failures.describe(e, "the " + lp.layer() + " layer")), "failed");
    }
    progress.finished(lp.layer(), o.status(), o.summary());
    return o;
  }

  private static Outcome code(Catalogue cat, Request r) {
    if (!r.codeInventories().isEmpty()) {
      CodeInventories.Joined j = CodeInventories.join(cat, r.roots(), r.codeOptions(), r.codeInventories());
      CodeScan scan = j.code();
      return new Outcome(scan, scan.status(), Counted.of(j.inventories(), "code inventory", "code inventories") + " joined, "
          + Counted.of(scan.stats().filesRead(), "file") + " read, " + Counted.of(scan.agents().size(), "agent") + " in code, "
          + Counted.of(scan.deployments().size(), "deployment file"), List.of(), Optional.of(j));
    }
    CodeScan scan = new CodeScanner(cat, Registry.codeDetectors(cat), r.codeOptions()).scan(r.roots());
    return new Outcome(scan, scan.status(), Counted.of(scan.stats().filesRead(), "file") + " read, "
        + Counted.of(scan.agents().size(), "agent") + " in code, " + Counted.of(scan.deployments().size(), "deployment file"));
  }

  private static Outcome cluster(Catalogue cat, Request r) throws InterruptedException, java.io.IOException {
    ClusterLayer.Read read = ClusterLayer.scan(cat, r.clusters(),
        new ClusterLayer.Access(r.kubeconfig(), r.namespaces(), r.auditLogs(), 30_000));
    if (read.scan().isEmpty()) return new Outcome(null, read.status(), "failed");
    ClusterScan scan = read.scan().get();
    return new Outcome(scan, scan.status(), Counted.of(scan.workloads().size(), "workload") + ", "
        + Counted.of(scan.stats().pods(), "pod") + ", " + Counted.of(scan.execSessions().size(), "exec session"));
  }

  private static Outcome host(Catalogue cat, Request r) throws InterruptedException {
    try (HostLayer layer = HostLayer.open(cat, r.procRoot(), r.pins(), r.resolveDns(), r.probe())) {
      HostScan scan = layer.observe(r.duration(), Duration.ofMillis(200));
      long processes = scan.observations().stream().map(o -> o.process().pid()).distinct().count();
      List<dev.wraith.model.ProcessInfo> table;
      try {
        table = layer.processes();
      } catch (java.io.IOException e) {
        table = List.of(); // the window above already says what could not be read
      }
      String seen = scan.stats().probe().map(p -> Counted.of(p.connections(), "connection") + " seen by the eBPF probe, ")
          .orElse(Counted.of(scan.stats().samples(), "sample") + ", ");
      return new Outcome(scan, scan.status(), seen + Counted.of(processes, "process", "processes") + " talking to AI endpoints",
          table);
    }
  }

  private static Outcome tetragon(Catalogue cat, Request r) {
    TetragonScan scan = TetragonLayer.scan(cat, r.tetragonEvents(),
        Optional.ofNullable(r.tetragonAddress()).or(() -> Optional.of("unix://" + TETRAGON_SOCKET)), r.pins(), r.dnsLogs(),
        r.duration());
    long open = scan.unattributed().unnamed().stream().filter(d -> !d.inCluster()).count();
    long connections = scan.observations().stream().mapToLong(o -> o.observation().connections()).sum();
    long processes = scan.observations().stream().map(o -> o.node() + "/" + o.execId()).distinct().count();
    return new Outcome(scan, scan.status(), Counted.of(scan.stats().events(), "event") + ", "
        + Counted.of(connections, "AI connection") + " from " + Counted.of(processes, "process", "processes")
        + (open == 0 ? "" : ", " + Counted.of(open, "destination")
        + " not attributed (see the layer status)"));
  }

  private static Outcome mcp(Catalogue cat, Request r) {
    McpScan scan = new McpDiscovery(cat, ConfigFiles.local())
        .scan(r.mcpHome(), r.roots().stream().filter(Files::isDirectory).toList(), r.mcpProbing());
    LayerStatus status = LayerStatus.ran("mcp", scan.warnings());
    return new Outcome(scan, status, Counted.of(scan.findings().size(), "MCP server") + " in "
        + Counted.of(scan.filesRead(), "config file"));
  }
}

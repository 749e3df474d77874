package dev.wraith.cli;

import dev.wraith.attribution.Pin;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.CodeScanner;
import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import dev.wraith.correlate.AllowList;
import dev.wraith.mcp.InMemoryToolHistory;
import dev.wraith.mcp.McpDiscovery;
import dev.wraith.mcp.ProbeRules;
import dev.wraith.mcp.SdkProber;
import dev.wraith.mcp.ToolInspector;
import dev.wraith.model.ScanReport;
import dev.wraith.report.InventoryJsonReporter;
import dev.wraith.report.InventoryTableReporter;
import dev.wraith.scan.ScanAll;
import dev.wraith.scan.ScanAllPipeline;
import dev.wraith.scan.StateToolHistory;
import dev.wraith.state.StateStore;
import java.time.Instant;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wraith scan-all}: every layer at once, correlated into one inventory of agents. */
@Command(
    name = "scan-all",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Runs every available layer at once (code, cluster, host, Tetragon, MCP configs), joins what runs to the code "
            + "behind it by identity (entry script, workload manifest, image built) and classifies every agent:",
        "  CONFIRMED  in code and observed at runtime",
        "  UNKNOWN    in code, not observed at runtime",
        "  SHADOW AI  a known third-party AI app (catalogue or --allow-list)",
        "  ZOMBIE     seen at runtime by an earlier scan, not now (needs the state database)",
        "  GHOST      runtime AI activity with no code behind it: each process or workload its own ghost",
        "",
        "Layers that cannot run here are skipped with the reason (no cluster, not Linux, no Tetragon); --dry-run says "
            + "which would run. Offline inputs replace live ones: with --kube-snapshot no API server is contacted, with "
            + "--tetragon-events no gRPC socket is opened. Results go to --output DIR (inventory.json, code.sarif, "
            + "report.md and more); history to the state database.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith scan-all ~/projects --duration 10          everything this machine can see",
        "  wraith scan-all . --dry-run                       which layers would run, and why not",
        "  wraith scan-all services/ --kube-snapshot snap.json --tetragon-events tetragon.log --audit-log audit.log",
        "                                                    offline: no cluster or socket contacted",
        "  wraith scan-all . --skip-layers host,tetragon --fail-on GHOST      CI gate",
        "  wraith scan-all . --no-state --format json > inventory.json",
        "",
        "Exit codes: 0 ok, 1 an agent at or above --fail-on, 2 bad usage or input,",
        "  3 a layer failed (the others still report; see the layers list)."
    })
final class ScanAllCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Source trees to scan. None: the code layer is skipped.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--kube-snapshot", paramLabel = "FILE",
      description = "Cluster objects from FILE (kubectl get -o json|yaml) instead of a live cluster. Repeatable.")
  List<Path> snapshots = new ArrayList<>();

  @Option(names = "--kubeconfig", paramLabel = "FILE", defaultValue = "${env:WRAITH_KUBECONFIG}",
      description = "Kubeconfig file. Default: $KUBECONFIG, ~/.kube/config, then the in-cluster service account.")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", defaultValue = "${env:WRAITH_CONTEXT}",
      description = "Kubeconfig context. Default: the current one.")
  String context;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Only this namespace (repeatable).")
  List<String> namespaces = new ArrayList<>();

  @Option(names = "--audit-log", paramLabel = "FILE",
      description = "Kubernetes audit log (JSON lines) for exec, attach and debug sessions. Repeatable.")
  List<Path> auditLogs = new ArrayList<>();

  @Option(names = "--tetragon-events", paramLabel = "FILE",
      description = "Tetragon JSON export (NDJSON, .gz rotations, kubectl logs). Repeatable. Replaces the gRPC stream.")
  List<Path> tetragonEvents = new ArrayList<>();

  @Option(names = "--tetragon-address", paramLabel = "ADDR",
      description = "Tetragon gRPC address (unix:///var/run/tetragon/tetragon.sock or host:port). Default: the Helm "
          + "socket when it exists.")
  String tetragonAddress;

  @Option(names = "--proc-root", paramLabel = "DIR", defaultValue = "${env:WRAITH_PROC_ROOT:-/proc}",
      description = "The proc filesystem the host layer reads. Default: ${DEFAULT-VALUE}.")
  Path procRoot;

  @Option(names = "--no-dns", description = "Host layer: do not resolve the catalogue's hostnames.")
  boolean noDns;

  @Option(names = "--home", paramLabel = "DIR", defaultValue = "${env:WRAITH_HOME:-${sys:user.home}}",
      description = "Home directory whose MCP client configs to read. Default: the current user's.")
  Path home;

  @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "${env:WRAITH_DURATION:-10}",
      description = "How long the host and live Tetragon layers observe. Default: ${DEFAULT-VALUE}.")
  double durationSeconds;

  @Option(names = "--resolve", paramLabel = "HOST=IP[:PORT]",
      description = "Treat connections to IP (on PORT, or any) as connections to HOST (egress proxies). Repeatable.")
  List<String> resolve = new ArrayList<>();

  @Option(names = "--skip-layers", paramLabel = "LAYER[,LAYER]", split = ",",
      description = "Layers not to run: code, cluster, host, tetragon, mcp.")
  List<String> skip = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Code layer: skip paths matching GLOB. Repeatable.")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--allow-list", paramLabel = "FILE",
      description = "YAML list of approved third-party AI apps (images, workloads, processes): reported as SHADOW AI, "
          + "not GHOST.")
  Path allowList;

  @Option(names = "--state", paramLabel = "FILE", defaultValue = "${env:WRAITH_STATE}",
      description = "State database (SQLite) for history, ZOMBIE and changes. Default: ~/.wraith/inventory.db.")
  Path state;

  @Option(names = "--no-state", description = "Remember nothing: no ZOMBIE, no NEW/CHANGED.")
  boolean noState;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "${env:WRAITH_RESULTS:-wraith-results}",
      description = "Results directory (created). Default: ${DEFAULT-VALUE}.")
  Path outputDir;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "Standard output: table or json (the inventory). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--fail-on", paramLabel = "CLASS|RISK", defaultValue = "${env:WRAITH_FAIL_ON}",
      description = "Exit 1 when an agent has this classification (e.g. GHOST, SHADOW_AI) or this risk or higher "
          + "(LOW, MEDIUM, HIGH, CRITICAL).")
  String failOn;

  @Option(names = "--probe-mcp", description = "Start each configured MCP server and list its tools (initialize + "
      + "tools/list, never a tool call), as 'wraith mcp --probe' does; tool hashes go to the state database.")
  boolean probeMcp;

  @Option(names = "--dry-run", description = "Say which layers would run and why not; run nothing.")
  boolean dryRun;

  @Option(names = "--no-color", description = "No colours on the terminal (also: NO_COLOR set, or not a terminal).")
  boolean noColor;

  @Mixin CatalogueOptions catalogue = new CatalogueOptions();

  @Override
  public Integer call() throws Exception {
    if (!format.equals("table") && !format.equals("json")) {
      throw new Main.UsageProblem("unknown --format '" + format + "' for scan-all (expected table or json)");
    }
    Gate gate = gate();
    AllowList allow = allowList();
    ScanAll.Request plain = request(Optional.empty());
    ScanAll.Plan plan = ScanAll.plan(plain, ScanAll.Environment.current());
    PrintStream out = System.out;
    if (dryRun) {
      out.println("wraith scan-all would run:");
      for (ScanAll.LayerPlan lp : plan.layers()) {
        out.printf("  %-9s %-5s %s%n", lp.layer(), lp.runs() ? "yes" : "no", lp.how());
      }
      out.println("  results   -> " + outputDir + (noState ? " (no state)" : ", state -> " + statePath()));
      return Main.OK;
    }
    Catalogue cat = catalogue.load();
    var tool = new ScanReport.Tool("wraith", Main.toolVersion(), cat.version(), cat.schema());
    boolean tty = System.console() != null;
    Instant scanTime = Instant.now();
    try (StateHandle state = new StateHandle(noState ? Optional.empty() : Optional.of(StateStore.open(statePath())))) {
      ScanAll.Request request = probeMcp ? request(Optional.of(new McpDiscovery.Probing(
          new SdkProber(Duration.ofSeconds(20), new ToolInspector(ProbeRules.bundled()), System.getenv(), Main.toolVersion()),
          state.store().<dev.wraith.mcp.ToolHistory>map(StateToolHistory::new).orElseGet(InMemoryToolHistory::new),
          scanTime))) : plain;
      ScanAll.Result result;
      try (LayerProgress progress = new LayerProgress(System.err, tty, ScanAll.LAYERS)) {
        result = ScanAll.run(cat, request, plan, progress);
      }
      Inventory inventory = ScanAllPipeline.correlate(cat, result, tool, scanTime,
          new ScanAllPipeline.Settings(state.store(), allow, hostNode()));
      List<Path> files = ScanAllPipeline.writeResults(cat, inventory, result.code(), outputDir);
      if (format.equals("json")) {
        new InventoryJsonReporter().write(inventory, result.code(), out);
      } else {
        new InventoryTableReporter().write(inventory, colour(tty), out);
        out.println();
        out.println("Results in " + outputDir.toAbsolutePath().normalize() + ": "
            + String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList())
            + (state.store().isPresent() ? "; history in " + statePath() : ""));
      }
      out.flush();
      if (gate.trips(inventory)) return Main.FAIL_ON;
      boolean failed = inventory.layers().stream().anyMatch(s -> s.state() == LayerStatus.State.FAILED);
      return failed ? Main.LAYER_FAILED : Main.OK;
    }
  }

  /** Closes the state database, if one is open. */
  private record StateHandle(Optional<StateStore> store) implements AutoCloseable {
    @Override
    public void close() {
      store.ifPresent(StateStore::close);
    }
  }

  private AllowList allowList() {
    if (allowList == null) return AllowList.EMPTY;
    try {
      return AllowList.parse(Files.readString(allowList), allowList.toString());
    } catch (java.io.IOException e) {
      throw new Main.UsageProblem(allowList + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new Main.UsageProblem(e.getMessage());
    }
  }

  /** The node name the host layer ran on: $NODE_NAME (downward API in a DaemonSet), else the kernel's hostname. */
  private String hostNode() {
    String env = System.getenv("NODE_NAME");
    if (env != null && !env.isBlank()) return env.trim();
    try {
      return Files.readString(procRoot.resolve("sys/kernel/hostname")).trim();
    } catch (java.io.IOException | RuntimeException e) {
      return "";
    }
  }

  private boolean colour(boolean tty) {
    String nc = System.getenv("NO_COLOR");
    return tty && !noColor && (nc == null || nc.isEmpty());
  }

  Path statePath() {
    return state != null ? state : Path.of(System.getProperty("user.home"), ".wraith", "inventory.db");
  }

  ScanAll.Request request(Optional<McpDiscovery.Probing> probing) {
    if (!(durationSeconds > 0) || durationSeconds > 86_400) throw new Main.UsageProblem("--duration must be between 0 and 86400 seconds");
    for (String s : skip) {
      if (!ScanAll.LAYERS.contains(s.trim())) {
        throw new Main.UsageProblem("--skip-layers: unknown layer '" + s + "' (expected " + String.join(", ", ScanAll.LAYERS) + ")");
      }
    }
    for (Path p : paths) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) throw new Main.UsageProblem(p + ": no such file or directory");
    }
    if (!snapshots.isEmpty() && (kubeconfig != null || context != null)) {
      throw new Main.UsageProblem("--kube-snapshot reads files; it cannot be combined with --kubeconfig or --context");
    }
    if (!tetragonEvents.isEmpty() && tetragonAddress != null) {
      throw new Main.UsageProblem("--tetragon-events reads files; it cannot be combined with --tetragon-address");
    }
    List<Path> files = new ArrayList<>(snapshots);
    files.addAll(auditLogs);
    files.addAll(tetragonEvents);
    if (kubeconfig != null) files.add(kubeconfig);
    if (allowList != null) files.add(allowList);
    for (Path f : files) if (!Files.isRegularFile(f) || !Files.isReadable(f)) throw new Main.UsageProblem(f + ": no such file or not readable");
    if (noState && state != null) throw new Main.UsageProblem("--state and --no-state contradict each other");
    if (Files.exists(outputDir) && !Files.isDirectory(outputDir)) throw new Main.UsageProblem(outputDir + ": --output must be a directory");
    List<Pin> pins = new ArrayList<>();
    for (String r : resolve) {
      try {
        pins.add(Pin.parse(r));
      } catch (IllegalArgumentException e) {
        throw new Main.UsageProblem("--resolve: " + e.getMessage());
      }
    }
    return new ScanAll.Request(paths, new CodeScanner.Options(excludes, true, Runtime.getRuntime().availableProcessors()),
        snapshots, kubeconfig, context, namespaces, auditLogs, procRoot, !noDns, tetragonEvents, tetragonAddress, home, pins,
        Duration.ofMillis((long) (durationSeconds * 1000)), skip.stream().map(String::trim).toList(), probing);
  }

  /** --fail-on: a classification or a risk level. */
  record Gate(Optional<Classification> classification, Optional<Risk> risk) {
    boolean trips(Inventory inv) {
      for (InventoryAgent a : inv.agents()) {
        if (classification.isPresent() && a.classification() == classification.get()) return true;
        if (risk.isPresent() && a.risk().compareTo(risk.get()) >= 0) return true;
      }
      return false;
    }
  }

  Gate gate() {
    if (failOn == null || failOn.isBlank()) return new Gate(Optional.empty(), Optional.empty());
    Optional<Classification> c = Classification.parse(failOn);
    Optional<Risk> r = Risk.parse(failOn);
    if (c.isEmpty() && r.isEmpty()) {
      throw new Main.UsageProblem("--fail-on '" + failOn + "': expected a classification (CONFIRMED, UNKNOWN, SHADOW_AI, "
          + "ZOMBIE, GHOST) or a risk (LOW, MEDIUM, HIGH, CRITICAL)");
    }
    return new Gate(c, r);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}

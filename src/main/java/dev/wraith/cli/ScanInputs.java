package dev.wraith.cli;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.CodeScanner;
import dev.wraith.correlate.AllowList;
import dev.wraith.mcp.InMemoryToolHistory;
import dev.wraith.mcp.McpDiscovery;
import dev.wraith.mcp.SdkProber;
import dev.wraith.mcp.ToolInspector;
import dev.wraith.model.Inventory;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ScanReport;
import dev.wraith.scan.Registry;
import dev.wraith.scan.LayerId;
import dev.wraith.scan.ScanAll;
import dev.wraith.scan.ScanAllPipeline;
import dev.wraith.scan.StateToolHistory;
import dev.wraith.state.StateException;
import dev.wraith.state.StateLocation;
import dev.wraith.state.StateStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What scan-all reads and remembers, shared by {@code scan-all} and {@code aibom}: the code paths, the offline or
 * live inputs of each layer, the state database and the allow-list; and the run itself (layers, then correlation).
 */
final class ScanInputs {
  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Source trees to scan. None: the code layer is skipped.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--code-inventory", paramLabel = "FILE|DIR",
      description = "Join a code inventory made in CI ('wraith scan PATH --format inventory') as if its tree were "
          + "scanned here; a DIR means every *.json in it, sorted. Repeatable. Unreadable inventories are warnings of "
          + "the code layer.")
  List<Path> codeInventories = new ArrayList<>();

  @picocli.CommandLine.Mixin ClusterOptions cluster = new ClusterOptions();

  @picocli.CommandLine.Mixin TetragonOptions tetragon = new TetragonOptions();

  @picocli.CommandLine.Mixin HostOptions host = new HostOptions();

  @picocli.CommandLine.Mixin ResolveOptions resolve = new ResolveOptions();

  @picocli.CommandLine.Mixin HomeOptions home = new HomeOptions();

  @Option(names = "--skip-layers", paramLabel = "LAYER[,LAYER]", split = ",",
      description = "Layers not to run: code, cluster, host, tetragon, mcp.")
  List<String> skip = new ArrayList<>();

  /** Set by {@code wraith demo} only: how its extracted inputs are named in reports (hidden: not for users). */
  @Option(names = "--present-root", hidden = true, paramLabel = "PATH=NAME")
  List<String> presentRoots = new ArrayList<>();

  /** Set by {@code wraith demo} only: what a layer it skips says (hidden: not for users). */
  @Option(names = "--present-skip", hidden = true, paramLabel = "REASON")
  String presentSkip;

  private ScanAll.Presentation presentation() {
    java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
    for (String p : presentRoots) {
      int eq = p.lastIndexOf('=');
      if (eq > 0) names.put(p.substring(0, eq), p.substring(eq + 1));
    }
    return new ScanAll.Presentation(names, presentSkip == null ? ScanAll.Presentation.AS_GIVEN.skipReason() : presentSkip);
  }

  @picocli.CommandLine.Mixin ExcludeOptions exclude = new ExcludeOptions();

  @picocli.CommandLine.Mixin AllowListOptions allowList = new AllowListOptions();

  @picocli.CommandLine.Mixin NoStateOptions state = new NoStateOptions();

  @Option(names = "--probe-mcp", description = "Start each configured MCP server and list its tools (initialize + "
      + "tools/list, never a tool call), as 'wraith mcp --probe' does; tool hashes go to the state database.")
  boolean probeMcp;

  /**
   * What a run produced: the layers' results and the correlated inventory, with the state database still open. The
   * caller writes its results, then {@link #commit}s, then closes.
   */
  record Scanned(ScanAll.Result result, Inventory inventory, Optional<StateLocation> state,
      ScanAllPipeline.Settings settings, Optional<StateToolHistory> tools) implements AutoCloseable {
    /** Records the scan (after its results were written); a failure comes back as the "state" status to show. */
    Optional<LayerStatus> commit() {
      return ScanAllPipeline.record(settings, inventory, tools);
    }

    /** The same run with the inventory as finally reported (a state failure added). */
    Scanned with(Inventory reported) {
      return new Scanned(result, reported, state, settings, tools);
    }

    @Override
    public void close() {
      try {
        settings.state().ifPresent(StateStore::close);
      } catch (StateException e) {
        // closing after the commit: whatever failed was reported by the commit
      }
    }
  }

  /** Checks the options (usage errors before anything runs) and returns the plan. */
  ScanAll.Plan plan() {
    allowListed();
    return ScanAll.plan(request(Optional.empty()), ScanAll.Environment.current());
  }

  /**
   * Runs the planned layers with progress on standard error, then correlates against the state database. The database is
   * opened first: one that can never be used (corrupt, newer schema, a directory) stops the command before anything
   * runs; one that cannot be used now (locked, full, read-only) lets the scan run without history, with a FAILED
   * "state" status in its inventory.
   */
  Scanned run(Catalogue cat, ScanAll.Plan plan, boolean tty) throws Exception {
    java.io.PrintStream err = new java.io.PrintStream(dev.wraith.redact.Redactor.of(cat).lines(System.err), true,
        java.nio.charset.StandardCharsets.UTF_8); // progress lines quote inputs: through the redactor like any output
    var tool = new ScanReport.Tool("wraith", Main.toolVersion(), cat.version(), cat.schema());
    AllowList allow = allowListed();
    Instant scanTime = Instant.now();
    Optional<StateStore> store = Optional.empty();
    Optional<LayerStatus> unavailable = Optional.empty();
    if (state.used()) {
      try {
        store = Optional.of(state.open());
      } catch (StateException e) {
        if (e.kind() == StateException.Kind.UNUSABLE) throw e;
        unavailable = Optional.of(LayerStatus.failed(ScanAllPipeline.STATE_LAYER, "history not read or recorded: " + e.getMessage()));
      }
    }
    Optional<StateToolHistory> tools = store.map(StateToolHistory::new);
    var settings = new ScanAllPipeline.Settings(store, allow, hostNode());
    try {
      ScanAll.Request request = request(!probeMcp ? Optional.empty() : Optional.of(new McpDiscovery.Probing(
          new SdkProber(Duration.ofSeconds(20), new ToolInspector(cat.mcpProbe()), System.getenv(), Main.toolVersion(),
              dev.wraith.redact.Redactor.of(cat)),
          tools.<dev.wraith.mcp.ToolHistory>map(t -> t).orElseGet(InMemoryToolHistory::new), scanTime)));
      ScanAll.Result result;
      try (LayerProgress progress = new LayerProgress(err, tty, plan.layers().stream().map(dev.wraith.scan.LayerPlan::layer).toList())) {
        result = ScanAll.run(cat, request, plan, progress);
      }
      Inventory inventory = ScanAllPipeline.correlate(cat, result, tool, scanTime, settings);
      inventory = inventory.withRoots(inventory.roots().stream().map(request.presentation()::root).toList());
      if (unavailable.isPresent()) inventory = ScanAllPipeline.withStatus(inventory, unavailable.get());
      return new Scanned(result, inventory, store.map(StateStore::location), settings, tools);
    } catch (Exception | Error e) {
      store.ifPresent(StateStore::close);
      throw e;
    }
  }

  AllowList allowListed() {
    return allowList.read();
  }

  /** The node name the host layer ran on: $NODE_NAME (downward API in a DaemonSet), else the kernel's hostname. */
  private String hostNode() {
    String env = System.getenv("NODE_NAME");
    if (env != null && !env.isBlank()) return env.trim();
    try {
      return Files.readString(host.procRoot.resolve("sys/kernel/hostname")).trim();
    } catch (java.io.IOException | RuntimeException e) {
      return "";
    }
  }

  /** Where the state is (for --dry-run); a malformed --state is a usage error here already. */
  StateLocation stateLocation() {
    return state.location();
  }

  ScanAll.Request request(Optional<McpDiscovery.Probing> probing) {
    Duration duration = host.duration();
    for (String s : skip) {
      if (!Registry.layerNames().contains(s.trim())) {
        throw new Main.UsageProblem("--skip-layers: unknown layer '" + s + "' (expected " + String.join(", ", Registry.layerNames()) + ")");
      }
    }
    for (Path p : paths) {
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) throw new Main.UsageProblem(p + ": no such file or directory");
    }
    for (Path p : codeInventories) {
      dev.wraith.scan.CodeInventories.unusable(p).ifPresent(why -> {
        throw new Main.UsageProblem("--code-inventory " + why);
      });
    }
    ClusterArguments clusterArgs = cluster.arguments();
    List<dev.wraith.scan.ClusterTarget> clusters = skip.stream().anyMatch(s -> s.trim().equals(LayerId.CLUSTER.name())) ? List.of()
        : clusterArgs.targets(System.getenv("KUBECONFIG"), Path.of(System.getProperty("user.home")));
    if (!tetragon.events.isEmpty() && tetragon.address != null) {
      throw new Main.UsageProblem("--tetragon-events reads files; it cannot be combined with --tetragon-address");
    }
    cluster.checkFiles(clusterArgs);
    InputFiles.check("--tetragon-events", tetragon.events);
    InputFiles.check("--dns-log", tetragon.dnsLogs);
    if (allowList.given()) InputFiles.check("--allow-list", List.of(allowList.file));
    if (state.used()) state.location(); // a malformed URL or one with a password fails before any layer runs
    resolve.pins(); // a malformed pin fails before any layer runs
    return new ScanAll.Request(paths, new CodeScanner.Options(exclude.globs, true, Runtime.getRuntime().availableProcessors()),
        clusters, cluster.kubeconfig, cluster.namespaces, cluster.auditLogs, host.procRoot, !host.noDns, host.probe, tetragon.events, tetragon.address, home.dir, resolve.pins(), tetragon.dnsLogs,
        duration, skip.stream().map(String::trim).toList(), probing,
        presentation()).withCodeInventories(codeInventories);
  }

}

package dev.wraith.cli;

import dev.wraith.cluster.KubeApi;
import dev.wraith.cluster.LiveKubeApi;
import dev.wraith.correlate.AllowList;
import dev.wraith.correlate.CorrelationInput;
import dev.wraith.model.ClusterScan;
import dev.wraith.scan.ClusterLayer;
import dev.wraith.scan.ScanAll;
import dev.wraith.scan.ScanAllPipeline;
import java.util.Optional;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.incluster.AgentReports;
import dev.wraith.incluster.HttpEndpoint;
import dev.wraith.incluster.InClusterApi;
import dev.wraith.incluster.InventorySource;
import dev.wraith.incluster.Metrics;
import dev.wraith.incluster.Publisher;
import dev.wraith.incluster.ScanLoop;
import dev.wraith.incluster.SensorCollector;
import dev.wraith.model.Inventory;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ScanReport;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wraith operator}: the in-cluster scanner loop. */
@Command(
    name = "operator",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Runs inside the cluster: every --interval, fetches the node sensors' observations over the pod network "
            + "(GET /observations of each 'wraith sensor --serve' pod; never exec), scans, and publishes one AgentReport "
            + "per agent (in the workload's namespace, else --report-namespace) and the ClusterAgentSummary 'cluster'. "
            + "AgentReports wraith created that no longer match an agent are deleted, unless a layer failed. "
            + "Serves Prometheus metrics at GET /metrics and liveness at GET /healthz.",
        "",
        "API errors never stop the loop: they are logged, counted in wraith_publish_failures and listed in the "
            + "summary's publish.errors. Nothing leaves the cluster.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith operator                           every 5 minutes, metrics on :9090",
        "  wraith operator --once --context dev      one cycle from outside, then exit",
        "  kubectl get agentreports -A -l wraith.dev/classification=GHOST",
        "",
        "Exit codes (--once): 0 published, 3 the cycle failed, some writes failed, or the state database could not be",
        "  written (history is recorded only after every AgentReport was written); without --once it runs until stopped."
    })
final class OperatorCommand implements Callable<Integer> {
  @Mixin CatalogueOptions catalogue = new CatalogueOptions();

  @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "${env:WRAITH_INTERVAL:-5m}",
      description = "Time between scan starts: 30s, 5m, 1h (at least 10s). Default: ${DEFAULT-VALUE}. Env: WRAITH_INTERVAL.")
  String interval;

  @Option(names = "--once", description = "Run one cycle and exit.")
  boolean once;

  @Option(names = "--metrics-address", paramLabel = "[HOST]:PORT", defaultValue = "${env:WRAITH_METRICS_ADDRESS:-:9090}",
      description = "Where /metrics and /healthz are served. Default: ${DEFAULT-VALUE}. Env: WRAITH_METRICS_ADDRESS.")
  String metricsAddress;

  @Option(names = "--report-namespace", paramLabel = "NS", defaultValue = "${env:WRAITH_REPORT_NAMESPACE:-wraith-system}",
      description = "Namespace of AgentReports for agents without a workload (node processes, code only). "
          + "Default: ${DEFAULT-VALUE}. Env: WRAITH_REPORT_NAMESPACE.")
  String reportNamespace;

  @Option(names = "--sensor-namespace", paramLabel = "NS", defaultValue = "${env:WRAITH_SENSOR_NAMESPACE:-wraith-system}",
      description = "Namespace of the sensor DaemonSet. Default: ${DEFAULT-VALUE}. Env: WRAITH_SENSOR_NAMESPACE.")
  String sensorNamespace;

  @Option(names = "--sensor-selector", paramLabel = "KEY=VALUE[,..]",
      defaultValue = "${env:WRAITH_SENSOR_SELECTOR:-app.kubernetes.io/name=wraith-sensor}",
      description = "Labels of the sensor pods. Default: ${DEFAULT-VALUE}. Env: WRAITH_SENSOR_SELECTOR.")
  String sensorSelector;

  @Option(names = "--sensor-port", paramLabel = "PORT", defaultValue = "${env:WRAITH_SENSOR_PORT:-9478}",
      description = "Port of the sensors' /observations. Default: ${DEFAULT-VALUE}. Env: WRAITH_SENSOR_PORT.")
  int sensorPort;

  @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (outside the cluster). "
      + "Default: the current context, or the pod's service account.")
  String context;

  @Option(names = "--allow-list", paramLabel = "FILE", defaultValue = "${env:WRAITH_ALLOW_LIST}",
      description = "Approved third-party AI apps (the scan-all allow-list format), e.g. a mounted ConfigMap: "
          + "reported as SHADOW AI, not GHOST. Env: WRAITH_ALLOW_LIST.")
  java.nio.file.Path allowList;

  @Option(names = "--state", paramLabel = "FILE|URL", defaultValue = "${env:WRAITH_STATE}",
      description = StateOptions.WHAT + " Keeps first/last seen, ZOMBIE and changes across cycles: a file on a "
          + "persistent volume, or a PostgreSQL database several operators and CI scanners share. Default: none. "
          + "Env: WRAITH_STATE.")
  String state;

  @Override
  public Integer call() throws Exception {
    Duration every = parseInterval(interval);
    AllowList allow = ScanInputs.allowListed(allowList);
    InetSocketAddress address;
    try {
      address = HttpEndpoint.parseAddress(metricsAddress);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageProblem("--metrics-address: " + e.getMessage());
    }
    Catalogue cat = catalogue.load();
    var tool = new ScanReport.Tool("wraith", Main.toolVersion(), cat.version(), cat.schema());
    Clock clock = Clock.systemUTC();
    dev.wraith.redact.Redactor redactor = dev.wraith.redact.Redactor.of(cat);
    Metrics metrics = new Metrics(redactor);
    InClusterApi api;
    try {
      api = InClusterApi.connect(context);
    } catch (RuntimeException e) {
      throw new Main.UsageProblem("cannot connect to the cluster: " + e.getMessage());
    }
    Optional<dev.wraith.state.StateLocation> location = Optional.ofNullable(state).filter(s -> !s.isBlank())
        .map(StateOptions::parse);
    Optional<dev.wraith.state.StateStore> store = location.map(l -> dev.wraith.state.StateStore.open(l, System.getenv()));
    try (api; HttpEndpoint endpoint = HttpEndpoint.start(address, metrics.routes(clock, every.multipliedBy(3)))) {
      var collector = new SensorCollector(api.sensorPods(sensorNamespace, sensorSelector),
          SensorCollector.http(Duration.ofSeconds(3), Duration.ofSeconds(20)), sensorPort);
      var publisher = new Publisher(api.reports(), new AgentReports(reportNamespace, redactor));
      var settings = new ScanAllPipeline.Settings(store, allow, "");
      var loop = new ScanLoop(collector, inventorySource(cat, tool, clock, new LiveKubeApi(api.client(), "in-cluster"), settings),
          publisher, metrics, clock, line -> System.err.println(redactor.text(line)));
      System.err.println("wraith operator: every " + interval + ", metrics on port " + endpoint.port());
      if (!once) loop.run(every);
      ScanLoop.Cycle c = loop.runOnce();
      boolean clean = c.failure().isEmpty() && c.publish().map(p -> p.failures().isEmpty()).orElse(false)
          && c.history().isEmpty();
      return clean ? Main.OK : Main.LAYER_FAILED;
    } catch (IllegalArgumentException e) {
      throw new Main.UsageProblem(e.getMessage()); // a malformed --sensor-selector
    } finally {
      store.ifPresent(dev.wraith.state.StateStore::close);
    }
  }

  /**
   * The scan of one cycle: the cluster layer over the scanner's read-only client, the node sensors' windows as the
   * host layer (one per node), correlated the same way scan-all does. No code is scanned in the cluster (run
   * scan-all in CI against the repositories); without code every observed agent is a ghost unless it is a known app
   * or on the allow-list, and declared workloads without traffic are listed too.
   */
  static InventorySource inventorySource(Catalogue cat, ScanReport.Tool tool, Clock clock, KubeApi cluster,
      ScanAllPipeline.Settings settings) {
    return new InventorySource() {
      @Override
      public Inventory scan(dev.wraith.incluster.SensorCollection sensors) {
        ClusterScan scan = ClusterLayer.scan(cat, cluster, List.of(), tool.version()).cluster();
        // in the cluster the sensors are the host layer: none answering is lost coverage, not an empty node, so it
        // counts as failed (and the publisher keeps the AgentReports the sensors found before)
        LayerStatus host = sensors.status().state() == LayerStatus.State.SKIPPED
            ? LayerStatus.failed("host", sensors.status().reason()) : sensors.status();
        List<LayerStatus> layers = List.of(
            LayerStatus.skipped("code", "the in-cluster scanner reads no source; run scan-all over the repositories"),
            scan.status(), host,
            LayerStatus.skipped("tetragon", "not read by the in-cluster scanner in this version"),
            LayerStatus.skipped("mcp", "no MCP client configs inside the cluster; MCP servers in workloads are listed"));
        ScanAll.Result result = new ScanAll.Result(Optional.empty(), Optional.of(scan), Optional.empty(), Optional.empty(),
            Optional.empty(), layers);
        List<CorrelationInput.NodeHost> nodes = sensors.scans().stream()
            .map(n -> new CorrelationInput.NodeHost(n.node(), n.scan())).toList();
        return ScanAllPipeline.correlate(cat, result, tool, clock.instant(), settings, nodes);
      }

      @Override
      public boolean keepsHistory() {
        return settings.state().isPresent();
      }

      /** The state commit, after the cycle's AgentReports were published. */
      @Override
      public Optional<String> record(Inventory inventory) {
        return ScanAllPipeline.record(settings, inventory, Optional.empty()).map(LayerStatus::reason);
      }
    };
  }

  static Duration parseInterval(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (t.matches("\\d+[smh]")) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        d = switch (t.charAt(t.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      } else {
        d = Duration.parse(text.trim());
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new Main.UsageProblem("--interval: expected 30s, 5m, 1h or an ISO-8601 duration, got '" + text + "'");
    }
    if (d.compareTo(Duration.ofSeconds(10)) < 0) throw new Main.UsageProblem("--interval must be at least 10s");
    return d;
  }
}

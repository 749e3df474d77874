package dev.wraith.cli;

import dev.wraith.cluster.InformerKubeApi;
import dev.wraith.cluster.KubeApi;
import dev.wraith.cluster.LiveKubeApi;
import dev.wraith.correlate.AllowList;
import dev.wraith.delivery.Deliverer;
import dev.wraith.delivery.DeliveryResult;
import dev.wraith.report.GenAiNames;
import dev.wraith.report.OcsfReporter;
import dev.wraith.scan.InClusterScan;
import dev.wraith.scan.ScanAllPipeline;
import java.util.Optional;
import java.util.function.Function;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.incluster.AgentReports;
import dev.wraith.incluster.FindingFeed;
import dev.wraith.incluster.LeaderElection;
import dev.wraith.incluster.HttpEndpoint;
import dev.wraith.incluster.InClusterApi;
import dev.wraith.incluster.Metrics;
import dev.wraith.incluster.OpenReports;
import dev.wraith.incluster.Publisher;
import dev.wraith.incluster.ScanLoop;
import dev.wraith.incluster.SensorCollector;
import dev.wraith.model.ScanReport;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
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
            + "per agent (in the workload's namespace, else --report-namespace), the ClusterAgentSummary 'cluster' and "
            + "OpenReports (a Report per namespace, a ClusterReport for node agents). Objects wraith created that no longer "
            + "match an agent are deleted, unless a layer failed. Serves Prometheus metrics at GET /metrics and liveness "
            + "at GET /healthz.",
        "",
        "Scales out: the cluster is read from informer caches (one list, then watches), and replicas elect a leader on "
            + "a Lease; only the leader scans and publishes, the others stand by and take over when its lease expires.",
        "",
        "API errors never stop the loop: they are logged, counted in wraith_publish_failures and listed in the "
            + "summary's publish.errors. Nothing leaves the cluster unless --ocsf-url is set: then each cycle's new and "
            + "changed OCSF findings (ghosts, zombies, MCP servers) are sent there after the publish.",
        "",
        "With --state (a file on a persistent volume, or a PostgreSQL database several operators and CI scanners share) "
            + "first/last seen, ZOMBIE and changes are kept across cycles; without it, nothing is remembered.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith operator                        every 5 minutes, metrics on :9090",
        "  wraith operator --once --context dev   one cycle from outside, then exit",
        "  wraith operator --ocsf-url https://hec:8088 --ocsf-sink splunk-hec",
        "                                         also new and changed findings to",
        "                                         Splunk (token: WRAITH_OCSF_TOKEN_FILE)",
        "  wraith operator --informers=false --leader-election=false",
        "                                         one replica, listing every cycle",
        "  kubectl get agentreports -A -l wraith.dev/classification=GHOST",
        "  kubectl get reports -A -l app.kubernetes.io/managed-by=wraith"
    })
final class OperatorCommand implements Callable<Integer>, ExitCodes.Documented {
  @Override
  public ExitCodes.Help exitCodes() {
    return ExitCodes.help().when("--once; without it, it runs until stopped").ok("published")
        .usage("no cluster to connect to")
        .failed("the cycle failed", "some writes failed", "the state database could not be written (history is recorded "
            + "only after every AgentReport was written)")
        .delivery("published, but --ocsf-url did not get every new finding");
  }

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

  @Mixin AllowListOptions allowList = new AllowListOptions();

  @Mixin StateOptions state = new StateOptions();

  @Mixin DeliveryOptions delivery = new DeliveryOptions();

  @Mixin OperatorScaleOptions scale = new OperatorScaleOptions();

  @Override
  public Integer call() throws Exception {
    Duration every = parseInterval(interval);
    AllowList allow = allowList.read();
    InetSocketAddress address;
    try {
      address = HttpEndpoint.parseAddress(metricsAddress);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageProblem("--metrics-address: " + e.getMessage());
    }
    Optional<Deliverer> deliverer = delivery.deliverer(System.getenv(), Main.toolVersion());
    var informerSettings = scale.informerSettings();
    var electionSettings = scale.electionSettings();
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
    Optional<dev.wraith.state.StateLocation> location = state.given().map(StateOptions::parse);
    Optional<dev.wraith.state.StateStore> store = location.map(l -> dev.wraith.state.StateStore.open(l, System.getenv()));
    try (api; HttpEndpoint endpoint = HttpEndpoint.start(address, metrics.routes(clock, every.multipliedBy(3)))) {
      var collector = new SensorCollector(api.sensorPods(sensorNamespace, sensorSelector),
          SensorCollector.http(Duration.ofSeconds(3), Duration.ofSeconds(20)), sensorPort);
      var publisher = new Publisher(api.reports(), new AgentReports(reportNamespace, redactor),
          scale.openReports ? Optional.of(new OpenReports(reportNamespace, redactor)) : Optional.empty());
      var settings = new ScanAllPipeline.Settings(store, allow, "");
      var leading = new java.util.concurrent.atomic.AtomicReference<java.util.function.BooleanSupplier>(() -> true);
      java.util.function.Consumer<String> log = line -> System.err.println(redactor.text(line));
      // one feed for the operator's life: what it delivered stays known across leadership terms
      Optional<FindingFeed> feed = deliverer.map(d -> findingFeed(d, GenAiNames.of(cat), redactor));
      Function<KubeApi, ScanLoop> loops = (cluster) -> {
        var loop = new ScanLoop(collector, InClusterScan.inventorySource(cat, tool, clock, cluster, settings), publisher, metrics, clock,
            log, () -> leading.get().getAsBoolean());
        return feed.map(loop::delivering).orElse(loop);
      };
      System.err.println("wraith operator: every " + interval + ", metrics on port " + endpoint.port()
          + (once ? "" : ", cluster read from " + (scale.informers ? "informer caches" : "lists each cycle")));
      if (once) {
        ScanLoop.Cycle c = loops.apply(new LiveKubeApi(api.client(), "in-cluster")).runOnce();
        boolean clean = c.failure().isEmpty() && c.publish().map(p -> p.failures().isEmpty()).orElse(false)
            && c.history().isEmpty();
        if (!clean) return Main.LAYER_FAILED;
        return c.delivery().map(FindingFeed.Sent::complete).orElse(true) ? Main.OK : Main.DELIVERY_FAILED;
      }
      LeaderElection.Term term = () -> {
        KubeApi cluster = scale.informers ? new InformerKubeApi(api.client(), "in-cluster", informerSettings, clock)
            : new LiveKubeApi(api.client(), "in-cluster");
        try {
          loops.apply(cluster).run(every);
        } finally {
          if (cluster instanceof InformerKubeApi informed) informed.close();
        }
      };
      Thread main = Thread.currentThread();
      Thread onStop = new Thread(() -> stop(main), "wraith-shutdown");
      Runtime.getRuntime().addShutdownHook(onStop);
      try {
        if (!scale.leaderElection) term.run();
        var election = new LeaderElection(api.client(), electionSettings, term, metrics, log);
        leading.set(election::leading);
        election.run();
      } catch (InterruptedException e) {
        System.err.println("wraith operator: stopped");
      } finally {
        removeHook(onStop);
      }
      return Main.OK;
    } catch (IllegalArgumentException e) {
      throw new Main.UsageProblem(e.getMessage()); // a malformed --sensor-selector
    } finally {
      store.ifPresent(dev.wraith.state.StateStore::close);
    }
  }

  /**
   * On SIGTERM (a rolling update, a drained node) the JVM runs shutdown hooks but interrupts nothing: interrupt the
   * operator so that a leader releases its lease and the standby takes over at once, and give it a few seconds.
   */
  private static void stop(Thread main) {
    main.interrupt();
    try {
      main.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: nothing to remove
    }
  }

  /** Each cycle's new and changed OCSF findings (the lines scan-all writes to findings.ocsf.jsonl) through {@code d}. */
  static FindingFeed findingFeed(Deliverer d, GenAiNames names, dev.wraith.redact.Redactor redactor) {
    OcsfReporter ocsf = new OcsfReporter(names, redactor);
    return new FindingFeed(inv -> ocsf.findings(inv, Optional.empty()).stream()
        .map(f -> new FindingFeed.Finding(f.uid(), f.substance(), f.line())).toList(), lines -> {
          DeliveryResult r = d.deliver(lines);
          return new FindingFeed.Sent(r.delivered(), r.failed(), r.dropped(), r.line());
        });
  }

  static Duration parseInterval(String text) {
    return parseDuration("--interval", text, Duration.ofSeconds(10));
  }

  /** 30s, 5m, 1h or an ISO-8601 duration, at least {@code min}; a usage problem naming {@code flag} otherwise. */
  static Duration parseDuration(String flag, String text, Duration min) {
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
      throw new Main.UsageProblem(flag + ": expected 30s, 5m, 1h or an ISO-8601 duration, got '" + text + "'");
    }
    if (d.compareTo(min) < 0) throw new Main.UsageProblem(flag + " must be at least " + min.toSeconds() + "s");
    return d;
  }
}

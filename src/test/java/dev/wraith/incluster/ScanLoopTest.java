package dev.wraith.incluster;

import static dev.wraith.incluster.InventoryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.Risk;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The whole in-cluster path on the CRUD mock API server: a sensor serves a window over HTTP, the loop collects it,
 * a stand-in for scan-all turns each node process into a ghost, the publisher writes AgentReports, and the metrics
 * endpoint is scraped over a real socket and parsed.
 */
@EnableKubernetesMockClient(crud = true)
class ScanLoopTest {
  KubernetesClient client;
  KubernetesMockServer server;

  /** The stand-in for scan-all: every NODE-origin observation is a ghost, keyed by node and script. */
  static Inventory ghostsOf(SensorCollection sensors) {
    List<InventoryAgent> agents = new ArrayList<>();
    Map<String, Boolean> seen = new TreeMap<>();
    for (SensorCollection.NodeScan n : sensors.scans()) {
      for (Observation o : n.scan().observations()) {
        if (o.origin() != ProcessOrigin.NODE) continue;
        String script = o.entryScript().map(e -> e.path()).orElse("");
        if (seen.put(n.node() + script, true) != null) continue;
        agents.add(new InventoryAgent("ghost:" + n.node() + ":" + script, Classification.GHOST, Risk.CRITICAL, script,
            Optional.empty(), Optional.of(new InventoryAgent.ProcessRef(n.node(), o.process().pid(), o.process().exe(),
                o.process().argv(), false, script, "")), List.of(), List.of(o.attribution().providerId()), List.of(),
            List.of(), List.of(), List.of(), List.of("runtime activity with no source code"), Optional.of(o.firstSeen()),
            Optional.of(o.lastSeen()), InventoryAgent.Change.NEW));
      }
    }
    return new Inventory(TOOL, T0, List.of(), agents, List.of(), List.of(sensors.status(), LayerStatus.ran("cluster", List.of())));
  }

  @Test
  void aCyclePublishesWhatTheSensorsSawAndTheMetricsSayIt() throws Exception {
    PublisherTest.installCrds(client);
    var buffer = new ObservationBuffer(Duration.ofDays(3650), Duration.ofDays(3650), Clock.systemUTC());
    buffer.add(T0, SensorFixtures.json(SensorFixtures.window(T0.minusSeconds(60)), false).getBytes(StandardCharsets.UTF_8));
    client.pods().inNamespace("wraith-system").resource(SensorCollectorTest.pod("wraith-system", "wraith-sensor-a", "node-1",
        "127.0.0.1", "Running", true)).create();
    client.pods().inNamespace("wraith-system").resource(SensorCollectorTest.pod("wraith-system", "wraith-sensor-b", "node-2",
        "", "Pending", true)).create();
    KubernetesClient c = PublisherTest.noRetries(client);
    Metrics metrics = new Metrics();
    List<String> log = new ArrayList<>();
    try (HttpEndpoint sensor = HttpEndpoint.start(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), buffer.routes());
        HttpEndpoint scrape = HttpEndpoint.start(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
            metrics.routes(Clock.systemUTC(), Duration.ofMinutes(15)))) {
      var collector = new SensorCollector(new KubeSensorPods(c, "wraith-system", "app.kubernetes.io/name=wraith-sensor"),
          SensorCollector.http(Duration.ofSeconds(2), Duration.ofSeconds(5)), sensor.port());
      var loop = new ScanLoop(collector, ScanLoopTest::ghostsOf, new Publisher(new KubeReportStore(c),
          new AgentReports("wraith-system")), metrics, Clock.systemUTC(), log::add);

      ScanLoop.Cycle cycle = loop.runOnce();

      assertThat(cycle.failure()).isEmpty();
      List<GenericKubernetesResource> reports = c.genericKubernetesResources(PublisherTest.AGENT_REPORTS)
          .inNamespace("wraith-system").list().getItems();
      assertThat(reports).singleElement().satisfies(g -> {
        assertThat(g.<Object>get("spec", "where")).isEqualTo("node node-1: /root/agent.py");
        assertThat(g.getMetadata().getLabels()).containsEntry("wraith.dev/classification", "GHOST");
      });
      assertThat(log.get(0)).contains("1 agents (1 ghosts)").contains("host=partial(2 warnings)");
      assertThat(log).contains("  host: node node-2 (wraith-sensor-b): sensor not running (Pending)");
      // the window node-1's sensor served was partial itself: the operator says so rather than "ran"
      assertThat(log).anyMatch(l -> l.startsWith("  host: node node-1 (") && l.contains("1 of 1 window partial (12 processes unreadable"));

      Map<String, Double> m = scrape(scrape.port());
      assertThat(m).containsEntry("wraith_agents{classification=\"GHOST\"}", 1.0)
          .containsEntry("wraith_agents{classification=\"CONFIRMED\"}", 0.0)
          .containsEntry("wraith_agents_by_risk{risk=\"CRITICAL\"}", 1.0)
          .containsEntry("wraith_layer_up{layer=\"host\"}", 1.0)
          .containsEntry("wraith_layer_warnings{layer=\"host\"}", 2.0)
          .containsEntry("wraith_publish_failures", 0.0)
          .containsEntry("wraith_layer_up{layer=\"publish\"}", 1.0)
          .containsEntry("wraith_scans_total{result=\"ok\"}", 1.0);
      assertThat(m.get("wraith_scan_duration_seconds")).isPositive();
      assertThat(m.get("wraith_last_scan_timestamp_seconds")).isGreaterThan((double) T0.getEpochSecond());
    }
  }

  @Test
  void aFailingCycleIsCountedAndTheNextOneStillRuns() throws Exception {
    PublisherTest.installCrds(client);
    KubernetesClient c = PublisherTest.noRetries(client);
    Metrics metrics = new Metrics();
    AtomicBoolean broken = new AtomicBoolean(true);
    InventorySource source = sensors -> {
      if (broken.getAndSet(false)) throw new IllegalStateException("cluster layer exploded");
      return inventory(List.of(sensors.status()), confirmed());
    };
    List<String> log = new ArrayList<>();
    var loop = new ScanLoop(new SensorCollector(new KubeSensorPods(c, "wraith-system", "app.kubernetes.io/name=wraith-sensor"),
        SensorCollector.http(Duration.ofSeconds(1), Duration.ofSeconds(1)), 9478), source,
        new Publisher(new KubeReportStore(c), new AgentReports("wraith-system")), metrics, Clock.systemUTC(), log::add);

    assertThat(loop.runOnce().failure()).hasValue("scan cycle failed: cluster layer exploded");
    try (HttpEndpoint scrape = HttpEndpoint.start(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), metrics.routes(Clock.systemUTC(), Duration.ofMinutes(15)))) {
      assertThat(scrape(scrape.port())).containsEntry("wraith_scans_total{result=\"failed\"}", 1.0)
          .doesNotContainKey("wraith_agents{classification=\"GHOST\"}");
      ScanLoop.Cycle second = loop.runOnce();
      assertThat(second.publish().orElseThrow().created()).isEqualTo(2);
      Map<String, Double> m = scrape(scrape.port());
      assertThat(m).containsEntry("wraith_scans_total{result=\"ok\"}", 1.0).containsEntry("wraith_scans_total{result=\"failed\"}", 1.0)
          .containsEntry("wraith_agents{classification=\"CONFIRMED\"}", 1.0).containsEntry("wraith_layer_up{layer=\"host\"}", 0.0);
    }
  }

  /**
   * History never gets ahead of what was published: the state is recorded after a publish with no failures, not after
   * one that failed (the next cycle must still show a NEW agent as NEW), and a failing record is the cycle's to report.
   */
  @Test
  void historyIsRecordedOnlyAfterEveryReportWasWritten() throws Exception {
    KubernetesClient c = PublisherTest.noRetries(client);
    List<Inventory> recorded = new ArrayList<>();
    AtomicBoolean stateFull = new AtomicBoolean(false);
    InventorySource source = new InventorySource() {
      @Override
      public Inventory scan(SensorCollection sensors) {
        return inventory(List.of(LayerStatus.ran("cluster", List.of())), confirmed());
      }

      @Override
      public boolean keepsHistory() {
        return true;
      }

      @Override
      public Optional<String> record(Inventory inventory) {
        if (stateFull.get()) return Optional.of("history not recorded: no space left on device");
        recorded.add(inventory);
        return Optional.empty();
      }
    };
    ReportStore down = new ReportStore() {
      @Override public List<Report> listOwned(Report.Kind k) { throw new StoreException(0, "no answer", null); }
      @Override public Optional<Report> get(Report.Kind k, String ns, String n) { throw new StoreException(0, "no answer", null); }
      @Override public void create(Report r) { throw new StoreException(0, "no answer", null); }
      @Override public void update(Report r) { throw new StoreException(0, "no answer", null); }
      @Override public void delete(Report.Kind k, String ns, String n) { throw new StoreException(0, "no answer", null); }
    };
    var sensors = new SensorCollector(new KubeSensorPods(c, "wraith-system", "app.kubernetes.io/name=wraith-sensor"),
        SensorCollector.http(Duration.ofSeconds(1), Duration.ofSeconds(1)), 9478);
    List<String> log = new ArrayList<>();

    ScanLoop failing = new ScanLoop(sensors, source, new Publisher(down, new AgentReports("wraith-system")), new Metrics(),
        Clock.systemUTC(), log::add);
    assertThat(failing.runOnce().history()).hasValue("history not recorded: 3 AgentReport writes failed; the next cycle "
        + "compares with the last recorded scan");
    assertThat(recorded).isEmpty();

    ScanLoop working = new ScanLoop(sensors, source, new Publisher(new MemoryReportStore(), new AgentReports("wraith-system")),
        new Metrics(), Clock.systemUTC(), log::add);
    assertThat(working.runOnce().history()).isEmpty();
    assertThat(recorded).hasSize(1);

    stateFull.set(true);
    assertThat(working.runOnce().history()).hasValue("history not recorded: no space left on device");
    assertThat(log).contains("history not recorded: no space left on device");
  }

  /** Parses the text exposition format: every sample line must be "name{labels} value", HELP and TYPE precede it. */
  static Map<String, Double> scrape(int port) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
    Map<String, Double> samples = new TreeMap<>();
    java.util.Set<String> typed = new java.util.HashSet<>();
    for (String line : r.body().lines().toList()) {
      if (line.startsWith("# TYPE ")) {
        String[] p = line.split(" ", -1);
        assertThat(p[3]).isIn("gauge", "counter");
        typed.add(p[2]);
        continue;
      }
      if (line.startsWith("# HELP ")) continue;
      assertThat(line).matches("[a-z_]+(\\{[a-z_]+=\"[^\"]*\"\\})? -?[0-9.]+");
      String key = line.substring(0, line.lastIndexOf(' '));
      assertThat(typed).contains(key.replaceAll("\\{.*", ""));
      assertThat(samples.put(key, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))).as("duplicate " + key).isNull();
    }
    return samples;
  }
}

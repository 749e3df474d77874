package dev.wraith.incluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sensor pods listed on the CRUD mock API server, observations fetched over real HTTP from a sensor endpoint on
 * 127.0.0.1; a pod on 127.0.0.2 (nothing listens) and a pending pod stand for the nodes that fail.
 */
@EnableKubernetesMockClient(crud = true)
class SensorCollectorTest {
  static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
  KubernetesClient client;
  KubernetesMockServer server;
  HttpEndpoint sensor;
  ObservationBuffer buffer;

  @BeforeEach
  void startSensor() throws Exception {
    buffer = new ObservationBuffer(Duration.ofDays(3650), Duration.ofDays(3650), Clock.systemUTC());
    buffer.add(T.plusSeconds(60), SensorFixtures.json(SensorFixtures.window(T), false).getBytes(StandardCharsets.UTF_8));
    buffer.add(T.plusSeconds(120), SensorFixtures.json(SensorFixtures.window(T.plusSeconds(60)), false).getBytes(StandardCharsets.UTF_8));
    sensor = HttpEndpoint.start(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), buffer.routes());
  }

  @AfterEach
  void stopSensor() {
    sensor.close();
  }

  private SensorCollection collect() throws InterruptedException {
    var pods = new KubeSensorPods(PublisherTest.noRetries(client), "wraith-system", "app.kubernetes.io/name=wraith-sensor");
    return new SensorCollector(pods, SensorCollector.http(Duration.ofSeconds(2), Duration.ofSeconds(5)), sensor.port()).collect();
  }

  @Test
  void fetchesEveryRunningSensorAndReportsTheOthers() throws Exception {
    create(pod("wraith-system", "wraith-sensor-a", "node-1", "127.0.0.1", "Running", true));
    create(pod("wraith-system", "wraith-sensor-b", "node-2", "127.0.0.2", "Running", true));
    create(pod("wraith-system", "wraith-sensor-c", "node-3", "", "Pending", true));
    create(pod("wraith-system", "unrelated", "node-1", "127.0.0.1", "Running", false));
    create(pod("elsewhere", "wraith-sensor-x", "node-1", "127.0.0.1", "Running", true));

    SensorCollection c = collect();

    assertThat(c.status().state()).isEqualTo(LayerStatus.State.PARTIAL);
    assertThat(c.scans()).extracting(SensorCollection.NodeScan::node).containsExactly("node-1", "node-1");
    assertThat(c.scans()).extracting(s -> s.scan().start()).containsExactly(T, T.plusSeconds(60));
    assertThat(c.scans().get(0).scan().observations()).hasSize(3);
    assertThat(c.status().warnings()).containsExactly(
        // both windows the sensor served were partial themselves: that is the host layer's problem too
        "node node-1 (wraith-sensor-a): 2 of 2 windows partial (12 processes unreadable (not root)), between "
            + T + " and " + T.plusSeconds(120),
        "node node-2 (wraith-sensor-b): unreachable: connection refused or no route to the pod",
        "node node-3 (wraith-sensor-c): sensor not running (Pending)");
  }

  @Test
  void aWindowTheSensorReportedPartialIsNamedWithItsReasonAndTheLastWindowsNotesAreKept() throws Exception {
    String gap = "eBPF probe: events may be missing between 2026-11-27T10:02:10Z and 2026-11-27T10:02:12Z, while it was "
        + "restarted (restart 1 of 5) after it stopped: killed by signal 9";
    buffer.add(T.plusSeconds(180), SensorFixtures.json(window(T.plusSeconds(120),
        new LayerStatus("host", LayerStatus.State.PARTIAL, gap, List.of(gap), List.of("eBPF probe: 7 connects"))), false)
        .getBytes(StandardCharsets.UTF_8));
    buffer.add(T.plusSeconds(240), SensorFixtures.json(window(T.plusSeconds(180),
        new LayerStatus("host", LayerStatus.State.RAN, "", List.of(), List.of("eBPF probe: 9 connects"))), false)
        .getBytes(StandardCharsets.UTF_8));
    create(pod("wraith-system", "wraith-sensor-a", "node-1", "127.0.0.1", "Running", true));

    SensorCollection c = collect();

    assertThat(c.status().state()).isEqualTo(LayerStatus.State.PARTIAL);
    assertThat(c.scans()).hasSize(4);
    assertThat(c.status().warnings()).containsExactly(
        "node node-1 (wraith-sensor-a): 2 of 4 windows partial (12 processes unreadable (not root)), between " + T
            + " and " + T.plusSeconds(120),
        "node node-1 (wraith-sensor-a): 1 of 4 windows partial (" + gap + "), between " + T.plusSeconds(120) + " and "
            + T.plusSeconds(180));
    // the probe's counts of the node's latest window, not of every window served
    assertThat(c.status().notes()).containsExactly("node node-1 (wraith-sensor-a), last window: eBPF probe: 9 connects");
  }

  /** The fixture window under another status. */
  private static HostScan window(Instant start, LayerStatus status) {
    HostScan w = SensorFixtures.window(start);
    return new HostScan(w.procRoot(), w.start(), w.end(), w.observations(), w.unowned(), w.inCluster(), status, w.stats());
  }

  @Test
  void noSensorPodsSkipsTheLayer() throws Exception {
    SensorCollection c = collect();
    assertThat(c.status().state()).isEqualTo(LayerStatus.State.SKIPPED);
    assertThat(c.status().reason()).isEqualTo("no sensor pods (namespace wraith-system, app.kubernetes.io/name=wraith-sensor)");
  }

  @Test
  void noSensorAnsweringFailsTheLayer() throws Exception {
    create(pod("wraith-system", "wraith-sensor-b", "node-2", "127.0.0.2", "Running", true));
    SensorCollection c = collect();
    assertThat(c.status().state()).isEqualTo(LayerStatus.State.FAILED);
    assertThat(c.status().reason()).isEqualTo("no sensor answered (1 pods)");
    assertThat(c.scans()).isEmpty();
  }

  @Test
  void aForbiddenPodListFailsTheLayerWithTheReason() throws Exception {
    server.expect().get().withPath("/api/v1/namespaces/wraith-system/pods?labelSelector=app.kubernetes.io%2Fname%3Dwraith-sensor")
        .andReturn(403, new StatusBuilder().withCode(403).withMessage("pods is forbidden").build()).always();
    SensorCollection c = collect();
    assertThat(c.status().state()).isEqualTo(LayerStatus.State.FAILED);
    assertThat(c.status().reason()).startsWith("cannot list sensor pods (namespace wraith-system, ").endsWith("403: pods is forbidden");
  }

  private void create(Pod p) {
    client.pods().inNamespace(p.getMetadata().getNamespace()).resource(p).create();
  }

  static Pod pod(String ns, String name, String node, String ip, String phase, boolean sensor) {
    return new PodBuilder().withNewMetadata().withNamespace(ns).withName(name)
        .withLabels(sensor ? Map.of("app.kubernetes.io/name", "wraith-sensor") : Map.of("app", "other")).endMetadata()
        .withNewSpec().withNodeName(node).addNewContainer().withName("sensor").withImage("wraith:0.1.0").endContainer().endSpec()
        .withNewStatus().withPhase(phase).withPodIP(ip.isEmpty() ? null : ip).endStatus().build();
  }
}

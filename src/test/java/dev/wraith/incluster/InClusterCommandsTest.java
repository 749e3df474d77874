package dev.wraith.incluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.cli.Main;
import dev.wraith.model.HostScan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two in-cluster commands end to end: {@code wraith sensor --serve} on this machine's /proc, {@code wraith operator --once}. */
@EnableKubernetesMockClient(crud = true)
class InClusterCommandsTest {
  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void sensorServeServesFinishedWindowsOverHttp() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Thread sensor = new Thread(() -> Main.run("sensor", "--serve", "127.0.0.1:" + port, "--duration", "1", "--no-dns",
        "--probe", "proc"));
    sensor.setDaemon(true);
    sensor.start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      List<HostScan> scans = List.of();
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (scans.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(500);
        try {
          var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observations")).build(),
              HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).isEqualTo(200);
          scans = new SensorJsonReader().read(r.body()).scans();
        } catch (java.net.ConnectException notYet) {
          // the server is not up yet
        }
      }
      assertThat(scans).isNotEmpty();
      assertThat(scans.get(0).status().layer()).isEqualTo("host");
      assertThat(scans.get(0).stats().samples()).isPositive();
      var health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).startsWith("ok: last window ended");
    } finally {
      sensor.interrupt();
      sensor.join(10_000);
    }
  }

  @Test
  void operatorOnceScansTheClusterAndKeepsReportsWhenNoSensorAnswers() throws Exception {
    PublisherTest.installCrds(client);
    new Publisher(new KubeReportStore(client), new AgentReports("wraith-system"))
        .publish(InventoryFixtures.inventory(InventoryFixtures.ghost()));
    Map<String, String> props = Map.of("kubernetes.master", client.getMasterUrl().toString(),
        "kubernetes.trust.certificates", "true", "kubernetes.auth.tryKubeConfig", "false",
        "kubernetes.auth.tryServiceAccount", "false", "kubernetes.request.retry.backoffLimit", "0");
    props.forEach(System::setProperty);
    int code;
    try {
      code = Main.run("operator", "--once", "--metrics-address", "127.0.0.1:0");
    } finally {
      props.keySet().forEach(System::clearProperty);
    }
    assertThat(code).isZero();
    GenericKubernetesResource summary = client.genericKubernetesResources(PublisherTest.SUMMARIES).withName("cluster").get();
    assertThat((Object) summary.get("spec", "agents")).isEqualTo(0);
    // the cluster layer ran over the (empty) mock API; no sensor pod answered, which in the cluster is lost coverage
    assertThat(summary.get("spec", "layers").toString()).contains("layer=cluster, state=ran").contains("no sensor pods")
        .contains("layer=host, state=failed");
    assertThat(client.genericKubernetesResources(PublisherTest.AGENT_REPORTS).inAnyNamespace().list().getItems()).hasSize(1);
  }

  @Test
  void operatorLeadsFromInformersAndReleasesItsLeaseWhenStopped() throws Exception {
    PublisherTest.installCrds(client);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Map<String, String> props = Map.of("kubernetes.master", client.getMasterUrl().toString(),
        "kubernetes.trust.certificates", "true", "kubernetes.auth.tryKubeConfig", "false",
        "kubernetes.auth.tryServiceAccount", "false", "kubernetes.request.retry.backoffLimit", "0");
    props.forEach(System::setProperty);
    int[] code = {-1};
    Thread operator = new Thread(() -> code[0] = Main.run("operator", "--interval", "10s", "--metrics-address",
        "127.0.0.1:" + port, "--lease-duration", "3s", "--lease-namespace", "wraith-system"), "operator-cli");
    operator.start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      String metrics = "";
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!metrics.contains("wraith_scans_total{result=\"ok\"} 1") && System.nanoTime() < deadline) {
        Thread.sleep(200);
        try {
          metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
              HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.net.ConnectException notYet) {
          // the endpoint is not up yet
        }
      }
      assertThat(metrics).contains("wraith_leader 1").contains("wraith_layer_up{layer=\"cluster\"} 1");
      var lease = client.leases().inNamespace("wraith-system").withName("wraith-scanner").get();
      assertThat(lease.getSpec().getHolderIdentity()).isNotEmpty();
      assertThat(client.genericKubernetesResources(PublisherTest.SUMMARIES).withName("cluster").get()).isNotNull();
    } finally {
      operator.interrupt();
      operator.join(15_000);
      props.keySet().forEach(System::clearProperty);
    }
    assertThat(operator.isAlive()).isFalse();
    assertThat(code[0]).isZero();
    // released for the standby: fabric8 shortens the lease to one second (a merge patch cannot clear the holder)
    assertThat(client.leases().inNamespace("wraith-system").withName("wraith-scanner").get().getSpec()
        .getLeaseDurationSeconds()).isEqualTo(1);
  }

  @Test
  void operatorRejectsBadOptions() {
    assertThat(Main.run("operator", "--once", "--interval", "5s")).isEqualTo(2);
    assertThat(Main.run("operator", "--once", "--interval", "soon")).isEqualTo(2);
    assertThat(Main.run("operator", "--once", "--metrics-address", "9090")).isEqualTo(2);
    assertThat(Main.run("operator", "--once", "--lease-duration", "1s")).isEqualTo(2);
    assertThat(Main.run("operator", "--once", "--relist-every", "often")).isEqualTo(2);
    // OCSF delivery is checked before anything connects, with scan-all's rules (no token on a URL, HEC needs one)
    assertThat(Main.run("operator", "--once", "--ocsf-url", "https://ops:hunter2@hooks.invalid/x")).isEqualTo(2);
    assertThat(Main.run("operator", "--once", "--ocsf-url", "https://splunk.invalid:8088", "--ocsf-sink", "splunk-hec"))
        .isEqualTo(2);
    assertThat(Main.run("sensor", "--serve", "nowhere")).isEqualTo(2);
  }
}

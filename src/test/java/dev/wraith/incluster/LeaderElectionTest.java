package dev.wraith.incluster;

import static dev.wraith.incluster.InventoryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two operators (each its own client, publisher, metrics and election) against one CRUD mock API server and one
 * Lease: exactly one scans and publishes; when it steps down or is cut off from the API, the other takes over within
 * the lease time and finds every AgentReport as the first left it (none lost, none duplicated, none rewritten).
 */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {
  static final Duration LEASE = Duration.ofSeconds(3);
  KubernetesClient client;
  KubernetesMockServer server;
  Operator a, b;

  @BeforeEach
  void start() throws Exception {
    PublisherTest.installCrds(client);
    a = new Operator("operator-a", true);
    a.start();
    awaitTrue("operator-a leads and published", () -> reportVersions().size() == 2, Duration.ofSeconds(10));
    b = new Operator("operator-b", false);
    b.start();
  }

  @AfterEach
  void stop() throws Exception {
    a.stop();
    b.stop();
    if (a.partition != null) a.partition.close();
  }

  @Test
  void exactlyOneReplicaScansAndPublishes() throws Exception {
    int before = a.scans.get();
    awaitTrue("the leader keeps scanning", () -> a.scans.get() >= before + 3, Duration.ofSeconds(10));

    assertThat(b.scans.get()).isZero();
    assertThat(b.election.leading()).isFalse();
    assertThat(a.election.leading()).isTrue();
    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("operator-a");
    assertThat(a.metrics.render()).contains("wraith_leader 1");
    assertThat(b.metrics.render()).contains("wraith_leader 0");
    assertThat(b.metrics.health(java.time.Instant.now(), java.time.Instant.now(), Duration.ofMinutes(1)).status()).isEqualTo(200);
    assertThat(b.log).anyMatch(l -> l.equals("leader election: leader is now operator-a"));
    assertThat(reportVersions()).hasSize(2);
  }

  @Test
  void aLeaderThatStepsDownHandsOverAtOnce() throws Exception {
    Map<String, String> published = reportVersions();
    long t0 = System.nanoTime();

    a.stop();
    awaitTrue("operator-b takes over and publishes", () -> b.scans.get() >= 1, LEASE.plusSeconds(5));
    Duration took = Duration.ofNanos(System.nanoTime() - t0);

    assertThat(took).as("the released lease is taken without waiting for it to expire").isLessThan(LEASE);
    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("operator-b");
    assertThat(reportVersions()).as("same objects, none rewritten").isEqualTo(published);
  }

  @Test
  void aLeaderCutOffFromTheApiIsReplacedWithinTheLeaseTime() throws Exception {
    Map<String, String> published = reportVersions();
    long t0 = System.nanoTime();

    a.partition.cut(); // its renewals fail from now on; it must stop leading by itself
    awaitTrue("operator-b takes over and publishes", () -> b.scans.get() >= 1, LEASE.multipliedBy(3));
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    awaitTrue("operator-a stood down", () -> !a.election.leading(), LEASE);

    // expiry after the last renewal, plus one jittered retry of the follower (at most 2.2 × lease/5)
    assertThat(took).isLessThan(LEASE.plus(LEASE.dividedBy(5).multipliedBy(3)).plusSeconds(1));
    int aScans = a.scans.get(), bScans = b.scans.get();
    awaitTrue("operator-b keeps scanning", () -> b.scans.get() >= bScans + 3, Duration.ofSeconds(5));
    assertThat(a.scans.get()).as("the replica that stood down scans no more").isEqualTo(aScans);
    assertThat(a.log).anyMatch(l -> l.contains("no longer leads"));
    assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("operator-b");
    assertThat(reportVersions()).isEqualTo(published);
  }

  private Lease lease() {
    return client.leases().inNamespace("wraith-system").withName("wraith-scanner").get();
  }

  private Map<String, String> reportVersions() {
    Map<String, String> m = new TreeMap<>();
    for (GenericKubernetesResource g : client.genericKubernetesResources(PublisherTest.AGENT_REPORTS).inAnyNamespace()
        .list().getItems()) {
      m.put(g.getMetadata().getNamespace() + "/" + g.getMetadata().getName(), g.getMetadata().getResourceVersion());
    }
    return m;
  }

  private static void awaitTrue(String what, BooleanSupplier condition, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("not within " + within + ": " + what);
      Thread.sleep(20);
    }
  }

  /** One replica: the production loop, publisher, metrics and election over a client of its own. */
  final class Operator {
    final Partition partition;
    final KubernetesClient client;
    final Metrics metrics = new Metrics();
    final AtomicInteger scans = new AtomicInteger();
    final List<String> log = new CopyOnWriteArrayList<>();
    final LeaderElection election;
    private final Thread thread;

    /** @param partitionable whether its API connection goes through a {@link Partition} the test can cut */
    Operator(String identity, boolean partitionable) throws java.io.IOException {
      var base = LeaderElectionTest.this.client.getConfiguration();
      partition = partitionable ? new Partition(new java.net.InetSocketAddress("127.0.0.1", server.getPort())) : null;
      String url = partitionable ? base.getMasterUrl().replace(":" + server.getPort(), ":" + partition.port()) : base.getMasterUrl();
      client = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(new io.fabric8.kubernetes.client
          .ConfigBuilder(base).withMasterUrl(url).withRequestRetryBackoffLimit(0).withRequestTimeout(1000)
          .withConnectionTimeout(1000).build()).build();
      var sensors = new SensorCollector(new NoSensors(), SensorCollector.http(Duration.ofSeconds(1), Duration.ofSeconds(1)), 1);
      var publisher = new Publisher(new KubeReportStore(client), new AgentReports("wraith-system"));
      InventorySource source = collected -> {
        scans.incrementAndGet();
        return inventory(ghost(), confirmed());
      };
      LeaderElection[] self = new LeaderElection[1];
      election = new LeaderElection(client, new LeaderElection.Settings("wraith-system", "wraith-scanner", identity, LEASE),
          () -> new ScanLoop(sensors, source, publisher, metrics, Clock.systemUTC(), log::add, () -> self[0].leading())
              .run(Duration.ofMillis(300)), metrics, log::add);
      self[0] = election;
      thread = new Thread(() -> {
        try {
          election.run();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, identity);
    }

    void start() {
      thread.start();
    }

    void stop() throws InterruptedException {
      thread.interrupt();
      thread.join(10_000);
    }
  }

  /** A sensor DaemonSet with no pods: the host layer is skipped, which the fixed inventory ignores. */
  static final class NoSensors implements SensorPods {
    @Override
    public List<SensorPod> list() {
      return List.of();
    }

    @Override
    public String describe() {
      return "no sensors";
    }
  }
}

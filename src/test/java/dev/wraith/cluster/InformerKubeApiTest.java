package dev.wraith.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.LayerStatus;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The informer path against the list path on the same CRUD mock cluster (the realistic cluster fixtures): the same
 * scan, also after the cluster changed; a forbidden resource is the same warning; a cache is rebuilt from a full
 * list once it is older than the relist bound.
 */
@EnableKubernetesMockClient(crud = true)
class InformerKubeApiTest {
  static final InformerKubeApi.Settings FAST = new InformerKubeApi.Settings(Duration.ofSeconds(10), Duration.ofHours(1),
      Duration.ofSeconds(2));
  KubernetesClient client;
  KubernetesMockServer server;
  final MutableClock clock = new MutableClock();

  @BeforeEach
  void createCluster() throws Exception {
    // with correlate/in-cluster.yaml: Services backed by an EndpointSlice and by a selector alone
    MockCluster.create(client, MockCluster.read(client, List.of(ClusterFixtures.json(), ClusterFixtures.yaml(),
        Path.of(getClass().getResource("/correlate/in-cluster.yaml").toURI()))));
  }

  @Test
  void theInformerPathScansExactlyWhatTheListPathScans() throws Exception {
    try (InformerKubeApi informed = new InformerKubeApi(client, "mock", FAST, clock)) {
      ClusterScan listed = collect(new LiveKubeApi(client, "mock"));
      assertThat(listed.status().state()).isEqualTo(LayerStatus.State.RAN);
      assertThat(listed.workloads()).hasSizeGreaterThan(3);
      assertThat(informed.objects(EndpointSlice.class).itemsOrEmpty()).extracting(e -> e.getMetadata().getName())
          .containsExactly("litellm-x7k2p");
      assertThat(collect(informed)).isEqualTo(listed);

      client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("late-bot")
          .withNamespace("default").endMetadata().withNewSpec().addNewContainer().withName("c").withImage("app:1")
          .addNewEnv().withName("ANTHROPIC_API_KEY").withValue("x").endEnv().endContainer().endSpec().build()).create();
      ConfigMap cm = client.configMaps().inAnyNamespace().list().getItems().get(0);
      client.configMaps().inNamespace(cm.getMetadata().getNamespace()).withName(cm.getMetadata().getName())
          .edit(c -> {
            c.getData().put("EXTRA_URL", "https://api.mistral.ai/v1");
            return c;
          });
      ClusterScan changed = collect(new LiveKubeApi(client, "mock"));
      assertThat(changed).isNotEqualTo(listed);
      assertThat(changed.workloads()).extracting(w -> w.name()).contains("late-bot");
      assertThat(eventually(informed, changed)).isEqualTo(changed);
    }
  }

  @Test
  void aForbiddenResourceIsTheSameWarningAsAForbiddenList() {
    server.expect().get().withPath("/apis/rbac.authorization.k8s.io/v1/clusterroles?limit=500")
        .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
            .withMessage("clusterroles.rbac.authorization.k8s.io is forbidden: User \"wraith\" cannot list resource").build())
        .always();
    var settings = new InformerKubeApi.Settings(Duration.ofSeconds(2), Duration.ofHours(1), Duration.ofSeconds(1));
    try (InformerKubeApi informed = new InformerKubeApi(client, "mock", settings, Clock.systemUTC())) {
      ClusterScan scan = collect(informed);
      ClusterScan listed = collect(new LiveKubeApi(client, "mock"));

      assertThat(scan.status().state()).isEqualTo(LayerStatus.State.PARTIAL);
      String listWarning = listed.status().warnings().stream().filter(w -> w.startsWith("cannot list clusterroles"))
          .findFirst().orElseThrow();
      assertThat(scan.status().warnings()).singleElement().asString()
          .startsWith(listWarning.substring(0, listWarning.indexOf(')')))
          .contains("informer cache not synced");
      assertThat(scan.workloads()).isEqualTo(listed.workloads());
    }
  }

  @Test
  void aCacheOlderThanTheRelistBoundIsRebuiltFromAFullList() throws Exception {
    try (InformerKubeApi informed = new InformerKubeApi(client, "mock", FAST, clock)) {
      drainRequests();
      assertThat(informed.objects(Pod.class)).isInstanceOf(Fetch.Ok.class);
      informed.objects(Pod.class);
      clock.advance(Duration.ofMinutes(59));
      informed.objects(Pod.class);
      assertThat(podLists()).as("one list, then the watch").isEqualTo(1);

      clock.advance(Duration.ofMinutes(1));
      assertThat(informed.objects(Pod.class).itemsOrEmpty()).hasSize(client.pods().inAnyNamespace().list().getItems().size());
      assertThat(podLists()).as("a fresh informer, a fresh list").isEqualTo(1);
    }
  }

  @Test
  void aLostWatchFailsTheResourceInsteadOfServingAStaleCache() throws InterruptedException {
    var settings = new InformerKubeApi.Settings(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(1));
    try (InformerKubeApi informed = new InformerKubeApi(client, "mock", settings, clock)) {
      assertThat(informed.objects(Pod.class).itemsOrEmpty()).isNotEmpty();

      server.destroy();

      // the informer learns of the closed watch asynchronously: poll (bounded) until it has
      Fetch<?> after = informed.objects(Pod.class);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!(after instanceof Fetch.Failed) && System.nanoTime() < deadline) {
        Thread.sleep(50);
        after = informed.objects(Pod.class);
      }
      assertThat(after).isInstanceOf(Fetch.Failed.class);
      var failed = (Fetch.Failed<?>) after;
      assertThat(failed.reason()).isEqualTo(Failure.UNREACHABLE);
      assertThat(failed.detail()).endsWith("watch down, cached objects not used");
      ClusterScan scan = collect(informed);
      assertThat(scan.status().state()).isEqualTo(LayerStatus.State.FAILED);
      assertThat(scan.status().reason()).startsWith("cannot list pods: unreachable");
    }
  }

  private ClusterScan collect(KubeApi api) {
    return new ClusterCollector(CatalogueLoader.bundled()).collect(api, new AuditLogReader.Result(List.of(), 0, List.of()));
  }

  /** Informers are eventually consistent: poll (bounded) until the scan matches, then return the last one. */
  private ClusterScan eventually(InformerKubeApi api, ClusterScan expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    ClusterScan scan = collect(api);
    while (!scan.equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      scan = collect(api);
    }
    return scan;
  }

  private void drainRequests() throws InterruptedException {
    while (server.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
      // discard what the fixture set-up sent
    }
  }

  private int podLists() throws InterruptedException {
    int n = 0;
    RecordedRequest r;
    while ((r = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      if (r.getMethod().equals("GET") && r.getPath().equals("/api/v1/pods?limit=500")) n++;
    }
    return n;
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-03-02T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}

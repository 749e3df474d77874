package dev.wraith.incluster;

import static dev.wraith.incluster.InventoryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.FileInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The publisher against fabric8's CRUD mock API server, with the shipped CRDs installed on it. */
@EnableKubernetesMockClient(crud = true)
class PublisherTest {
  static final ResourceDefinitionContext AGENT_REPORTS = new ResourceDefinitionContext.Builder().withGroup("wraith.dev")
      .withVersion("v1alpha1").withKind("AgentReport").withPlural("agentreports").withNamespaced(true).build();
  static final ResourceDefinitionContext SUMMARIES = new ResourceDefinitionContext.Builder().withGroup("wraith.dev")
      .withVersion("v1alpha1").withKind("ClusterAgentSummary").withPlural("clusteragentsummaries").withNamespaced(false)
      .build();

  KubernetesClient client;
  KubernetesMockServer server;
  Publisher publisher;

  @BeforeEach
  void installCrds() throws Exception {
    installCrds(client);
    publisher = new Publisher(new KubeReportStore(noRetries(client)), new AgentReports("wraith-system"));
  }

  /** The scanner's client does not retry (the next cycle does); without this a 500 costs the test seconds of backoff. */
  static KubernetesClient noRetries(KubernetesClient client) {
    return new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
        new io.fabric8.kubernetes.client.ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0).build()).build();
  }

  static void installCrds(KubernetesClient client) throws Exception {
    for (String f : List.of("agentreports.wraith.dev.yaml", "clusteragentsummaries.wraith.dev.yaml")) {
      try (var in = new FileInputStream("deploy/crds/" + f)) {
        client.resource(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class)).create();
      }
    }
  }

  @Test
  void createsOneReportPerAgentAndTheSummary() {
    PublishResult r = publisher.publish(inventory(ghost(), confirmed(), codeOnly()));

    assertThat(r.failures()).isEmpty();
    assertThat(r.created()).isEqualTo(4); // three agents and the summary
    List<GenericKubernetesResource> all = reports();
    assertThat(all).extracting(g -> g.getMetadata().getNamespace() + "/" + g.getMetadata().getLabels().get("wraith.dev/classification"))
        .containsExactlyInAnyOrder("payments/CONFIRMED", "wraith-system/UNKNOWN", "wraith-system/GHOST");
    GenericKubernetesResource ghost = client.genericKubernetesResources(AGENT_REPORTS).inNamespace("wraith-system")
        .withLabel("wraith.dev/classification", "GHOST").list().getItems().get(0);
    assertThat(ghost.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "wraith")
        .containsEntry("wraith.dev/risk", "CRITICAL");
    assertThat((Object) ghost.get("spec", "process", "node")).isEqualTo("worker-1");
    assertThat((Object) ghost.get("status", "change")).isEqualTo("NEW");
    GenericKubernetesResource summary = client.genericKubernetesResources(SUMMARIES).withName("cluster").get();
    assertThat((Object) summary.get("spec", "ghosts")).isEqualTo(1);
    assertThat((Object) summary.get("spec", "publish", "created")).isEqualTo(3);
  }

  @Test
  void anUnchangedInventoryWritesNoAgentReport() {
    publisher.publish(inventory(ghost(), confirmed()));
    Map<String, String> versions = versions();

    PublishResult again = publisher.publish(inventory(ghost(), confirmed()));

    assertThat(again.unchanged()).isEqualTo(2);
    assertThat(again.created()).isZero();
    assertThat(again.updated()).isEqualTo(1); // the summary only
    assertThat(versions()).isEqualTo(versions);
  }

  @Test
  void aPublishCostsOneListingTheSummaryAndOneRequestPerChangedObject() throws Exception {
    publisher.publish(inventory(ghost(), confirmed()));
    requests();

    publisher.publish(inventory(ghost(), confirmed()));
    List<String> unchanged = requests();
    publisher.publish(inventory(ghost(), confirmed(Risk.CRITICAL)));
    List<String> oneChanged = requests();

    assertThat(unchanged).containsExactly("GET /apis/wraith.dev/v1alpha1/agentreports?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dwraith",
        "GET /apis/wraith.dev/v1alpha1/clusteragentsummaries/cluster", "PUT /apis/wraith.dev/v1alpha1/clusteragentsummaries/cluster");
    assertThat(oneChanged).hasSize(4)
        .contains("PUT /apis/wraith.dev/v1alpha1/namespaces/payments/agentreports/" + AgentReports.name(confirmed()));
  }

  /** The requests the server received since the last call, as "METHOD path". */
  private List<String> requests() throws InterruptedException {
    List<String> out = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) out.add(r.getMethod() + " " + r.getPath());
    return out;
  }

  @Test
  void seenTimesAloneRewriteAnAgentReportAtMostHourly() {
    java.time.Instant t = java.time.Instant.parse("2026-11-27T10:05:00Z");
    publisher.publish(inventory(seen(t)));

    PublishResult minutesLater = publisher.publish(inventory(seen(t.plusSeconds(20 * 60))));
    PublishResult nextHour = publisher.publish(inventory(seen(t.plusSeconds(60 * 60))));

    assertThat(minutesLater.unchanged()).isEqualTo(1);
    assertThat(nextHour.updated()).isEqualTo(2); // the AgentReport and the summary
    assertThat((Object) reports().get(0).get("status", "lastSeen")).isEqualTo("2026-11-27T11:05:00Z");
  }

  private static dev.wraith.model.InventoryAgent seen(java.time.Instant t) {
    return ghost().withHistory(java.util.Optional.of(t), java.util.Optional.of(t), dev.wraith.model.InventoryAgent.Change.UNTRACKED);
  }

  @Test
  void aChangedAgentIsUpdatedAndOtherToolsMetadataSurvives() {
    publisher.publish(inventory(confirmed()));
    GenericKubernetesResource before = reports().get(0);
    client.genericKubernetesResources(AGENT_REPORTS).inNamespace("payments").withName(before.getMetadata().getName())
        .edit(g -> {
          g.getMetadata().getLabels().put("team", "payments");
          return g;
        });

    PublishResult r = publisher.publish(inventory(confirmed(Risk.HIGH)));

    assertThat(r.updated()).isEqualTo(2);
    assertThat(r.failures()).isEmpty();
    GenericKubernetesResource after = reports().get(0);
    assertThat(after.getMetadata().getName()).isEqualTo(before.getMetadata().getName());
    assertThat(after.getMetadata().getLabels()).containsEntry("wraith.dev/risk", "HIGH").containsEntry("team", "payments");
    assertThat((Object) after.get("spec", "risk")).isEqualTo("HIGH");
  }

  @Test
  void staleReportsWraithOwnsAreDeletedOthersAreLeftAlone() {
    publisher.publish(inventory(ghost(), confirmed()));
    client.genericKubernetesResources(AGENT_REPORTS).inNamespace("payments").resource(foreign("hand-made")).create();

    PublishResult r = publisher.publish(inventory(confirmed()));

    assertThat(r.deleted()).isEqualTo(1);
    assertThat(reports()).extracting(g -> g.getMetadata().getName())
        .containsExactlyInAnyOrder(AgentReports.name(confirmed()), "hand-made");
  }

  @Test
  void aFailedLayerKeepsStaleReports() {
    publisher.publish(inventory(ghost(), confirmed()));

    PublishResult r = publisher.publish(inventory(List.of(LayerStatus.failed("host", "no sensors answered")), confirmed()));

    assertThat(r.deleted()).isZero();
    assertThat(r.notes()).containsExactly("stale AgentReports not removed: layer host failed");
    assertThat(reports()).hasSize(2);
  }

  @Test
  void aConflictIsRetriedFromAFreshRead() {
    publisher.publish(inventory(confirmed()));
    String path = "/apis/wraith.dev/v1alpha1/namespaces/payments/agentreports/" + AgentReports.name(confirmed());
    server.expect().put().withPath(path).andReturn(409, new StatusBuilder().withCode(409).withReason("Conflict")
        .withMessage("the object has been modified").build()).once();

    PublishResult r = publisher.publish(inventory(confirmed(Risk.CRITICAL)));

    assertThat(r.failures()).isEmpty();
    assertThat(r.updated()).isEqualTo(2);
    assertThat((Object) reports().get(0).get("spec", "risk")).isEqualTo("CRITICAL");
  }

  @Test
  void refusedAndFailedWritesBecomeFailuresAndTheRestIsPublished() {
    server.expect().post().withPath("/apis/wraith.dev/v1alpha1/namespaces/payments/agentreports")
        .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
            .withMessage("agentreports.wraith.dev is forbidden: User \"system:serviceaccount:wraith-system:wraith-scanner\" "
                + "cannot create resource").build()).always();
    server.expect().put().withPath("/apis/wraith.dev/v1alpha1/namespaces/wraith-system/agentreports/"
        + AgentReports.name(ghost())).andReturn(500, "etcdserver: request timed out").always();
    publisher.publish(inventory(ghost(), codeOnly()));

    PublishResult r = publisher.publish(inventory(ghost().withHistory(java.util.Optional.empty(), java.util.Optional.empty(),
        dev.wraith.model.InventoryAgent.Change.CHANGED), confirmed(), codeOnly()));

    assertThat(r.failures()).hasSize(2);
    assertThat(r.failures().get(0)).startsWith("create agentreports payments/support-bot").contains("403 Forbidden")
        .contains("cannot create resource");
    assertThat(r.failures().get(1)).startsWith("update agentreports wraith-system/x-py-").contains("500");
    assertThat(r.unchanged()).isEqualTo(1);
    assertThat(r.status().state()).isEqualTo(LayerStatus.State.PARTIAL);
    GenericKubernetesResource summary = client.genericKubernetesResources(SUMMARIES).withName("cluster").get();
    assertThat((Object) summary.get("spec", "publish", "failed")).isEqualTo(2);
    assertThat((List<?>) summary.get("spec", "publish", "errors")).hasSize(2);
  }

  @Test
  void anUnlistableKindSkipsStaleRemovalButStillWrites() {
    server.expect().get().withPath("/apis/wraith.dev/v1alpha1/agentreports?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dwraith")
        .andReturn(500, "etcdserver: leader changed").always();

    PublishResult r = publisher.publish(inventory(ghost()));

    assertThat(r.failures()).singleElement().asString().startsWith("list agentreports: 500");
    assertThat(r.notes()).containsExactly("stale AgentReports not removed: they could not be listed");
    assertThat(r.created()).isEqualTo(2);
  }

  private List<GenericKubernetesResource> reports() {
    return client.genericKubernetesResources(AGENT_REPORTS).inAnyNamespace().list().getItems();
  }

  private Map<String, String> versions() {
    Map<String, String> m = new java.util.TreeMap<>();
    reports().forEach(g -> m.put(g.getMetadata().getName(), g.getMetadata().getResourceVersion()));
    return m;
  }

  private static GenericKubernetesResource foreign(String name) {
    var g = new GenericKubernetesResource();
    g.setApiVersion("wraith.dev/v1alpha1");
    g.setKind("AgentReport");
    g.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace("payments").build());
    g.setAdditionalProperties(Map.of("spec", Map.of("agentId", "x", "name", "x", "classification", "GHOST", "risk", "LOW")));
    return g;
  }
}

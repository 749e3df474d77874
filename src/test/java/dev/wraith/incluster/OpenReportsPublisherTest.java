package dev.wraith.incluster;

import static dev.wraith.incluster.InventoryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.FileInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenReports objects published on fabric8's CRUD mock API server with the bundled OpenReports CRDs installed: what is
 * written is valid against the CRD's schema (types, enums, required fields) and holds no field the API server would
 * prune, and it follows the AgentReport publishing rules (only changes written, owned stale objects deleted unless a
 * layer failed, 409 retried, 403 a failure in the result, an absent CRD a note).
 */
@EnableKubernetesMockClient(crud = true)
class OpenReportsPublisherTest {
  static final ResourceDefinitionContext REPORTS = context("Report", "reports", true);
  static final ResourceDefinitionContext CLUSTER_REPORTS = context("ClusterReport", "clusterreports", false);
  static final ObjectMapper JSON = new ObjectMapper();
  KubernetesClient client;
  KubernetesMockServer server;
  Publisher publisher;

  @BeforeEach
  void installCrds() throws Exception {
    PublisherTest.installCrds(client);
    for (String f : DeployManifestsTest.OPEN_REPORTS_CRDS) {
      try (var in = new FileInputStream(Path.of("deploy/openreports", f).toFile())) {
        client.resource(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class)).create();
      }
    }
    publisher = new Publisher(new KubeReportStore(PublisherTest.noRetries(client)), new AgentReports("wraith-system"),
        Optional.of(new OpenReports("wraith-system")));
  }

  @Test
  void aReportPerNamespaceAndAClusterReportForNodeAgentsValidAgainstTheCrd() throws Exception {
    PublishResult r = publisher.publish(inventory(ghost(), confirmed()));

    assertThat(r.failures()).isEmpty();
    assertThat(r.created()).isEqualTo(5); // two AgentReports, a Report, a ClusterReport, the summary
    GenericKubernetesResource payments = client.genericKubernetesResources(REPORTS).inNamespace("payments")
        .withName("wraith-agents").get();
    assertThat((Object) payments.get("source")).isEqualTo("wraith");
    assertThat(payments.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "wraith");
    assertThat(map(payments.get("summary"))).containsEntry("pass", 1).containsEntry("fail", 0);
    Map<String, Object> support = map(list(payments.get("results")).get(0));
    assertThat(support).containsEntry("policy", "wraith-ai-agents").containsEntry("rule", "confirmed")
        .containsEntry("result", "pass").containsEntry("severity", "medium");
    assertThat(list(support.get("resources"))).containsExactly(Map.of("apiVersion", "apps/v1", "kind", "Deployment",
        "namespace", "payments", "name", "support-bot"));
    assertThat(map(support.get("properties"))).containsEntry("agentReport", "payments/" + AgentReports.name(confirmed()))
        .containsEntry("providers", "anthropic,openai");

    GenericKubernetesResource nodes = client.genericKubernetesResources(CLUSTER_REPORTS).withName("wraith-agents").get();
    Map<String, Object> ghost = map(list(nodes.get("results")).get(0));
    assertThat(ghost).containsEntry("rule", "ghost").containsEntry("result", "fail").containsEntry("severity", "critical");
    assertThat(list(ghost.get("resources"))).containsExactly(Map.of("apiVersion", "v1", "kind", "Node", "name", "worker-1"));
    assertThat(ghost.get("timestamp")).isEqualTo(Map.of("seconds", (int) T0.minusSeconds(30).getEpochSecond(), "nanos", 0));
    assertThat(ghost.toString()).doesNotContain("--api-key");

    assertThat(problems(payments, "reports.openreports.io.yaml")).isEmpty();
    assertThat(problems(nodes, "clusterreports.openreports.io.yaml")).isEmpty();
  }

  @Test
  void theSchemaCheckCatchesAWrongEnumAMissingPolicyAndAPrunedField() throws Exception {
    publisher.publish(inventory(confirmed()));
    ObjectNode report = JSON.valueToTree(client.genericKubernetesResources(REPORTS).inNamespace("payments")
        .withName("wraith-agents").get());
    ObjectNode result = (ObjectNode) report.path("results").get(0);
    result.put("severity", "urgent");
    result.remove("policy");
    result.put("agent", "not in the schema");

    List<String> problems = problems(report, "reports.openreports.io.yaml");

    assertThat(problems).hasSize(3).anyMatch(p -> p.contains("severity")).anyMatch(p -> p.contains("policy"))
        .anyMatch(p -> p.contains("pruned: results[].agent"));
  }

  @Test
  void onlyChangesAreWrittenAndStaleReportsGoUnlessALayerFailed() {
    publisher.publish(inventory(ghost(), confirmed()));
    Map<String, String> versions = versions();

    PublishResult same = publisher.publish(inventory(ghost(), confirmed()));
    assertThat(same.unchanged()).isEqualTo(4);
    assertThat(versions()).isEqualTo(versions);

    PublishResult failedLayer = publisher.publish(inventory(List.of(LayerStatus.failed("host", "no sensors")), confirmed()));
    assertThat(failedLayer.deleted()).isZero();
    assertThat(failedLayer.notes()).contains("stale ClusterReports not removed: layer host failed");

    PublishResult gone = publisher.publish(inventory(confirmed(Risk.HIGH)));
    assertThat(gone.deleted()).isEqualTo(2); // the ghost's AgentReport and the ClusterReport
    assertThat(client.genericKubernetesResources(CLUSTER_REPORTS).list().getItems()).isEmpty();
    assertThat(firstSeverity("payments")).isEqualTo("high");
  }

  @Test
  void aConflictIsRetriedAndARefusalIsAFailureNotACrash() {
    publisher.publish(inventory(confirmed()));
    server.expect().put().withPath("/apis/openreports.io/v1alpha1/namespaces/payments/reports/wraith-agents")
        .andReturn(409, new StatusBuilder().withCode(409).withReason("Conflict").withMessage("modified").build()).once();
    server.expect().post().withPath("/apis/openreports.io/v1alpha1/clusterreports")
        .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
            .withMessage("clusterreports.openreports.io is forbidden").build()).always();

    PublishResult r = publisher.publish(inventory(ghost(), confirmed(Risk.CRITICAL)));

    assertThat(r.failures()).singleElement().asString().startsWith("create clusterreports wraith-agents: 403 Forbidden");
    assertThat(firstSeverity("payments")).isEqualTo("critical");
    assertThat(client.genericKubernetesResources(PublisherTest.AGENT_REPORTS).inAnyNamespace().list().getItems()).hasSize(2);
  }

  @Test
  void withoutTheCrdsOpenReportsAreANoteAndEverythingElseIsPublished() {
    for (String plural : List.of("reports", "clusterreports")) {
      server.expect().get().withPath("/apis/openreports.io/v1alpha1/" + plural
          + "?labelSelector=app.kubernetes.io%2Fmanaged-by%3Dwraith").andReturn(404, new StatusBuilder().withCode(404)
          .withReason("NotFound").withMessage("the server could not find the requested resource").build()).always();
    }

    PublishResult r = publisher.publish(inventory(ghost(), confirmed()));

    assertThat(r.failures()).isEmpty();
    assertThat(r.created()).isEqualTo(3);
    assertThat(r.notes()).containsExactly(
        "Reports not published: the CRD reports.openreports.io is not installed (apply deploy/openreports/, or run with --openreports=false)",
        "ClusterReports not published: the CRD clusterreports.openreports.io is not installed (apply deploy/openreports/, or run with --openreports=false)");
  }

  @Test
  void optedOutNoOpenReportsAreWritten() {
    new Publisher(new KubeReportStore(client), new AgentReports("wraith-system")).publish(inventory(ghost(), confirmed()));
    assertThat(client.genericKubernetesResources(REPORTS).inAnyNamespace().list().getItems()).isEmpty();
    assertThat(client.genericKubernetesResources(CLUSTER_REPORTS).list().getItems()).isEmpty();
  }

  /** Schema violations and fields a real API server would prune (not declared by the structural schema). */
  static List<String> problems(Object object, String crdFile) throws Exception {
    JsonNode crd = DeployManifestsTest.YAML.readTree(Path.of("deploy/openreports", crdFile).toFile());
    JsonNode schemaNode = crd.at("/spec/versions/0/schema/openAPIV3Schema");
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schemaNode);
    JsonNode doc = JSON.valueToTree(object);
    List<String> out = new ArrayList<>();
    schema.validate(doc).forEach(m -> out.add(m.getMessage()));
    pruned(doc, schemaNode, "", out);
    return out;
  }

  private static void pruned(JsonNode doc, JsonNode schema, String at, List<String> out) {
    if (doc.isObject() && schema.has("properties")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
        var e = it.next();
        JsonNode sub = schema.path("properties").get(e.getKey());
        if (sub == null) out.add("pruned: " + (at.isEmpty() ? "" : at + ".") + e.getKey());
        else if (!e.getKey().equals("metadata")) pruned(e.getValue(), sub, (at.isEmpty() ? "" : at + ".") + e.getKey(), out);
      }
    } else if (doc.isArray() && schema.has("items")) {
      for (JsonNode item : doc) pruned(item, schema.get("items"), at + "[]", out);
    }
  }

  private Object firstSeverity(String namespace) {
    return map(list(client.genericKubernetesResources(REPORTS).inNamespace(namespace).withName("wraith-agents").get()
        .get("results")).get(0)).get("severity");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  private Map<String, String> versions() {
    Map<String, String> m = new TreeMap<>();
    for (var ctx : List.of(REPORTS, CLUSTER_REPORTS, PublisherTest.AGENT_REPORTS)) {
      client.genericKubernetesResources(ctx).inAnyNamespace().list().getItems().forEach(g -> m.put(
          g.getKind() + "/" + g.getMetadata().getNamespace() + "/" + g.getMetadata().getName(), g.getMetadata().getResourceVersion()));
    }
    return m;
  }

  private static ResourceDefinitionContext context(String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder().withGroup("openreports.io").withVersion("v1alpha1").withKind(kind)
        .withPlural(plural).withNamespaced(namespaced).build();
  }
}

package dev.wraith.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Lineage;
import dev.wraith.model.ReachReason;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live reader against fabric8's CRUD mock API server, with objects created through the API. */
@EnableKubernetesMockClient(crud = true)
class LiveKubeApiTest {
  static KubernetesClient client;
  static KubernetesMockServer server;

  @BeforeEach
  void createObjects() {
    client.apps().deployments().inNamespace("rag").resource(new DeploymentBuilder()
        .withNewMetadata().withName("retriever").withNamespace("rag")
        .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration", "{}").endMetadata()
        .withNewSpec().withNewSelector().addToMatchLabels("app", "retriever").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "retriever").endMetadata()
        .withNewSpec().addNewContainer().withName("app").withImage("rag/retriever:1").endContainer().endSpec().endTemplate()
        .endSpec().build()).createOr(r -> r.update());
    client.apps().replicaSets().inNamespace("rag").resource(new ReplicaSetBuilder()
        .withNewMetadata().withName("retriever-5c9f").withNamespace("rag")
        .addNewOwnerReference().withKind("Deployment").withName("retriever").withApiVersion("apps/v1").withUid("u1")
        .withController(true).endOwnerReference().endMetadata().build()).createOr(r -> r.update());
    client.pods().inNamespace("rag").resource(new PodBuilder()
        .withNewMetadata().withName("retriever-5c9f-abcde").withNamespace("rag").addToLabels("app", "retriever")
        .addNewOwnerReference().withKind("ReplicaSet").withName("retriever-5c9f").withApiVersion("apps/v1").withUid("u2")
        .withController(true).endOwnerReference().endMetadata()
        .withNewSpec().withServiceAccountName("retriever")
        .addNewContainer().withName("app").withImage("rag/retriever:1")
        .addNewEnv().withName("QDRANT_API_KEY").withValue("qd-PLANTED-SECRET").endEnv()
        .addNewEnvFrom().withNewConfigMapRef().withName("rag-config").endConfigMapRef().endEnvFrom()
        .endContainer().endSpec().build()).createOr(r -> r.update());
    client.configMaps().inNamespace("rag").resource(new ConfigMapBuilder().withNewMetadata().withName("rag-config")
        .withNamespace("rag").endMetadata().withData(Map.of("LLM_URL", "https://api.groq.com/openai/v1")).build())
        .createOr(r -> r.update());
    client.secrets().inNamespace("rag").resource(new SecretBuilder().withNewMetadata().withName("k").withNamespace("rag")
        .endMetadata().withStringData(Map.of("key", "never-read")).build()).createOr(r -> r.update());
    client.v1().events().inNamespace("rag").resource(new io.fabric8.kubernetes.api.model.EventBuilder().withNewMetadata()
        .withName("retriever.1").withNamespace("rag").endMetadata().withReason("Started")
        .withLastTimestamp("2026-03-02T12:00:00Z").withNewInvolvedObject().withKind("Pod").withName("retriever-5c9f-abcde")
        .withNamespace("rag").withFieldPath("spec.ephemeralContainers{dbg}").endInvolvedObject().build()).createOr(r -> r.update());
    client.v1().events().inNamespace("rag").resource(new io.fabric8.kubernetes.api.model.EventBuilder().withNewMetadata()
        .withName("retriever.2").withNamespace("rag").endMetadata().withReason("Pulled")
        .withNewInvolvedObject().withKind("Pod").withName("retriever-5c9f-abcde").withNamespace("rag")
        .withFieldPath("spec.ephemeralContainers{other}").endInvolvedObject().build()).createOr(r -> r.update());
    client.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName("god").endMetadata()
        .addNewRule().withApiGroups("*").withResources("*").withVerbs("*").endRule().build()).createOr(r -> r.update());
    client.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata().withName("retriever-god")
        .endMetadata().withNewRoleRef().withKind("ClusterRole").withName("god").withApiGroup("rbac.authorization.k8s.io")
        .endRoleRef().addNewSubject().withKind("ServiceAccount").withName("retriever").withNamespace("rag").endSubject()
        .build()).createOr(r -> r.update());
  }

  @Test
  void collectsFromTheApiServer() {
    ClusterScan scan = new ClusterCollector(CatalogueLoader.bundled())
        .collect(new LiveKubeApi(client, "mock"), new AuditLogReader.Result(List.of(), 0, List.of()));
    assertThat(scan.status().state()).isEqualTo(LayerStatus.State.RAN);
    assertThat(scan.workloads()).hasSize(1);
    var w = scan.workloads().get(0);
    assertThat(w.kind() + "/" + w.name()).isEqualTo("Deployment/retriever");
    assertThat(w.lineage()).isEqualTo(Lineage.MANUAL);
    assertThat(w.providers()).containsExactly("groq", "qdrant");
    assertThat(w.reach()).extracting(ReachReason::kind).containsExactly(ReachReason.Kind.CLUSTER_ADMIN);
    assertThat(w.execSessions()).as(scan.execSessions() + " " + scan.status()).extracting(s -> s.container()).containsExactly("dbg");
    assertThat(scan.toString()).doesNotContain("PLANTED").doesNotContain("never-read");
  }
}

package dev.wraith.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.LayerStatus;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code --namespace} in live mode, for a user whose RBAC is namespace-scoped: every namespaced list goes to
 * the namespace's own path, cluster-scoped RBAC is tried once, and its 403 leaves the layer partial with reach
 * marked incomplete. Paths the mock does not expect answer 404.
 */
@EnableKubernetesMockClient
class LiveKubeApiNamespacesTest {
  KubernetesClient client;
  KubernetesMockServer server;

  @Test
  void listsOnlyTheGivenNamespacesAndReportsForbiddenClusterRbacAsIncompleteReach() throws Exception {
    for (String ns : List.of("agents", "ml")) {
      server.expect().get().withPath("/api/v1/namespaces/" + ns + "/pods?limit=500").andReturn(200, new PodListBuilder()
          .withNewMetadata().endMetadata().addToItems(new PodBuilder().withNewMetadata().withName("bot-" + ns).withNamespace(ns)
              .endMetadata().withNewSpec().addNewContainer().withName("c").withImage("ollama/ollama:0.3").endContainer()
              .endSpec().build()).build()).always();
    }
    for (String path : List.of("clusterroles", "clusterrolebindings")) {
      server.expect().get().withPath("/apis/rbac.authorization.k8s.io/v1/" + path + "?limit=500")
          .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").withMessage(path + " is forbidden").build())
          .always();
    }

    ClusterScan scan;
    try (LiveKubeApi api = new LiveKubeApi(client, "mock", List.of("agents", "ml"))) {
      scan = new ClusterCollector(CatalogueLoader.bundled()).collect(api, new AuditLogReader.Result(List.of(), 0, List.of()));
      assertThat(api.sources()).containsExactly("mock, namespaces agents,ml");
    }

    assertThat(scan.status().state()).isEqualTo(LayerStatus.State.PARTIAL);
    assertThat(scan.workloads()).extracting(w -> w.namespace() + "/" + w.name()).containsExactly("agents/bot-agents", "ml/bot-ml");
    assertThat(scan.status().warnings())
        .anyMatch(w -> w.startsWith("cannot list clusterroles: forbidden") && w.endsWith("— reach analysis incomplete"))
        .anyMatch(w -> w.startsWith("cannot list clusterrolebindings: forbidden") && w.endsWith("— reach analysis incomplete"));
    List<String> paths = new ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) paths.add(server.takeRequest(1, TimeUnit.SECONDS).getPath());
    assertThat(paths).isNotEmpty().allMatch(p -> p.contains("/namespaces/agents/") || p.contains("/namespaces/ml/")
        || p.contains("/clusterroles?") || p.contains("/clusterrolebindings?"));
    assertThat(paths).filteredOn(p -> p.contains("/pods?")).hasSize(2);
  }
}

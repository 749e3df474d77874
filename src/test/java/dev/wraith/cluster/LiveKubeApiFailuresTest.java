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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expectation mode: one resource answers 403, another 500, the rest 404 (the mock's default for unexpected
 * paths). The layer is partial with one warning per resource; a 401 on pods fails it.
 */
@EnableKubernetesMockClient
class LiveKubeApiFailuresTest {
  KubernetesClient client;
  KubernetesMockServer server;

  private ClusterScan collect() {
    try (LiveKubeApi api = LiveKubeApi.withConfig(client.getConfiguration(), new LiveKubeApi.Settings(null, null, 30_000, 30_000))) {
      return new ClusterCollector(CatalogueLoader.bundled()).collect(api, new AuditLogReader.Result(List.of(), 0, List.of()));
    }
  }

  @Test
  void forbiddenAndServerErrorsBecomePerResourceWarnings() {
    server.expect().get().withPath("/api/v1/pods?limit=500").andReturn(200, new PodListBuilder().withNewMetadata().endMetadata()
        .addToItems(new PodBuilder().withNewMetadata().withName("bot").withNamespace("x").endMetadata().withNewSpec()
            .addNewContainer().withName("c").withImage("ollama/ollama:latest").endContainer().endSpec().build()).build())
        .always();
    server.expect().get().withPath("/apis/rbac.authorization.k8s.io/v1/clusterroles?limit=500")
        .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden")
            .withMessage("clusterroles.rbac.authorization.k8s.io is forbidden: User \"wraith\" cannot list resource").build())
        .always();
    server.expect().get().withPath("/api/v1/configmaps?limit=500").andReturn(500, "etcdserver: request timed out").always();

    ClusterScan scan = collect();

    assertThat(scan.status().state()).as(scan.status().toString()).isEqualTo(LayerStatus.State.PARTIAL);
    assertThat(scan.workloads()).extracting(w -> w.name()).containsExactly("bot");
    assertThat(scan.status().warnings())
        .anyMatch(w -> w.startsWith("cannot list clusterroles: forbidden") && w.contains("cannot list resource"))
        .anyMatch(w -> w.startsWith("cannot list configmaps: server-error"))
        .anyMatch(w -> w.startsWith("cannot list roles: not-found"));
  }

  @Test
  void unauthorizedPodsFailTheLayer() {
    server.expect().get().withPath("/api/v1/pods?limit=500").andReturn(401, new StatusBuilder().withCode(401)
        .withMessage("Unauthorized").build()).always();
    ClusterScan scan = collect();
    assertThat(scan.status().state()).isEqualTo(LayerStatus.State.FAILED);
    assertThat(scan.status().reason()).startsWith("cannot list pods: unauthorized");
  }
}

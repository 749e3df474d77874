package dev.wraith.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotKubeApiTest {
  @TempDir Path dir;

  @Test
  void readsKubectlJsonListAndMultiDocumentYaml() {
    SnapshotKubeApi api = SnapshotKubeApi.read(List.of(ClusterFixtures.json(), ClusterFixtures.yaml()));
    assertThat(api.pods().itemsOrEmpty()).extracting(p -> p.getMetadata().getName())
        .contains("coredns-5d78c9869d-x7k2p", "scratch-agent", "ollama-0", "vllm-llama-6c8d7f9b4-7xq2z");
    assertThat(api.workloads("Deployment").itemsOrEmpty()).extracting(HasMetadata::getMetadata)
        .extracting(m -> m.getNamespace() + "/" + m.getName())
        .containsExactlyInAnyOrder("kube-system/coredns", "payments/checkout-api", "web/web", "inference/vllm-llama");
    assertThat(api.clusterRoles().itemsOrEmpty()).hasSize(2);
    assertThat(api.roleBindings().itemsOrEmpty()).hasSize(1);
    assertThat(api.events().itemsOrEmpty()).hasSize(2);
    assertThat(api.sources()).hasSize(2);
  }

  @Test
  void dropsSecretsUnreadAndReducesConfigMapsToKeysAndEndpoints() {
    SnapshotKubeApi api = SnapshotKubeApi.read(List.of(ClusterFixtures.json(), ClusterFixtures.yaml()));
    assertThat(api.secretsIgnored()).isEqualTo(2);
    ConfigMapKeys embed = api.configMaps().itemsOrEmpty().stream().filter(c -> c.name().equals("embed-config")).findFirst().orElseThrow();
    assertThat(embed.endpointsByKey()).containsOnlyKeys("BATCH_SIZE", "EMBED_ENDPOINT", "QDRANT_URL");
    assertThat(embed.endpointsByKey().get("EMBED_ENDPOINT")).containsExactly("https://api.mistral.ai/v1/embeddings");
    assertThat(embed.endpointsByKey().toString()).doesNotContain("hunter2").doesNotContain("SECRET_Q");
  }

  @Test
  void readsSingleObjectsTypedListsWithoutItemKindsAndDefaultsTheNamespace() throws IOException {
    Path single = Files.writeString(dir.resolve("pod.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata: {name: lone}
        spec:
          containers: [{name: c, image: ollama/ollama}]
        """);
    Path typed = Files.writeString(dir.resolve("pods.json"), """
        {"items":[{"metadata":{"name":"a","namespace":"x"},"spec":{"containers":[]}}],"kind":"PodList","apiVersion":"v1"}
        """);
    SnapshotKubeApi api = SnapshotKubeApi.read(List.of(single, typed));
    assertThat(api.pods().itemsOrEmpty()).extracting(Pod::getMetadata).extracting(m -> m.getNamespace() + "/" + m.getName())
        .containsExactly("default/lone", "x/a");
  }

  @Test
  void aBrokenFileIsNamedInTheError() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"items\": [ {\"kind\": ");
    assertThatThrownBy(() -> SnapshotKubeApi.read(List.of(bad)))
        .isInstanceOf(SnapshotKubeApi.SnapshotException.class).hasMessageContaining("bad.json");
  }
}

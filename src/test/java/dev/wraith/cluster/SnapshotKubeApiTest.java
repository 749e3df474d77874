package dev.wraith.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
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
    assertThat(api.objects(Pod.class).itemsOrEmpty()).extracting(p -> p.getMetadata().getName())
        .contains("coredns-5d78c9869d-x7k2p", "scratch-agent", "ollama-0", "vllm-llama-6c8d7f9b4-7xq2z");
    assertThat(api.workloads("Deployment").itemsOrEmpty()).extracting(HasMetadata::getMetadata)
        .extracting(m -> m.getNamespace() + "/" + m.getName())
        .containsExactlyInAnyOrder("kube-system/coredns", "payments/checkout-api", "web/web", "inference/vllm-llama");
    assertThat(api.objects(ClusterRole.class).itemsOrEmpty()).hasSize(2);
    assertThat(api.objects(RoleBinding.class).itemsOrEmpty()).hasSize(1);
    assertThat(api.objects(Event.class).itemsOrEmpty()).hasSize(2);
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
    assertThat(api.objects(Pod.class).itemsOrEmpty()).extracting(Pod::getMetadata).extracting(m -> m.getNamespace() + "/" + m.getName())
        .containsExactly("default/lone", "x/a");
  }

  @Test
  void aBrokenFileIsNamedInTheError() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"items\": [ {\"kind\": ");
    assertThatThrownBy(() -> SnapshotKubeApi.read(List.of(bad)))
        .isInstanceOf(SnapshotKubeApi.SnapshotException.class).hasMessageContaining("bad.json");
  }

  @Test
  void filesWithoutKubernetesObjectsSaySo() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.json"), "");
    Path braces = Files.writeString(dir.resolve("braces.json"), "{}");
    Path hello = Files.writeString(dir.resolve("hello.yaml"), "hello: world\n");
    SnapshotKubeApi api = SnapshotKubeApi.read(List.of(empty, braces, hello));
    assertThat(api.warnings()).containsExactly(empty + ": empty, no Kubernetes objects",
        braces + ": holds no Kubernetes objects (nothing with a 'kind'); give the output of 'kubectl get -o json' or '-o yaml'",
        hello + ": holds no Kubernetes objects (nothing with a 'kind'); give the output of 'kubectl get -o json' or '-o yaml'");
  }

  @Test
  void anOversizeOrDeepObjectIsSkippedAndTheOthersAreRead() throws IOException {
    String pod = "{\"kind\":\"Pod\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"x\"},\"spec\":{\"containers\":[]}}";
    Path json = Files.writeString(dir.resolve("pods.json"), "{\"kind\":\"List\",\"items\":[" + pod.formatted("a") + ","
        + pod.formatted("b" + "x".repeat(5000)) + "," + "[".repeat(300) + "]".repeat(300) + "," + pod.formatted("c") + "]}");
    SnapshotKubeApi api = SnapshotKubeApi.read(List.of(json), dev.wraith.files.Limits.DEFAULT.withDocumentBytes(4096));
    assertThat(api.objects(Pod.class).itemsOrEmpty()).extracting(p -> p.getMetadata().getName()).containsExactly("a", "c");
    assertThat(api.warnings()).containsExactly(json + ": the value at byte 104 is larger than 4 KiB; skipped",
        json + ": the value at byte 5184 is nested deeper than 128 levels; skipped");
  }

  @Test
  void yamlListsAreReadEntryByEntryWithLinesCountedFromTheTop() throws IOException {
    Path yaml = Files.writeString(dir.resolve("pods.yaml"), """
        apiVersion: v1
        items:
        - apiVersion: v1
          kind: Pod
          metadata: {name: a, namespace: x}
        - metadata: {name: b, namespace: x
          broken: [
        - metadata: {name: c, namespace: x}
        kind: PodList
        """);
    SnapshotKubeApi api = SnapshotKubeApi.read(List.of(yaml));
    assertThat(api.objects(Pod.class).itemsOrEmpty()).extracting(p -> p.getMetadata().getName()).containsExactly("a", "c");
    assertThat(api.warnings()).singleElement().asString().startsWith(yaml + ":6: not valid YAML at line 7");
  }

  @Test
  void aFileOfOnlyBrokenObjectsIsAnError() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "kind: Pod\nmetadata: {name: [\n");
    assertThatThrownBy(() -> SnapshotKubeApi.read(List.of(bad))).isInstanceOf(SnapshotKubeApi.SnapshotException.class)
        .hasMessage(bad + ":1: not valid YAML at line 2, column 19; nothing in the file could be read");
  }
}

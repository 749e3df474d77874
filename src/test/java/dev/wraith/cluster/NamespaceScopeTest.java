package dev.wraith.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.ReachReason;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceScopeTest {
  static final SnapshotKubeApi SNAPSHOT = SnapshotKubeApi.read(List.of(ClusterFixtures.json(), ClusterFixtures.yaml()));

  @Test
  void snapshotsAreFilteredToTheNamespacesAndKeepClusterScopedRbac() {
    KubeApi scoped = NamespaceScope.of(SNAPSHOT, List.of("payments", "default"));
    ClusterScan scan = new ClusterCollector(CatalogueLoader.bundled()).collect(scoped, new AuditLogReader.Result(List.of(), 0, List.of()));
    assertThat(scan.workloads()).extracting(w -> w.namespace() + "/" + w.name())
        .containsExactly("default/scratch-agent", "payments/checkout-api");
    assertThat(scoped.objects(Pod.class).itemsOrEmpty()).allMatch(p -> List.of("payments", "default").contains(p.getMetadata().getNamespace()));
    assertThat(scoped.objects(ClusterRoleBinding.class).itemsOrEmpty()).isNotEmpty();
    assertThat(scan.workloads().get(0).reach()).extracting(ReachReason::kind).containsExactly(ReachReason.Kind.READ_SECRETS);
    assertThat(scoped.sources()).last().isEqualTo("namespaces default,payments");
  }

  @Test
  void noNamespacesMeansTheApiItself() {
    assertThat(NamespaceScope.of(SNAPSHOT, List.of())).isSameAs(SNAPSHOT);
  }
}

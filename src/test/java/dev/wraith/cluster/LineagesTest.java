package dev.wraith.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Lineage;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

class LineagesTest {
  static final ObjectMeta PLAIN = new ObjectMetaBuilder().withName("x").build();

  @Test
  void staticPodsWinOverEverything() {
    ObjectMeta mirror = new ObjectMetaBuilder().withName("etcd-node-a").addToAnnotations("kubernetes.io/config.mirror", "abc")
        .addToLabels("app.kubernetes.io/managed-by", "Helm").build();
    assertThat(Lineages.of(mirror, mirror, false, "").lineage()).isEqualTo(Lineage.STATIC_POD);
  }

  @Test
  void gitopsBeforeHelmBecauseArgoAndFluxOftenRenderCharts() {
    ObjectMeta both = new ObjectMetaBuilder().withName("x").addToLabels("app.kubernetes.io/managed-by", "Helm")
        .addToLabels("helm.toolkit.fluxcd.io/name", "rel").build();
    assertThat(Lineages.of(both, PLAIN, false, "").lineage()).isEqualTo(Lineage.GITOPS);
  }

  @Test
  void customResourceOwnersAreOperators() {
    var v = Lineages.of(PLAIN, PLAIN, false, "InferenceService/llama");
    assertThat(v.lineage()).isEqualTo(Lineage.OPERATOR);
    assertThat(v.evidence()).containsExactly("owned by InferenceService/llama");
  }

  @Test
  void controllerWithoutMarkersIsUnknownAndNotUnmanaged() {
    var v = Lineages.of(PLAIN, PLAIN, false, "");
    assertThat(v.lineage()).isEqualTo(Lineage.UNKNOWN);
    assertThat(v.lineage().unmanaged()).isFalse();
  }

  @Test
  void markersComeFromTheCatalogueNotFromCode() {
    var custom = new Lineages(java.util.List.of(new dev.wraith.catalogue.LineageMarker("in-house-deployer",
        dev.wraith.catalogue.LineageMarker.Kind.GITOPS, "deployer.example.com/app", "", "", "")));
    ObjectMeta marked = new ObjectMetaBuilder().withName("x").addToLabels("deployer.example.com/app", "agent")
        .addToLabels("app.kubernetes.io/managed-by", "Helm").build();
    var v = custom.verdict(marked, PLAIN, false, "");
    assertThat(v.lineage()).isEqualTo(Lineage.GITOPS);
    assertThat(v.evidence()).containsExactly("label deployer.example.com/app=agent");
  }
}

package dev.wraith.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which clusters a scan reads, and which names identity keys can hold. */
class ClusterTargetTest {
  static ClusterTarget.Snapshot file(String name, String path) {
    return new ClusterTarget.Snapshot(name, Path.of(path));
  }

  @Test
  void bareFilesAreTheOneUnnamedClusterAndNamedFilesOneClusterEach() {
    assertThat(ClusterTarget.offline(List.of(file("", "snap.json"), file("", "rbac.json"))))
        .containsExactly(new ClusterTarget("", List.of(Path.of("snap.json"), Path.of("rbac.json")), java.util.Optional.empty()));
    assertThat(ClusterTarget.offline(List.of(file("eu", "eu.json"), file("us", "us.json"))))
        .extracting(t -> t.name() + "=" + t.snapshots()).containsExactly("eu=[eu.json]", "us=[us.json]");
  }

  @Test
  void oneContextIsUnnamedSeveralAreNamedByTheirContexts() {
    assertThat(ClusterTarget.live(List.of())).extracting(ClusterTarget::name, ClusterTarget::context)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("", java.util.Optional.empty()));
    assertThat(ClusterTarget.live(List.of("prod"))).extracting(ClusterTarget::name).containsExactly("");
    assertThat(ClusterTarget.live(List.of("arn:aws:eks:eu-west-1:123456789012:cluster/prod", "gke_acme_europe-west1_prod")))
        .extracting(ClusterTarget::name)
        .containsExactly("arn:aws:eks:eu-west-1:123456789012:cluster/prod", "gke_acme_europe-west1_prod");
  }

  @Test
  void namesThatWouldBreakKeysOrValuesAreRefusedWithTheirOption() {
    Map<String, String> bad = Map.of("a@b", "cannot name a cluster", "a|b", "cannot name a cluster", "a b", "cannot name a cluster",
        "-x", "cannot name a cluster", "x".repeat(254), "cannot name a cluster");
    bad.forEach((name, why) -> {
      assertThatThrownBy(() -> ClusterTarget.offline(List.of(file(name, "f.json")))).hasMessageContaining(why)
          .hasMessageContaining("--kube-snapshot");
      assertThatThrownBy(() -> ClusterTarget.live(List.of(name, "ok"))).hasMessageContaining(why).hasMessageContaining("--context");
    });
    assertThatThrownBy(() -> ClusterTarget.offline(List.of(file("eu", "a.json"), file("eu", "b.json"))))
        .hasMessageContaining("'eu' given twice");
    assertThatThrownBy(() -> ClusterTarget.offline(List.of(file("", "a.json"), file("eu", "b.json"))))
        .hasMessageContaining("name every snapshot");
  }

  @Test
  void thePlanNamesEveryLiveCluster() throws Exception {
    Path kubeconfig = java.nio.file.Files.createTempFile("clusters-kubeconfig", ".yaml");
    try {
      ScanAll.Request r = new ScanAll.Request(List.of(), new dev.wraith.code.CodeScanner.Options(List.of(), true, 1),
          ClusterTarget.live(List.of("eu", "us")), kubeconfig, List.of(), List.of(), Path.of("/proc"), false,
          dev.wraith.host.ebpf.ProbeMode.PROC, List.of(), null, null, List.of(), List.of(), java.time.Duration.ofSeconds(1),
          List.of(), java.util.Optional.empty());
      ScanAll.Plan plan = ScanAll.plan(r, new ScanAll.Environment("Linux", Map.of(), Path.of("/nonexistent")));
      assertThat(plan.layer("cluster").orElseThrow().how()).isEqualTo("live clusters, " + kubeconfig + ", contexts eu, us");
    } finally {
      java.nio.file.Files.delete(kubeconfig);
    }
  }
}

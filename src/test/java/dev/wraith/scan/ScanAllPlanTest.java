package dev.wraith.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.CodeScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which layers scan-all runs on which machine, and the reason it gives for each one it skips. */
class ScanAllPlanTest {
  @TempDir Path dir;

  private ScanAll.Request request(List<Path> roots, List<Path> snapshots, Path kubeconfig, List<Path> tetragon,
      String address, Path procRoot, List<String> skip) {
    List<ClusterTarget> clusters = ClusterTarget.offline(snapshots.stream().map(f -> new ClusterTarget.Snapshot("", f)).toList());
    return new ScanAll.Request(roots, new CodeScanner.Options(List.of(), true, 1), clusters, kubeconfig, List.of(),
        List.of(), procRoot, false, dev.wraith.host.ebpf.ProbeMode.PROC, tetragon, address, dir, List.of(), List.of(), Duration.ofSeconds(3), skip, java.util.Optional.empty());
  }

  private ScanAll.Environment linux(Map<String, String> env, Path home) {
    return new ScanAll.Environment("Linux", env, home);
  }

  @Test
  void bareLaptopWithoutClusterOrTetragonSaysWhy() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    ScanAll.Plan plan = ScanAll.plan(request(List.of(dir), List.of(), null, List.of(), null, Path.of("/proc"), List.of()),
        linux(Map.of(), home));
    assertThat(plan.runs("code")).isTrue();
    assertThat(plan.runs("cluster")).isFalse();
    assertThat(plan.layer("cluster").orElseThrow().how()).contains("no kubeconfig", "--kube-snapshot");
    assertThat(plan.runs("host")).isEqualTo(Files.isDirectory(Path.of("/proc")));
    assertThat(plan.layer("host").orElseThrow().how()).contains("3 s");
    if (!Files.exists(Path.of(TetragonEventsLayer.SOCKET))) {
      assertThat(plan.runs("tetragon")).isFalse();
      assertThat(plan.layer("tetragon").orElseThrow().how()).contains("--tetragon-events");
    }
    assertThat(plan.layers()).extracting(LayerPlan::layer).containsExactlyElementsOf(Registry.layerNames());
  }

  @Test
  void offlineInputsReplaceLiveOnesEvenWithAKubeconfigAround() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.createDirectories(home.resolve(".kube"));
    Files.writeString(home.resolve(".kube/config"), "apiVersion: v1\nkind: Config\n");
    Path snap = Files.writeString(dir.resolve("snap.json"), "{}");
    Path events = Files.writeString(dir.resolve("t.log"), "");
    ScanAll.Plan live = ScanAll.plan(request(List.of(), List.of(), null, List.of(), "localhost:54321", dir, List.of()),
        linux(Map.of(), home));
    assertThat(live.layer("cluster").orElseThrow().how()).startsWith("live cluster, ~/.kube/config");
    assertThat(live.layer("tetragon").orElseThrow().how()).startsWith("gRPC localhost:54321");
    ScanAll.Plan offline = ScanAll.plan(request(List.of(), List.of(snap), null, List.of(events), null, dir, List.of()),
        linux(Map.of(), home));
    assertThat(offline.layer("cluster").orElseThrow().how()).contains("offline snapshot", "no API server contacted");
    assertThat(offline.layer("tetragon").orElseThrow().how()).contains("event files", "no gRPC socket");
    assertThat(offline.layer("code").orElseThrow().how()).isEqualTo("no PATH given");
  }

  @Test
  void inClusterKubeconfigEnvAndNonLinux() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path cfg = Files.writeString(dir.resolve("cfg"), "x");
    ScanAll.Request r = request(List.of(), List.of(), null, List.of(), null, Path.of("/proc"), List.of());
    assertThat(ScanAll.plan(r, linux(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1"), home)).layer("cluster").orElseThrow()
        .how()).contains("in-cluster service account");
    assertThat(ScanAll.plan(r, linux(Map.of("KUBECONFIG", dir.resolve("missing") + java.io.File.pathSeparator + cfg), home))
        .layer("cluster").orElseThrow().how()).contains("$KUBECONFIG");
    ScanAll.Plan mac = ScanAll.plan(r, new ScanAll.Environment("Mac OS X", Map.of(), home));
    assertThat(mac.runs("host")).isFalse();
    assertThat(mac.layer("host").orElseThrow().how()).contains("not Linux (Mac OS X)");
  }

  @Test
  void skippedLayersAreSkippedByName() {
    ScanAll.Plan plan = ScanAll.plan(request(List.of(dir), List.of(), null, List.of(), "x:1", dir, List.of("code", "tetragon")),
        linux(Map.of(), dir));
    assertThat(plan.runs("code")).isFalse();
    assertThat(plan.runs("tetragon")).isFalse();
    assertThat(plan.layer("code").orElseThrow().how()).isEqualTo("skipped by --skip-layers");
    assertThat(plan.runs("host")).isTrue();
  }
}

package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCommandTest {
  @TempDir Path dir;

  static String res(String name) throws Exception {
    return Path.of(ClusterCommandTest.class.getResource("/cluster/" + name).toURI()).toString();
  }

  @Test
  void snapshotToJsonFileIsByteIdenticalAcrossRuns() throws Exception {
    Path a = dir.resolve("a.json");
    Path b = dir.resolve("b.json");
    String[] common = {"cluster", "--kube-snapshot", res("snapshot-cluster.json"), "--kube-snapshot",
        res("snapshot-rbac-and-more.yaml"), "--audit-log", res("audit.log"), "--format", "json", "--output"};
    assertThat(Main.run(concat(common, a.toString()))).isEqualTo(Main.OK);
    assertThat(Main.run(concat(common, b.toString()))).isEqualTo(Main.OK);
    assertThat(Files.readString(a)).isEqualTo(Files.readString(b)).contains("\"lineage\" : \"bare-pod\"");
  }

  @Test
  void tableGoesToStdout() throws Exception {
    String snap = res("snapshot-cluster.json");
    String out = stdout(() -> Main.run("cluster", "--kube-snapshot", snap));
    assertThat(out).contains("AI workloads in the cluster: 4").contains("default/scratch-agent").contains("bare-pod");
  }

  @Test
  void badInputIsUsageError() throws Exception {
    assertThat(Main.run("cluster", "--kube-snapshot", dir.resolve("missing.json").toString())).isEqualTo(Main.USAGE);
    Path junk = Files.writeString(dir.resolve("junk.json"), "{ not json");
    assertThat(Main.run("cluster", "--kube-snapshot", junk.toString())).isEqualTo(Main.USAGE);
    assertThat(Main.run("cluster", "--kube-snapshot", res("snapshot-cluster.json"), "--format", "sarif")).isEqualTo(Main.USAGE);
    assertThat(Main.run("cluster", "--kube-snapshot", res("snapshot-cluster.json"), "--context", "prod")).isEqualTo(Main.USAGE);
  }

  @Test
  void namespaceNarrowsASnapshotAndBadNamesAreUsageErrors() throws Exception {
    String snap = res("snapshot-cluster.json");
    String out = stdout(() -> Main.run("cluster", "--kube-snapshot", snap, "-n", "default", "--namespace", "ml"));
    assertThat(out).contains("AI workloads in the cluster: 2").contains("default/scratch-agent").contains("ml/ollama")
        .doesNotContain("payments/checkout-api");
    assertThat(Main.run("cluster", "--kube-snapshot", snap, "--namespace", "Not_A_Namespace")).isEqualTo(Main.USAGE);
  }

  @Test
  void noClusterAtAllIsAUsageErrorThatSaysHowToPointAtOne() throws Exception {
    var here = dev.wraith.scan.ScanAll.Environment.current();
    org.junit.jupiter.api.Assumptions.assumeFalse(dev.wraith.scan.ClusterLayer.liveCluster(null, null, here).runs(),
        "this machine has a kubeconfig or runs in a pod: 'no cluster' cannot be shown here");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    int code;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      code = Main.run("cluster");
    } finally {
      System.setErr(old);
    }
    assertThat(code).isEqualTo(Main.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no cluster to read").contains("--kube-snapshot FILE")
        .contains("--kubeconfig FILE").doesNotContain("Exception").doesNotContain("kubernetes.default.svc");
  }

  @Test
  void liveClusterIsFoundWhereKubectlWouldFindIt() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    var none = new dev.wraith.scan.ScanAll.Environment("Linux", java.util.Map.of(), home);
    assertThat(dev.wraith.scan.ClusterLayer.liveCluster(null, null, none).runs()).isFalse();
    Files.createDirectories(home.resolve(".kube"));
    Files.writeString(home.resolve(".kube/config"), "apiVersion: v1\nkind: Config\n");
    assertThat(dev.wraith.scan.ClusterLayer.liveCluster(null, "prod", none).how()).isEqualTo("live cluster, ~/.kube/config, context prod");
    var inPod = new dev.wraith.scan.ScanAll.Environment("Linux", java.util.Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"),
        dir.resolve("nohome"));
    assertThat(dev.wraith.scan.ClusterLayer.liveCluster(null, null, inPod).how()).isEqualTo("live cluster, in-cluster service account");
  }

  @Test
  void unreachableClusterFailsTheLayerQuickly() throws Exception {
    Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters:
        - name: dead
          cluster: {server: "https://127.0.0.1:1"}
        contexts:
        - name: dead
          context: {cluster: dead, user: u}
        current-context: dead
        users:
        - name: u
          user: {token: t}
        """);
    String out = stdout(() -> assertThat(Main.run("cluster", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "5"))
        .isEqualTo(Main.LAYER_FAILED));
    assertThat(out).contains("cluster layer failed (cannot list pods: unreachable");
  }

  private static String stdout(Runnable r) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  private static String[] concat(String[] a, String b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = b;
    return out;
  }
}

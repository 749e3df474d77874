package dev.wraith.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Attributed;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.EntryScript;
import dev.wraith.model.Hashes;
import dev.wraith.model.HostScan;
import dev.wraith.model.InClusterConnection;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.scan.ClusterLayer;
import dev.wraith.scan.ClusterTarget;
import dev.wraith.model.PodRef;
import dev.wraith.model.TetragonScan;
import dev.wraith.model.TetragonSeen;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two clusters whose names collide (src/test/resources/cluster/multi: the same namespace, Deployment, pod name, pod IP
 * and ClusterIP; the expectations are in the fixtures' headers): two agents with different ids, runtime evidence of one
 * cluster never joined to, or resolved through, the other, and a single unnamed cluster keeping the ids it always had.
 */
class MultiClusterCorrelationTest {
  static final Path PROD = Path.of("src/test/resources/cluster/multi/prod.yaml");
  static final Path STAGING = Path.of("src/test/resources/cluster/multi/staging.yaml");
  static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
  static final String PROD_UID = "33333333-0000-4000-8000-000000000001";
  static final String STAGING_UID = "33333333-0000-4000-8000-000000000101";

  static ClusterScan scan(List<ClusterTarget> targets) throws Exception {
    ClusterLayer.Read read = ClusterLayer.scan(Scenario.catalogue(), targets, new ClusterLayer.Access(null, List.of(), List.of(), 1000));
    assertThat(read.status().state()).as(read.status().reason()).isEqualTo(LayerStatus.State.RAN);
    return read.scan().orElseThrow();
  }

  static ClusterScan both() throws Exception {
    return scan(ClusterTarget.offline(List.of(new ClusterTarget.Snapshot("prod", PROD),
        new ClusterTarget.Snapshot("staging", STAGING))));
  }

  static Inventory correlate(CorrelationInput in) {
    return new Correlator(Scenario.catalogue()).correlate(in);
  }

  static List<InventoryAgent> supportAgents(Inventory inv) {
    return inv.agents().stream().filter(a -> a.name().equals("support-agent")).toList();
  }

  @Test
  void theSameDeploymentInTwoClustersIsTwoAgents() throws Exception {
    Inventory inv = correlate(CorrelationInput.of(Scenario.TOOL, T).withCluster(both()));
    List<InventoryAgent> agents = supportAgents(inv);
    assertThat(agents).extracting(a -> a.workload().orElseThrow().cluster() + " " + a.workload().orElseThrow().identity()
        + " " + a.providers()).containsExactlyInAnyOrder(
            "prod prod@shop/Deployment/support-agent [openai]",
            "staging staging@shop/Deployment/support-agent [anthropic]");
    assertThat(agents.get(0).id()).isNotEqualTo(agents.get(1).id());
    assertThat(agents).allSatisfy(a -> assertThat(a.evidence().toString()).contains("cluster " + a.workload().orElseThrow().cluster()));
  }

  /**
   * The id a single-cluster scan gives is the one it gave before clusters had names: the runtime key of a declared-only
   * workload is "declared|namespace/kind/name", hashed as ever ({@code Agents.runtimeId}); a bare snapshot names no
   * cluster, so histories recorded before keep matching. Named, the same workload gets another id.
   */
  @Test
  void oneUnnamedClusterKeepsTheIdsItHadBeforeClustersHadNames() throws Exception {
    ClusterScan single = scan(ClusterTarget.offline(List.of(new ClusterTarget.Snapshot("", PROD))));
    InventoryAgent a = supportAgents(correlate(CorrelationInput.of(Scenario.TOOL, T).withCluster(single))).get(0);
    assertThat(a.workload().orElseThrow().cluster()).isEmpty();
    String before = Hashes.sha256Hex("runtime\0declared|shop/Deployment/support-agent").substring(0, 16);
    assertThat(a.id()).isEqualTo(before).isEqualTo("c424bdc1a8fd49b0");
    InventoryAgent named = supportAgents(correlate(CorrelationInput.of(Scenario.TOOL, T).withCluster(both()))).stream()
        .filter(x -> x.workload().orElseThrow().cluster().equals("prod")).findFirst().orElseThrow();
    assertThat(named.id()).isNotEqualTo(a.id());
  }

  static ProcessInfo process(int pid, String podUid, String containerId) {
    return new ProcessInfo(pid, 7001, 1, 0, List.of(pid), "/usr/local/bin/python3.12", List.of("python3", "/app/main.py"), "/app",
        List.of(), Optional.of(new ContainerRef(podUid, containerId, "containerd", "burstable", "systemd")), "net:[4026532400]");
  }

  static Observation toPort4000(ProcessInfo p) {
    return new InClusterConnection(p, ProcessOrigin.CONTAINER, Optional.of(new EntryScript("/app/main.py", "", "")), "10.96.0.40",
        4000, T, T.plusSeconds(60), 5, 5).attributed(new Attributed("litellm-proxy", "", Attributed.Method.PORT));
  }

  /**
   * The same pod IP, ClusterIP and port from both clusters: prod's process reaches prod's LiteLLM gateway (its
   * agent gets the connection), staging's reaches staging's wiki (not AI: dropped), and neither joins the other's
   * workload.
   */
  @Test
  void runtimeEvidenceIsPlacedAndResolvedInItsOwnClusterOnly() throws Exception {
    ProcessInfo prod = process(5001, PROD_UID, "a9a9000000000000000000000000000000000000000000000000000000000001");
    ProcessInfo staging = process(6001, STAGING_UID, "a9a9000000000000000000000000000000000000000000000000000000000101");
    HostScan host = new HostScan("/proc", T, T.plusSeconds(60), List.of(toPort4000(prod), toPort4000(staging)), List.of(),
        List.of(), LayerStatus.ran("host", List.of()), new HostScan.Stats(10, 10, 2, 2, 2));
    Inventory inv = correlate(CorrelationInput.of(Scenario.TOOL, T.plusSeconds(600)).withCluster(both()).withHost(host, "node-x"));
    List<InventoryAgent> agents = supportAgents(inv);
    InventoryAgent p = agents.stream().filter(a -> a.workload().orElseThrow().cluster().equals("prod")).findFirst().orElseThrow();
    InventoryAgent s = agents.stream().filter(a -> a.workload().orElseThrow().cluster().equals("staging")).findFirst().orElseThrow();
    assertThat(p.connections()).extracting(c -> c.provider() + " " + c.host() + " " + c.evidence().id())
        .containsExactly("litellm-proxy prod@ai-platform/litellm cluster-address");
    assertThat(p.process()).map(ref -> ref.pid()).contains(5001);
    assertThat(s.connections()).as("staging's 10.96.0.40:4000 is its wiki, not prod's gateway").isEmpty();
    assertThat(s.observedAtRuntime()).isFalse();
    assertThat(inv.agents()).as("no agent joins evidence of both clusters")
        .noneMatch(a -> a.toString().contains("5001") && a.toString().contains("6001"));
  }

  static TetragonSeen<Observation> tetragon(String uid, int pid) {
    PodRef pod = new PodRef("shop", "support-agent-7f9c-abcde", uid, "agent", "", "containerd", "", "support-agent",
        "Deployment", pid, false);
    Observation o = new Observation(process(pid, uid, ""), ProcessOrigin.CONTAINER, Optional.empty(), "104.18.7.192", 443,
        new Attributed("openai", "api.openai.com", Attributed.Method.SNI), T, T.plusSeconds(60), 3, 3);
    return new TetragonSeen<>("node-t", "exec-" + pid, Optional.of(pod), false, "/usr/bin/runc", o);
  }

  /**
   * Tetragon names a pod by namespace and name, which both clusters have: its UID decides; without one the pod is in
   * no single cluster, so the sighting joins neither cluster's workload.
   */
  @Test
  void aTetragonPodNameBothClustersHaveIsPlacedByUidOrNowhere() throws Exception {
    TetragonScan t = new TetragonScan("events", T, T.plusSeconds(60),
        List.of(tetragon(STAGING_UID, 7001), tetragon("", 7002)), List.of(), dev.wraith.model.UnattributedDestinations.NONE,
        LayerStatus.ran("tetragon", List.of()), new TetragonScan.Stats(2, 2, 0, 0, 0, 2, 2, 0, 0));
    Inventory inv = correlate(CorrelationInput.of(Scenario.TOOL, T.plusSeconds(600)).withCluster(both()).withTetragon(t));
    InventoryAgent staging = supportAgents(inv).stream().filter(a -> a.workload().orElseThrow().cluster().equals("staging"))
        .findFirst().orElseThrow();
    assertThat(staging.process()).map(x -> x.pid()).contains(7001);
    assertThat(staging.providers()).contains("openai", "anthropic");
    InventoryAgent prod = supportAgents(inv).stream().filter(a -> a.workload().orElseThrow().cluster().equals("prod"))
        .findFirst().orElseThrow();
    assertThat(prod.observedAtRuntime()).as("no sighting of prod's pod").isFalse();
    InventoryAgent nowhere = inv.agents().stream().filter(a -> a.process().map(x -> x.pid() == 7002).orElse(false))
        .findFirst().orElseThrow();
    assertThat(nowhere.workload().orElseThrow().cluster()).isEmpty();
    assertThat(nowhere.id()).isNotIn(prod.id(), staging.id());
  }
}

package dev.wraith.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.cluster.AuditLogReader;
import dev.wraith.cluster.ClusterCollector;
import dev.wraith.cluster.LiveKubeApi;
import dev.wraith.cluster.SnapshotKubeApi;
import dev.wraith.model.Attributed;
import dev.wraith.model.Classification;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.EntryScript;
import dev.wraith.model.HostScan;
import dev.wraith.model.InClusterConnection;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.report.InventoryTableReporter;
import dev.wraith.model.PodRef;
import dev.wraith.model.TetragonScan;
import dev.wraith.model.TetragonSeen;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Connections to in-cluster addresses named through the cluster layer: a ghost exec'd into the payments pod calls the
 * LiteLLM gateway's ClusterIP, the vLLM server's pod IP, and a wiki on the next ClusterIP and the same port as LiteLLM.
 * The gateway and the model server become its destinations; the wiki stays unattributed. From a snapshot and from the
 * live reader against fabric8's CRUD mock API server.
 */
@EnableKubernetesMockClient(crud = true)
class CorrelationInClusterTest {
  static final Path SNAPSHOT = Path.of("src/test/resources/correlate/in-cluster.yaml");
  static final Instant T = Instant.parse("2026-03-02T08:00:00Z");
  static final String CHECKOUT_UID = "22222222-0000-4000-8000-000000000001";
  static final String CHECKOUT_CID = "c0ffee0000000000000000000000000000000000000000000000000000000001";
  static KubernetesClient client;

  static final ProcessInfo GHOST = new ProcessInfo(5002, 7001, 5001, 0, List.of(5002), "/usr/local/bin/python3.12",
      List.of("python3", "/tmp/route.py"), "/tmp", List.of(),
      Optional.of(new ContainerRef(CHECKOUT_UID, CHECKOUT_CID, "containerd", "burstable", "systemd")), "net:[4026532400]");
  static final Optional<EntryScript> SCRIPT = Optional.of(new EntryScript("/tmp/route.py", "", ""));

  static InClusterConnection conn(String ip, int port, int n) {
    return new InClusterConnection(GHOST, ProcessOrigin.EXEC, SCRIPT, ip, port, T, T.plusSeconds(60), n, n);
  }

  /** What the host layer reports: 4000 is LiteLLM's distinctive port, so both :4000 addresses read as LiteLLM by port. */
  static HostScan host() {
    Attributed byPort = new Attributed("litellm-proxy", "", Attributed.Method.PORT);
    List<Observation> portOnly = List.of(conn("10.96.0.40", 4000, 7).attributed(byPort), conn("10.96.0.41", 4000, 3).attributed(byPort));
    List<InClusterConnection> unnamed = List.of(conn("10.244.2.9", 8000, 5), conn("10.244.9.9", 8000, 2));
    return new HostScan("/proc", T, T.plusSeconds(60), portOnly, List.of(), unnamed, LayerStatus.ran("host", List.of()),
        new HostScan.Stats(300, 210, 4, 120, 6));
  }

  static ClusterScan snapshot() {
    return new ClusterCollector(Scenario.catalogue()).collect(SnapshotKubeApi.read(List.of(SNAPSHOT)),
        new AuditLogReader.Result(List.of(), 0, List.of()));
  }

  static InventoryAgent ghost(Inventory inv) {
    return inv.ghosts().stream().filter(a -> a.name().equals("route.py")).findFirst().orElseThrow(
        () -> new AssertionError("no ghost route.py in " + inv.ghosts()));
  }

  static void assertGatewayAndModelServerButNotTheWiki(Inventory inv) {
    InventoryAgent g = ghost(inv);
    assertThat(g.connections()).extracting(c -> c.provider() + " " + c.host() + " " + c.ip() + ":" + c.port() + " "
        + c.evidence().id()).containsExactly(
            "litellm-proxy ai-platform/litellm 10.96.0.40:4000 cluster-address",
            "vllm ai-platform/vllm 10.244.2.9:8000 cluster-address");
    assertThat(g.providers()).containsExactly("litellm-proxy", "vllm");
    assertThat(g.suspected()).as("the cluster's own map is strong evidence").isFalse();
    assertThat(g.reasons().get(0)).isEqualTo("/tmp/route.py talks to ai-platform/litellm (AI gateway), ai-platform/vllm "
        + "(model server) but matches no code in the scanned repositories");
    assertThat(g.toString()).doesNotContain("10.96.0.41").doesNotContain("10.244.9.9");
  }

  @Test
  void theClusterLayerIndexesServicesEndpointSlicesAndPodIps() {
    ClusterScan c = snapshot();
    assertThat(c.status().state()).isEqualTo(LayerStatus.State.RAN);
    var litellm = c.services().stream().filter(s -> s.name().equals("litellm")).findFirst().orElseThrow();
    assertThat(litellm.clusterIps()).containsExactly("10.96.0.40");
    assertThat(litellm.ports()).containsExactly(new ClusterScan.ServicePort(4000, "4000"));
    assertThat(litellm.backends()).as("from its EndpointSlice")
        .containsExactly(new ClusterScan.Backend("10.244.1.7", "litellm-6d8f9-abcde"));
    var wiki = c.services().stream().filter(s -> s.name().equals("wiki")).findFirst().orElseThrow();
    assertThat(wiki.backends()).as("no EndpointSlice: by its selector").containsExactly(new ClusterScan.Backend("10.244.1.8", "wiki-0"));
    assertThat(c.pods().stream().filter(p -> p.name().equals("litellm-6d8f9-abcde")).findFirst().orElseThrow().ips())
        .containsExactly("10.244.1.7", "fd00:10:244:1::7");
  }

  @Test
  void fromASnapshotTheGatewayAndTheModelServerAreTheGhostsDestinations() throws Exception {
    Inventory inv = new Correlator(Scenario.catalogue()).correlate(CorrelationInput.of(Scenario.TOOL, T.plusSeconds(600))
        .withCluster(snapshot()).withHost(host(), "node-a"));
    assertGatewayAndModelServerButNotTheWiki(inv);
    assertThat(ghost(inv).classification()).isEqualTo(Classification.GHOST);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new InventoryTableReporter().write(inv, false, out);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("talks to ai-platform/litellm (AI gateway)")
        .contains("litellm-proxy ai-platform/litellm (10.96.0.40:4000), 7 connections");
  }

  @Test
  void withoutTheClusterLayerNothingIsNamedButThePort() {
    Inventory inv = new Correlator(Scenario.catalogue()).correlate(CorrelationInput.of(Scenario.TOOL, T.plusSeconds(600))
        .withHost(host(), "node-a"));
    InventoryAgent g = ghost(inv);
    // without the cluster's map, both :4000 addresses stay LiteLLM by port (weak): a suspected ghost
    assertThat(g.connections()).extracting(c -> c.ip() + " " + c.evidence().id()).containsExactly("10.96.0.40 port",
        "10.96.0.41 port");
    assertThat(g.suspected()).isTrue();
  }

  @Test
  void tetragonsInClusterConnectionsAreNamedTheSameWay() {
    PodRef pod = new PodRef("payments", "checkout-7d9c6b5f4-x2x7q", CHECKOUT_UID, "app", CHECKOUT_CID, "containerd",
        "registry.example.com/payments/checkout:2.3.1", "checkout", "Deployment", 51, false);
    List<TetragonSeen<InClusterConnection>> in = List.of(
        new TetragonSeen<>("node-a", "exec-5002", Optional.of(pod), false, "/usr/bin/runc", conn("10.96.0.55", 8000, 4)),
        new TetragonSeen<>("node-a", "exec-5002", Optional.of(pod), false, "/usr/bin/runc", conn("10.96.0.41", 4000, 9)));
    TetragonScan t = new TetragonScan("events", T, T.plusSeconds(60), List.of(), in,
        dev.wraith.model.UnattributedDestinations.NONE, LayerStatus.ran("tetragon", List.of()),
        new TetragonScan.Stats(10, 10, 0, 0, 0, 13, 3, 0, 0));
    Inventory inv = new Correlator(Scenario.catalogue()).correlate(CorrelationInput.of(Scenario.TOOL, T.plusSeconds(600))
        .withCluster(snapshot()).withTetragon(t));
    InventoryAgent g = ghost(inv);
    assertThat(g.connections()).extracting(c -> c.provider() + " " + c.host() + " " + c.layer())
        .containsExactly("vllm ai-platform/vllm tetragon");
    assertThat(g.workload()).map(w -> w.namespace() + "/" + w.name()).contains("payments/checkout-7d9c6b5f4-x2x7q");
  }

  @Test
  void fromTheLiveApiTheSameObjectsGiveTheSameDestinations() throws Exception {
    KubernetesList list = Serialization.unmarshal(Files.newInputStream(SNAPSHOT), KubernetesList.class);
    for (HasMetadata o : list.getItems()) {
      String ns = o.getMetadata().getNamespace();
      if (o instanceof Pod p) client.pods().inNamespace(ns).resource(p).create();
      else if (o instanceof Service s) client.services().inNamespace(ns).resource(s).create();
      else if (o instanceof EndpointSlice e) client.discovery().v1().endpointSlices().inNamespace(ns).resource(e).create();
      else client.resource(o).inNamespace(ns).create();
    }
    ClusterScan live = new ClusterCollector(Scenario.catalogue()).collect(new LiveKubeApi(client, "mock"),
        new AuditLogReader.Result(List.of(), 0, List.of()));
    assertThat(live.status().warnings()).isEmpty();
    assertThat(live.services()).extracting(ClusterScan.ClusterService::name).containsExactly("litellm", "vllm", "wiki");
    Inventory inv = new Correlator(Scenario.catalogue()).correlate(CorrelationInput.of(Scenario.TOOL, T.plusSeconds(600))
        .withCluster(live).withHost(host(), "node-a"));
    assertGatewayAndModelServerButNotTheWiki(inv);
  }
}

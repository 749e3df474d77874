package dev.wraith.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.attribution.Attributor;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.cluster.AuditLogReader;
import dev.wraith.cluster.ClusterCollector;
import dev.wraith.cluster.SnapshotKubeApi;
import dev.wraith.correlate.CorrelationInput;
import dev.wraith.correlate.Correlator;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.HostScan;
import dev.wraith.model.InClusterConnection;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.ScanReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The /proc sampler keeps a real process's connection to a private address nothing attributes (a "Service ClusterIP"
 * served inside the pod's own network namespace on port 8000, which no catalogue port names alone), with its owner,
 * pod and script; the correlation then names it through a cluster snapshot whose Service at that address runs vLLM.
 * Runs as root in namespaces this test creates; skipped with the reason elsewhere.
 */
class SamplerInClusterTest {
  static final String SERVICE_IP = "10.96.77.1";

  @TempDir Path dir;
  NodeSimulation node;

  @BeforeEach
  void requireRootLinux() {
    Optional<String> why = NodeSimulation.unavailable();
    Assumptions.assumeTrue(why.isEmpty(), () -> "in-cluster sampler test skipped: " + why.orElse(""));
    node = new NodeSimulation(dir);
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (node != null) node.close();
  }

  @Test
  void aConnectionToAPrivateAddressIsKeptWithItsOwnerAndNamedThroughTheCluster() throws Exception {
    Path v2 = NodeSimulation.cgroupV2().or(NodeSimulation::cgroupV1Named).orElseThrow();
    String pod = UUID.randomUUID().toString();
    String id = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
    Path cg = node.cgroup(v2, "kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" + pod.replace('-', '_')
        + ".slice/cri-containerd-" + id + ".scope");
    Path server = node.script("server.py", "gateway.py");
    Path agent = node.script("agent.py", "route.py");
    String py = NodeSimulation.PYTHON;
    // the pod's own network namespace, where the "ClusterIP" lives on lo; the gateway listens there, the agent calls it
    String init = "ip link set lo up && ip addr add " + SERVICE_IP + "/32 dev lo && "
        + py + " " + server + " " + dir.resolve("count") + " " + SERVICE_IP + ":8000 & "
        + py + " " + agent + " " + dir.resolve("ready") + " " + SERVICE_IP + ":8000 & wait";
    node.start(Optional.of(cg), Map.of(), "/usr/bin/unshare --fork --pid --net --mount --mount-proc --kill-child /bin/sh -c '"
        + init + "'");
    node.awaitFile(dir.resolve("ready"), 15_000);

    Sensor sensor = new Sensor(new LiveProcFs(Path.of("/proc")),
        new Attributor(CatalogueLoader.bundled(), List.of(), Optional.empty()), dev.wraith.redact.Redactor.bundled(), Clock.systemUTC(),
        List::of);
    HostScan scan = sensor.observe(Duration.ofSeconds(1), Sensor.DEFAULT_INTERVAL);

    assertThat(scan.observations()).as("nothing names %s:8000 on the node", SERVICE_IP)
        .noneMatch(o -> o.ip().equals(SERVICE_IP));
    List<InClusterConnection> kept = scan.inCluster().stream()
        .filter(c -> c.entryScript().map(e -> e.path()).orElse("").equals(agent.toString())).toList();
    assertThat(kept).as("in-cluster connections in %s", scan).singleElement().satisfies(c -> {
      assertThat(c.ip() + ":" + c.port()).isEqualTo(SERVICE_IP + ":8000");
      assertThat(c.process().container()).contains(new ContainerRef(pod, id, "containerd", "besteffort", "systemd"));
      assertThat(c.connections()).isEqualTo(1);
      assertThat(c.samples()).isPositive();
    });
    // the gateway's accepted socket is inbound: not an in-cluster connection of its own
    assertThat(scan.inCluster()).noneMatch(c -> c.entryScript().map(e -> e.path()).orElse("").equals(server.toString()));

    Path snapshot = dir.resolve("cluster.yaml");
    Files.writeString(snapshot, String.join("\n",
        "apiVersion: v1", "kind: List", "items:",
        "- {apiVersion: v1, kind: Pod, metadata: {name: agent-0, namespace: payments, uid: " + pod + "},",
        "   spec: {containers: [{name: app, image: 'registry.example.com/agent:1'}]},",
        "   status: {containerStatuses: [{name: app, image: 'registry.example.com/agent:1', containerID: 'containerd://" + id + "'}]}}",
        "- {apiVersion: v1, kind: Pod, metadata: {name: vllm-0, namespace: ai-platform, labels: {app: vllm}},",
        "   spec: {containers: [{name: server, image: 'vllm/vllm-openai:v0.6.4'}]}, status: {podIP: 10.244.3.3}}",
        "- {apiVersion: v1, kind: Service, metadata: {name: vllm, namespace: ai-platform},",
        "   spec: {clusterIP: " + SERVICE_IP + ", selector: {app: vllm}, ports: [{port: 8000, targetPort: 8000}]}}", ""));
    var cluster = new ClusterCollector(CatalogueLoader.bundled()).collect(SnapshotKubeApi.read(List.of(snapshot)),
        new AuditLogReader.Result(List.of(), 0, List.of()));
    Inventory inv = new Correlator(CatalogueLoader.bundled()).correlate(CorrelationInput.of(
        new ScanReport.Tool("wraith", "test", "0", 1), Instant.now()).withCluster(cluster).withHost(scan, "node-a"));
    // the pod's own process, so the ghost carries the workload's name
    InventoryAgent ghost = inv.ghosts().stream().filter(a -> a.name().equals("agent-0")).findFirst()
        .orElseThrow(() -> new AssertionError("no ghost agent-0 in " + inv.ghosts()));
    assertThat(ghost.connections()).extracting(c -> c.provider() + " " + c.host() + " " + c.evidence().id())
        .containsExactly("vllm ai-platform/vllm cluster-address");
    assertThat(ghost.workload()).map(w -> w.namespace() + "/" + w.name()).contains("payments/agent-0");
  }
}

package dev.wraith.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.attribution.Attributor;
import dev.wraith.attribution.Pin;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.Attributed.Method;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.HostScan;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessOrigin;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sensor on a simulated node, real kernel and real processes: pod A (systemd driver, containerd, own PID,
 * network and mount namespaces, a hosts file with an alias) runs an agent from its init tree and gets a
 * second agent exec'd in with nsenter; pod B (cgroupfs driver, in the node's network namespace) runs an
 * agent; a node script talks to a provider stand-in; another node script makes 0.5 s connections. Provider
 * endpoints are loopback listeners pinned as with --resolve. Pod A lives in cgroup v2 and pod B in the v1
 * name=systemd hierarchy where the machine mounts both.
 */
class NodeSimulationTest {
  @TempDir Path dir;
  private NodeSimulation node;

  @BeforeEach
  void requireRootLinux() {
    Optional<String> why = NodeSimulation.unavailable();
    Assumptions.assumeTrue(why.isEmpty(), () -> "node simulation skipped: " + why.orElse(""));
    node = new NodeSimulation(dir);
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (node != null) node.close();
  }

  @Test
  void attributesEveryAiConnectionToItsProcessPodContainerAndScript() throws Exception {
    Path v2 = NodeSimulation.cgroupV2().or(NodeSimulation::cgroupV1Named).orElseThrow();
    Path v1 = NodeSimulation.cgroupV1Named().or(NodeSimulation::cgroupV2).orElseThrow();
    String podA = UUID.randomUUID().toString(), podB = UUID.randomUUID().toString();
    String idA = hex64(), idB = hex64();
    Path cgA = node.cgroup(v2, "kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" + podA.replace('-', '_')
        + ".slice/cri-containerd-" + idA + ".scope");
    Path cgB = node.cgroup(v1, "kubepods/burstable/pod" + podB + "/" + idB);

    Path server = node.script("server.py", "server.py");
    Path agentA = node.script("agent.py", "agent_a.py"), execAgent = node.script("agent.py", "exec_agent.py");
    Path agentB = node.script("agent.py", "agent_b.py"), nodeAgent = node.script("agent.py", "node_agent.py");
    Path shortConn = node.script("short.py", "short_conn.py");
    Path hostsA = dir.resolve("hosts-a");
    Files.writeString(hostsA, "127.0.0.1 localhost\n127.0.0.2 api.groq.com\n");
    int mistral = freePort(), anthropic = freePort(), cohere = freePort(), plain = freePort();
    String py = NodeSimulation.PYTHON;

    // node-side provider stand-ins, and the plain (non-AI) service
    node.start(Optional.empty(), Map.of(), py + " " + server + " " + dir.resolve("count-node") + " 127.0.0.1:" + mistral
        + " 127.0.0.1:" + anthropic + " 127.0.0.1:" + cohere + " 127.0.0.1:" + plain);
    node.awaitFile(dir.resolve("count-node.ready"), 15_000);

    // pod A: own PID, network and mount namespaces; its init (a shell) runs the stand-ins and the agent
    String initA = "ip link set lo up && mount --bind " + hostsA + " /etc/hosts && "
        + py + " " + server + " " + dir.resolve("count-a") + " 127.0.0.1:443 127.0.0.2:443 127.0.0.1:7000 & "
        + py + " " + agentA + " " + dir.resolve("ready-a") + " 127.0.0.1:443 127.0.0.2:443 127.0.0.1:7000 & wait";
    Process shimA = node.start(Optional.of(cgA), Map.of("OPENAI_API_KEY", "sk-test-secret-value-never-printed"),
        "/usr/bin/unshare --fork --pid --net --mount --mount-proc --kill-child /bin/sh -c '" + initA + "'");
    node.awaitFile(dir.resolve("ready-a"), 15_000);
    int initPidA = NodeSimulation.firstChild(shimA.pid());

    // kubectl exec, as the runtime does it: join the container's cgroup and namespaces from outside
    node.start(Optional.of(cgA), Map.of(), "/usr/bin/nsenter -t " + initPidA + " -p -n -m " + py + " " + execAgent + " "
        + dir.resolve("ready-exec") + " 127.0.0.1:443");
    // pod B: own PID namespace, the node's network
    node.start(Optional.of(cgB), Map.of(), "/usr/bin/unshare --fork --pid --mount-proc --kill-child " + py + " " + agentB
        + " " + dir.resolve("ready-b") + " 127.0.0.1:" + mistral);
    // a script on the node itself, also talking to a plain service
    node.start(Optional.empty(), Map.of(), py + " " + nodeAgent + " " + dir.resolve("ready-node") + " 127.0.0.1:" + anthropic
        + " 127.0.0.1:" + plain);
    for (String r : List.of("ready-exec", "ready-b", "ready-node")) node.awaitFile(dir.resolve(r), 15_000);

    List<Pin> pins = List.of(Pin.parse("api.openai.com=127.0.0.1:443"), Pin.parse("api.mistral.ai=127.0.0.1:" + mistral),
        Pin.parse("api.anthropic.com=127.0.0.1:" + anthropic), Pin.parse("api.cohere.com=127.0.0.1:" + cohere));
    Sensor sensor = new Sensor(new LiveProcFs(Path.of("/proc")),
        new Attributor(CatalogueLoader.bundled(), pins, Optional.empty()), dev.wraith.redact.Redactor.bundled(), Clock.systemUTC(), List::of);
    sensor.observe(Duration.ofMillis(1), Sensor.DEFAULT_INTERVAL); // warm up outside the measured window

    CompletableFuture<HostScan> window = CompletableFuture.supplyAsync(() -> observe(sensor, Duration.ofSeconds(5)));
    node.start(Optional.empty(), Map.of(), py + " " + shortConn + " 127.0.0.1 " + cohere + " 5 0.5 0.25 " + dir.resolve("short-done"));
    HostScan scan = window.get();
    node.awaitFile(dir.resolve("short-done"), 10_000);

    Observation a = only(scan, agentA, "api.openai.com");
    assertThat(a.origin()).isEqualTo(ProcessOrigin.CONTAINER);
    assertThat(a.process().container()).contains(new ContainerRef(podA, idA, "containerd", "besteffort", "systemd"));
    assertThat(a.attribution().method()).isEqualTo(Method.PIN);
    assertThat(a.process().envNames()).contains("OPENAI_API_KEY");
    assertThat(a.process().toString()).doesNotContain("sk-test-secret");
    Observation groq = only(scan, agentA, "api.groq.com");
    assertThat(groq.attribution().method()).isEqualTo(Method.HOSTS_FILE);
    assertThat(groq.ip()).isEqualTo("127.0.0.2");
    assertThat(a.entryScript().orElseThrow().sha256()).isEqualTo(sha256(agentA));

    Observation exec = only(scan, execAgent, "api.openai.com");
    assertThat(exec.origin()).isEqualTo(ProcessOrigin.EXEC);
    assertThat(exec.process().container().map(ContainerRef::containerId)).contains(idA);
    assertThat(exec.process().container().map(ContainerRef::podUid)).contains(podA);

    Observation b = only(scan, agentB, "api.mistral.ai");
    assertThat(b.origin()).isEqualTo(ProcessOrigin.CONTAINER);
    assertThat(b.process().container()).contains(new ContainerRef(podB, idB, "", "burstable", "cgroupfs"));

    Observation n = only(scan, nodeAgent, "api.anthropic.com");
    assertThat(n.origin()).isEqualTo(ProcessOrigin.NODE);
    assertThat(n.process().container()).isEmpty();
    assertThat(n.entryScript().orElseThrow().path()).isEqualTo(nodeAgent.toString());

    int made = Integer.parseInt(Files.readString(dir.resolve("short-done")).trim());
    Observation shortOnes = only(scan, shortConn, "api.cohere.com");
    assertThat(shortOnes.connections()).as("0.5 s connections seen of %d made; longest gap %d ms", made,
        scan.stats().maxGapMillis()).isEqualTo(made);

    // nothing for the plain service, neither from pod A (port 7000) nor from the node script
    assertThat(scan.observations()).noneMatch(o -> o.port() == 7000 || o.port() == plain);
    assertThat(scan.unowned()).noneMatch(u -> u.port() == 7000 || u.port() == plain);
    // the stand-ins' accepted sockets are inbound, not connections to an AI service
    assertThat(scan.observations()).noneMatch(o -> scriptOf(o).equals(server.toString()));
  }

  private static HostScan observe(Sensor sensor, Duration window) {
    try {
      return sensor.observe(window, Sensor.DEFAULT_INTERVAL);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Observation only(HostScan scan, Path script, String host) {
    List<Observation> found = scan.observations().stream()
        .filter(o -> scriptOf(o).equals(script.toString()) && o.attribution().host().equals(host)).toList();
    assertThat(found).as("observations of %s to %s in %s", script.getFileName(), host, scan).hasSize(1);
    return found.get(0);
  }

  private static String scriptOf(Observation o) {
    return o.entryScript().map(e -> e.path()).orElse("");
  }

  private static String sha256(Path p) throws Exception {
    return dev.wraith.model.Hashes.sha256Hex(Files.readAllBytes(p));
  }

  private static String hex64() {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}

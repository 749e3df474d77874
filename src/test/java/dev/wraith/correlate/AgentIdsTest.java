package dev.wraith.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.ContainerRef;
import dev.wraith.model.Hashes;
import dev.wraith.model.HostScan;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.TetragonScan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Agent ids are stored in the state database and compared across versions (history, acknowledgements, zombies): a
 * change to how an identity is rendered would turn every known agent into a new one. The ids below were computed by a
 * run of the code as it was before identity keys became records (commit f3c1207, where the key was a string joined
 * with "|" and "/"), and are pinned here with the text that was hashed, so that any later change of rendering fails
 * here first. They cover every kind of identity: a code unit's directory, a declared-only workload (unnamed and named
 * cluster), a process in a workload (script, exec'd script, program with its argument shape), in a pod no cluster
 * placed, and on a node (script, program, and a program whose path has a space).
 */
class AgentIdsTest {
  static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

  static Map<String, String> ids(CorrelationInput in) {
    Inventory inv = new Correlator(Scenario.catalogue()).correlate(in);
    Map<String, String> out = new TreeMap<>();
    for (InventoryAgent a : inv.agents()) out.put(a.classification() + " " + a.name() + " " + a.id(), a.id());
    return out;
  }

  /** The id of a runtime subject: the first 16 hex digits of sha256("runtime\0" + its canonical text). */
  static String runtime(String canonical) {
    return Hashes.sha256Hex("runtime\0" + canonical).substring(0, 16);
  }

  @Test
  void theScenarioKeepsItsIds() {
    assertThat(ids(Scenario.input()).keySet()).containsExactly(
        "CONFIRMED @acme/web-chat 32269b04b43813ea",
        "CONFIRMED triage-agent e744b1696dc10d88",
        "GHOST agent.py b5448eab1669cdac",
        "GHOST scratch-agent 05938c134d9fba04",
        "GHOST summarize.py 84db0103cb0310b8",
        "GHOST sync.py 82253319f7f030a5",
        "SHADOW_AI webui cb61e1b5dabd617e",
        "UNKNOWN search-indexer 09ee1f66cb385c1c");
    assertThat(Hashes.sha256Hex("code\0services/search-indexer").substring(0, 16)).isEqualTo("09ee1f66cb385c1c");
    assertThat(runtime("declared|default/Pod/scratch-agent")).isEqualTo("05938c134d9fba04");
    assertThat(runtime("node:node-a|node|script:/root/cron/sync.py")).isEqualTo("82253319f7f030a5");
    assertThat(runtime("workload:payments/Deployment/checkout-api/app|exec|script:/tmp/agent.py")).isEqualTo("b5448eab1669cdac");
    assertThat(runtime("workload:support/Deployment/triage-agent/agent|exec|script:/tmp/summarize.py"))
        .isEqualTo("84db0103cb0310b8");
    assertThat(runtime("workload:tools/Pod/webui/webui|container|exe:/usr/local/bin/python3 -m uvicorn open_webui.main:app"))
        .isEqualTo("cb61e1b5dabd617e");
  }

  static Observation seen(int pid, String exe, List<String> argv, Optional<ContainerRef> container, ProcessOrigin origin) {
    return Scenario.observation(Scenario.process(pid, exe, argv, container), origin, Optional.empty(), "104.18.7.192",
        Scenario.OPENAI, "2026-03-02T07:00:00Z", "2026-03-02T07:01:00Z", 2);
  }

  @Test
  void programsInAPodNoClusterPlacedAndOnANodeKeepTheirIds() {
    String uid = "0c1d2e3f-0000-4000-8000-00000000abcd";
    Observation inPod = seen(300, "/usr/bin/python3.11", List.of("python3", "-u", "worker.py", "--port", "8080", "--shard=12"),
        Optional.of(new ContainerRef(uid, "b2".repeat(32), "containerd", "burstable", "systemd")), ProcessOrigin.CONTAINER);
    Observation onNode = seen(301, "/opt/agent/bin/agent", List.of("agent", "--interval", "30"), Optional.empty(),
        ProcessOrigin.NODE);
    Observation deleted = seen(302, "/usr/bin/python3.11 (deleted)", List.of("python3", "serve.py", "--workers", "4"),
        Optional.empty(), ProcessOrigin.NODE);
    HostScan host = new HostScan("/proc", T, T.plusSeconds(60), List.of(inPod, onNode, deleted), List.of(),
        LayerStatus.ran("host", List.of()), new HostScan.Stats(3, 3, 3, 3, 3));
    assertThat(ids(CorrelationInput.of(Scenario.TOOL, T).withHost(host, "node-z")).values()).containsExactlyInAnyOrder(
        "919004606bdd9c30", "780c1d00196bf2da", "b2ab670a970831ce");
    assertThat(runtime("pod:" + uid + "/" + "b2".repeat(32) + "|container|exe:/usr/bin/python3.11 -u worker.py --port # --shard=#"))
        .isEqualTo("919004606bdd9c30");
    assertThat(runtime("node:node-z|node|exe:/opt/agent/bin/agent --interval #")).isEqualTo("780c1d00196bf2da");
    assertThat(runtime("node:node-z|node|exe:/usr/bin/python3.11 (deleted) serve.py --workers #")).isEqualTo("b2ab670a970831ce");
  }

  @Test
  void workloadsInNamedClustersKeepTheirIds() throws Exception {
    TetragonScan t = new TetragonScan("events", T, T.plusSeconds(60),
        List.of(MultiClusterCorrelationTest.tetragon(MultiClusterCorrelationTest.STAGING_UID, 7001)), List.of(),
        dev.wraith.model.UnattributedDestinations.NONE, LayerStatus.ran("tetragon", List.of()),
        new TetragonScan.Stats(1, 1, 0, 0, 0, 1, 1, 0, 0));
    assertThat(ids(CorrelationInput.of(Scenario.TOOL, T.plusSeconds(600)).withCluster(MultiClusterCorrelationTest.both())
        .withTetragon(t)).keySet()).containsExactly(
            "GHOST litellm-0 24e66a99d932d94e",
            "GHOST support-agent 3bf4fcc34eae8f2b",
            "GHOST support-agent be308b6eab998a74");
    assertThat(runtime("declared|prod@ai-platform/Pod/litellm-0")).isEqualTo("24e66a99d932d94e");
    assertThat(runtime("declared|prod@shop/Deployment/support-agent")).isEqualTo("be308b6eab998a74");
    assertThat(runtime("workload:staging@shop/Deployment/support-agent/agent|container|exe:/usr/local/bin/python3.12 /app/main.py"))
        .isEqualTo("3bf4fcc34eae8f2b");
  }
}

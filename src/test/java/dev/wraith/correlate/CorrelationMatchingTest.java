package dev.wraith.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.cluster.AuditLogReader;
import dev.wraith.cluster.ClusterCollector;
import dev.wraith.cluster.SnapshotKubeApi;
import dev.wraith.model.Classification;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Deployable;
import dev.wraith.model.EntryScript;
import dev.wraith.model.HostScan;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ProcessOrigin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The matching rules one by one, on host observations against the fixture repo. */
class CorrelationMatchingTest {
  private static final Correlator CORRELATOR = new Correlator(Scenario.catalogue());
  private static CodeScan code;

  @BeforeAll
  static void scan() {
    code = Scenario.code();
  }

  @Test
  void twoTrailingSegmentsMatchAScriptWhereverItRuns() {
    Inventory inv = correlate(ProcessOrigin.EXEC, new EntryScript("/srv/triage/agent.py", "", ""), Map.of());
    assertThat(only(inv).classification()).isEqualTo(Classification.CONFIRMED);
    assertThat(only(inv).reasons().get(0)).contains("/srv/triage/agent.py is services/triage-agent/triage/agent.py");
  }

  @Test
  void aFileNameAloneConfirmsAWorkloadsOwnProcessButNotAnExecdOne() {
    EntryScript tmp = new EntryScript("/tmp/agent.py", "", "");
    assertThat(only(correlate(ProcessOrigin.CONTAINER, tmp, Map.of())).classification()).isEqualTo(Classification.CONFIRMED);
    assertThat(only(correlate(ProcessOrigin.EXEC, tmp, Map.of())).classification()).isEqualTo(Classification.GHOST);
    assertThat(only(correlate(ProcessOrigin.NODE, tmp, Map.of())).classification()).isEqualTo(Classification.GHOST);
  }

  @Test
  void differentContentUnderTheSamePathIsNotTheCode() {
    Map<String, String> hashes = Scenario.hashes(code);
    EntryScript modified = new EntryScript("/app/triage/agent.py", "0".repeat(64), "");
    assertThat(only(correlate(ProcessOrigin.CONTAINER, modified, hashes)).classification()).isEqualTo(Classification.GHOST);
    EntryScript same = new EntryScript("/opt/renamed.py", hashes.get("services/triage-agent/triage/agent.py"), "");
    assertThat(only(correlate(ProcessOrigin.EXEC, same, hashes)).classification()).isEqualTo(Classification.CONFIRMED);
  }

  @Test
  void aRunningWorkloadWithoutAiInItsSpecConfirmsTheCodeItsImageIsBuiltFrom() {
    var cluster = new ClusterCollector(Scenario.catalogue()).collect(
        SnapshotKubeApi.read(List.of(Path.of("src/test/resources/correlate/cluster-quiet.yaml"))),
        new AuditLogReader(dev.wraith.redact.Redactor.bundled()).read(List.of()));
    Inventory inv = CORRELATOR.correlate(CorrelationInput.of(Scenario.TOOL, Scenario.SCAN).withCode(code, Map.of())
        .withCluster(cluster));
    InventoryAgent indexer = inv.agents().stream().filter(a -> a.name().equals("search-indexer")).findFirst().orElseThrow();
    assertThat(indexer.classification()).isEqualTo(Classification.CONFIRMED);
    assertThat(indexer.reasons().get(0)).contains("image ghcr.io/acme/search-indexer:0.3.0 is built from services/search-indexer");
    assertThat(inv.agents()).extracting(InventoryAgent::name).doesNotContain("nginx");
    assertThat(inv.agents()).filteredOn(a -> a.classification() == Classification.CONFIRMED).hasSize(1);
  }

  @Test
  void whatRunsInADebugContainerIsTreatedLikeAnExecNotLikeTheWorkload() {
    var cluster = new ClusterCollector(Scenario.catalogue()).collect(
        SnapshotKubeApi.read(List.of(Path.of("src/test/resources/correlate/cluster-quiet.yaml"))),
        new AuditLogReader(dev.wraith.redact.Redactor.bundled()).read(List.of()));
    var p = Scenario.process(5150, "/usr/local/bin/python3", List.of("python3", "/srv/other.py"),
        Optional.of(new dev.wraith.model.ContainerRef("6c0e2a44-1c1d-4f0a-9d3e-000000000001", "09".repeat(32), "containerd",
            "", "")));
    var o = Scenario.observation(p, ProcessOrigin.CONTAINER, Optional.of(new EntryScript("/srv/other.py", "", "")),
        "104.18.7.192", Scenario.OPENAI, "2026-03-02T08:11:00Z", "2026-03-02T08:30:00Z", 5);
    HostScan host = new HostScan("/proc", Scenario.SCAN, Scenario.SCAN, List.of(o), List.of(), LayerStatus.ran("host", List.of()),
        new HostScan.Stats(1, 0, 0, 1, 1));
    Inventory inv = CORRELATOR.correlate(CorrelationInput.of(Scenario.TOOL, Scenario.SCAN).withCode(code, Map.of())
        .withCluster(cluster).withHost(host, "node-c"));
    InventoryAgent ghost = inv.agents().stream().filter(a -> a.name().equals("other.py")).findFirst().orElseThrow();
    assertThat(ghost.classification()).isEqualTo(Classification.GHOST);
    assertThat(ghost.process().orElseThrow().execed()).isTrue();
    assertThat(ghost.workload().orElseThrow().container()).isEqualTo("debugger-k2x9z");
    assertThat(ghost.evidence()).anyMatch(e -> e.layer().equals("audit") && e.detail().contains("ephemeral debug container"));
    assertThat(inv.agents()).filteredOn(a -> a.name().equals("search-indexer")).singleElement()
        .satisfies(a -> assertThat(a.classification()).isEqualTo(Classification.CONFIRMED));
  }

  /** The fixture repo's code plus one host observation of a python process with this entry script. */
  private static Inventory correlate(ProcessOrigin origin, EntryScript script, Map<String, String> hashes) {
    var container = origin == ProcessOrigin.NODE ? Optional.<dev.wraith.model.ContainerRef>empty()
        : Optional.of(new dev.wraith.model.ContainerRef("uid-1", "cid-1", "containerd", "", ""));
    var p = Scenario.process(4242, "/usr/bin/python3", List.of("python3", script.path()), container);
    var o = Scenario.observation(p, origin, Optional.of(script), "104.18.7.192", Scenario.OPENAI, "2026-03-02T08:00:00Z",
        "2026-03-02T08:30:00Z", 5);
    HostScan host = new HostScan("/proc", Scenario.SCAN, Scenario.SCAN, List.of(o), List.of(), LayerStatus.ran("host", List.of()),
        new HostScan.Stats(1, 0, 0, 1, 1));
    List<CodeAgent> triage = code.agents().stream().filter(a -> a.path().contains("triage")).toList();
    CodeScan triageOnly = new CodeScan(code.roots(), triage, code.deployables().stream()
        .map(d -> new Deployable(d.name(), d.dir(), d.naming(), d.declared(), d.files().stream().filter(triage::contains).toList()))
        .filter(d -> !d.files().isEmpty()).toList(), code.findings(), code.deployments(), code.models(), code.status(), code.stats());
    return CORRELATOR.correlate(CorrelationInput.of(Scenario.TOOL, Scenario.SCAN).withCode(triageOnly, hashes)
        .withHost(host, "node-a"));
  }

  /** The one runtime-backed agent (the code agent when confirmed, else the ghost). */
  private static InventoryAgent only(Inventory inv) {
    return inv.agents().stream().filter(a -> a.classification() != Classification.UNKNOWN).findFirst().orElseThrow();
  }
}

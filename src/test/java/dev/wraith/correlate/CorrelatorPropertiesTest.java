package dev.wraith.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Attributed;
import dev.wraith.model.Classification;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Confidence;
import dev.wraith.model.EntryScript;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Location;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.Severity;
import dev.wraith.model.PodRef;
import dev.wraith.model.TetragonScan;
import dev.wraith.model.TetragonSeen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the join: every provider is OpenAI everywhere, so a provider-keyed join would merge and confirm
 * everything; identity must keep distinct processes apart and never confirm code without an identity match.
 */
class CorrelatorPropertiesTest {
  private static final Attributed OPENAI = new Attributed("openai", "api.openai.com", Attributed.Method.DNS_LOOKUP);
  private static final Correlator CORRELATOR = new Correlator(Scenario.catalogue());

  /** A runtime process: which workload (or the node), how it started, which script (0: none) and binary. */
  record Proc(int workload, ProcessOrigin origin, int script, String binary) {
    /** The identity the correlation must respect. */
    String identity() {
      String where = origin == ProcessOrigin.NODE ? "node" : "w" + workload;
      return where + "|" + origin + "|" + (script == 0 ? binary : "/srv/job" + script + ".py");
    }
  }

  @Provide
  Arbitrary<List<Proc>> processes() {
    Arbitrary<Proc> one = Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of(ProcessOrigin.class),
        Arbitraries.integers().between(0, 4), Arbitraries.of("/usr/bin/python3", "/usr/local/bin/node", "/usr/bin/java"))
        .as(Proc::new);
    return one.list().ofMinSize(1).ofMaxSize(10);
  }

  @Property(tries = 200)
  void distinctProcessesAreNeverMerged(@ForAll("processes") List<Proc> procs) {
    Inventory inv = CORRELATOR.correlate(input(procs, List.of()));
    Set<String> identities = new HashSet<>();
    procs.forEach(p -> identities.add(p.identity()));
    assertThat(inv.agents()).hasSize(identities.size());
    assertThat(inv.agents()).allMatch(a -> a.classification() == Classification.GHOST);
    assertThat(inv.agents().stream().map(InventoryAgent::id).distinct()).hasSize(identities.size());
  }

  @Property(tries = 200)
  void providerMatchAloneNeverConfirms(@ForAll("processes") List<Proc> procs, @ForAll @IntRange(min = 1, max = 5) int units) {
    Inventory inv = CORRELATOR.correlate(input(procs, codeUnits(units)));
    assertThat(inv.agents()).noneMatch(a -> a.classification() == Classification.CONFIRMED);
    assertThat(inv.agents().stream().filter(a -> a.classification() == Classification.UNKNOWN)).hasSize(units);
  }

  @Example
  void controlTheSameInputsConfirmWhenTheEntryScriptIsTheCode() {
    List<Proc> procs = List.of(new Proc(0, ProcessOrigin.CONTAINER, 1, "/usr/bin/python3"));
    List<CodeAgent> code = new ArrayList<>(codeUnits(2));
    code.add(new CodeAgent("services/c9/srv/job1.py", "agent", List.of(), List.of("openai"), List.of(), List.of(),
        Severity.WARNING, 1));
    Inventory inv = CORRELATOR.correlate(input(procs, code));
    assertThat(inv.agents()).filteredOn(a -> a.classification() == Classification.CONFIRMED).singleElement()
        .satisfies(a -> assertThat(a.code()).extracting(InventoryAgent.CodeRef::path).containsExactly("services/c9/srv/job1.py"));
  }

  @Example
  void controlTwoSightingsOfOneIdentityAreOneAgent() {
    List<Proc> procs = List.of(new Proc(1, ProcessOrigin.EXEC, 2, "/usr/bin/python3"),
        new Proc(1, ProcessOrigin.EXEC, 2, "/usr/bin/python3"));
    assertThat(CORRELATOR.correlate(input(procs, List.of())).agents()).hasSize(1);
  }

  private static List<CodeAgent> codeUnits(int n) {
    List<CodeAgent> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new CodeAgent("services/c" + i + "/worker" + i + ".py", "agent", List.of("langchain"), List.of("openai"),
          List.of(), List.of(), Severity.WARNING, 1));
    }
    return out;
  }

  private static CorrelationInput input(List<Proc> procs, List<CodeAgent> agents) {
    List<Finding> findings = new ArrayList<>();
    for (CodeAgent a : agents) {
      String dir = a.path().substring(0, a.path().lastIndexOf('/'));
      findings.add(new Finding(FindingKind.SDK_CLIENT, new Location(a.path(), 3, 1), "openai-python", "openai", "",
          Confidence.HIGH, Severity.WARNING, "openai.OpenAI", Set.of(), Map.of()));
      findings.add(new Finding(FindingKind.DEPENDENCY, new Location(dir + "/requirements.txt", 1, 1), "openai", "openai", "",
          Confidence.HIGH, Severity.NOTE, "openai", Set.of(), Map.of()));
    }
    CodeScan code = new CodeScan(List.of("repo"), agents,
        dev.wraith.code.Deployables.group(List.of("repo"), agents, findings, List.of(), List.of()), findings, List.of(), List.of(), LayerStatus.ran("code", List.of()),
        new CodeScan.Stats(0, 0, 0, 0, 0, 0));
    List<TetragonSeen<Observation>> obs = new ArrayList<>();
    int pid = 100;
    for (Proc p : procs) obs.add(observation(p, pid++));
    TetragonScan t = new TetragonScan("events", Instant.EPOCH, Scenario.SCAN, obs, LayerStatus.ran("tetragon", List.of()),
        new TetragonScan.Stats(0, 0, 0, 0, 0, 0, 0, 0, 0));
    return CorrelationInput.of(Scenario.TOOL, Scenario.SCAN).withCode(code, Map.of()).withTetragon(t);
  }

  private static TetragonSeen<Observation> observation(Proc p, int pid) {
    Optional<PodRef> pod = p.origin() == ProcessOrigin.NODE ? Optional.empty()
        : Optional.of(new PodRef("prod", "w" + p.workload() + "-7d9c6b5f4-abcde", "", "main", "", "containerd",
            "registry.example.com/r/w" + p.workload() + ":1", "w" + p.workload(), "Deployment", 1, false));
    String script = "/srv/job" + p.script() + ".py";
    List<String> argv = p.script() == 0 ? List.of(p.binary(), "--serve") : List.of(p.binary(), script);
    ProcessInfo info = new ProcessInfo(pid, pid, 1, 0, List.of(pid), p.binary(), argv, "/", List.of(), Optional.empty(), "");
    Observation o = new Observation(info, p.origin(), p.script() == 0 ? Optional.empty() : Optional.of(new EntryScript(script, "", "")),
        "104.18.7.192", 443, OPENAI, Scenario.SCAN.minusSeconds(60), Scenario.SCAN, 1, 1);
    return new TetragonSeen<>("node-a", "exec-" + pid, pod, false, "", o);
  }
}

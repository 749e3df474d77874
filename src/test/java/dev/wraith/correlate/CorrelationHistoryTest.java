package dev.wraith.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Classification;
import dev.wraith.model.CodeScan;
import dev.wraith.model.HostScan;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.InventoryAgent.Change;
import dev.wraith.model.PriorState;
import dev.wraith.model.Risk;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several scans in a row, with the prior state a store would keep between them (emulated here). */
class CorrelationHistoryTest {
  private static final Correlator CORRELATOR = new Correlator(Scenario.catalogue(), Duration.ofDays(30));
  private static CodeScan code;
  private static Inventory first;

  @BeforeAll
  static void firstScan() {
    code = Scenario.code();
    first = CORRELATOR.correlate(Scenario.input());
  }

  @Test
  void firstScanWithStateMarksEverythingNew() {
    assertThat(first.agents()).extracting(InventoryAgent::change).containsOnly(Change.NEW);
  }

  @Test
  void withoutStateEverythingIsUntracked() {
    Inventory inv = CORRELATOR.correlate(Scenario.input().withState(PriorState.NONE, false));
    assertThat(inv.agents()).extracting(InventoryAgent::change).containsOnly(Change.UNTRACKED);
  }

  @Test
  void confirmedCodeThatStopsRunningIsAZombieNotUnknown() {
    Inventory second = CORRELATOR.correlate(onlyCron(Scenario.SCAN.plus(Duration.ofDays(1))).withState(prior(first), true));
    InventoryAgent triage = named(second, "triage-agent");
    assertThat(triage.classification()).isEqualTo(Classification.ZOMBIE);
    assertThat(triage.risk()).isEqualTo(Risk.LOW);
    assertThat(triage.id()).isEqualTo(named(first, "triage-agent").id());
    assertThat(triage.change()).isEqualTo(Change.CHANGED);
    assertThat(triage.lastSeen()).isEqualTo(named(first, "triage-agent").lastSeen());
    assertThat(triage.inactiveSince()).isEqualTo(named(first, "triage-agent").lastSeen());
    assertThat(triage.process()).as("what it last ran as").isEqualTo(named(first, "triage-agent").process());
    assertThat(triage.reasons().get(0)).startsWith("Its code exists; seen running until ");
    assertThat(named(second, "search-indexer").classification()).as("never seen running").isEqualTo(Classification.UNKNOWN);
  }

  @Test
  void aGhostThatStopsStaysAGhostWhileInactiveWithItsRiskAndEvidence() {
    InventoryAgent before = named(first, "agent.py");
    Inventory second = CORRELATOR.correlate(onlyCron(Scenario.SCAN.plus(Duration.ofDays(1))).withState(prior(first), true));
    InventoryAgent ghost = named(second, "agent.py");
    assertThat(ghost.classification()).isEqualTo(Classification.GHOST);
    assertThat(ghost.risk()).isEqualTo(before.risk());
    assertThat(ghost.inactiveSince()).isEqualTo(before.lastSeen());
    assertThat(ghost.process()).as("what it last ran as").isEqualTo(before.process());
    assertThat(ghost.connections()).isEqualTo(before.connections());
    assertThat(ghost.observedAtRuntime()).isFalse();
    assertThat(ghost.workload().orElseThrow().name()).isEqualTo("checkout-api");
    assertThat(ghost.reasons().get(0)).startsWith("Not seen running since " + Words.time(before.lastSeen().orElseThrow()))
        .contains("1 day before this scan", "stays GHOST until acknowledged (wraith ack " + ghost.id());
    assertThat(ghost.reasons().subList(1, ghost.reasons().size())).isEqualTo(before.reasons());
    assertThat(ghost.evidence()).containsAll(before.evidence());
    assertThat(ghost.change()).as("a transition the diff must show").isEqualTo(Change.CHANGED);
    assertThat(ghost.lastSeen()).isEqualTo(before.lastSeen());
    assertThat(named(second, "sync.py").classification()).isEqualTo(Classification.GHOST);
    assertThat(named(second, "sync.py").inactive()).isFalse();
    assertThat(named(second, "sync.py").change()).isEqualTo(Change.UNCHANGED);

    Inventory third = CORRELATOR.correlate(onlyCron(Scenario.SCAN.plus(Duration.ofDays(2))).withState(prior(second), true));
    InventoryAgent still = named(third, "agent.py");
    assertThat(still.classification()).isEqualTo(Classification.GHOST);
    assertThat(still.reasons()).as("one inactivity line, not one per scan").filteredOn(r -> r.startsWith("Not seen")).hasSize(1);
    assertThat(still.reasons().get(0)).contains("2 days before this scan");
    assertThat(still.evidence()).filteredOn(e -> e.detail().startsWith("last runtime sighting")).hasSize(1);
    assertThat(still.change()).isEqualTo(Change.UNCHANGED);
  }

  @Test
  void anAcknowledgedInactiveGhostIsNoLongerListedAndIsListedAgainWhenItRunsAgain() {
    Inventory second = CORRELATOR.correlate(onlyCron(Scenario.SCAN.plus(Duration.ofDays(1))).withState(prior(first), true));
    InventoryAgent ghost = named(second, "agent.py");
    var ack = new InventoryAgent.Acknowledgement(Scenario.SCAN.plus(Duration.ofDays(1).plusHours(2)), "INC-1: debug script removed");
    PriorState acked = prior(second, ghost.id(), ack);
    Inventory third = CORRELATOR.correlate(onlyCron(Scenario.SCAN.plus(Duration.ofDays(2))).withState(acked, true));
    assertThat(third.agents()).extracting(InventoryAgent::id).doesNotContain(ghost.id());

    Inventory again = CORRELATOR.correlate(Scenario.input(Scenario.SCAN.plus(Duration.ofDays(3)))
        .withState(acked, true));
    InventoryAgent back = named(again, "agent.py");
    assertThat(back.classification()).isEqualTo(Classification.GHOST);
    assertThat(back.inactive()).isFalse();
    assertThat(back.acknowledgement()).contains(ack);
    assertThat(back.reasons()).last().asString()
        .isEqualTo("Acknowledged " + Words.time(ack.at()) + ": INC-1: debug script removed (seen running again after that)");
    assertThat(back.change()).isEqualTo(Change.CHANGED);
  }

  @Test
  void anAcknowledgementBeforeTheLastSightingDoesNotHideIt() {
    Inventory second = CORRELATOR.correlate(onlyCron(Scenario.SCAN.plus(Duration.ofDays(1))).withState(prior(first), true));
    InventoryAgent ghost = named(second, "agent.py");
    var early = new InventoryAgent.Acknowledgement(Scenario.SCAN.minus(Duration.ofDays(1)), "looked at it last week");
    Inventory third = CORRELATOR.correlate(onlyCron(Scenario.SCAN.plus(Duration.ofDays(2)))
        .withState(prior(second, ghost.id(), early), true));
    InventoryAgent still = named(third, "agent.py");
    assertThat(still.inactive()).isTrue();
    assertThat(still.acknowledgement()).contains(early);
    assertThat(still.reasons()).last().asString().isEqualTo("Acknowledged " + Words.time(early.at()) + ": looked at it last week");
  }

  @Test
  void anAcknowledgementInTheSecondOfTheLastSightingHidesIt() {
    // 'wraith ack' records its time to the second, the state a sighting's (the scan's) to the nanosecond
    Inventory second = CORRELATOR.correlate(onlyCron(Scenario.SCAN.plus(Duration.ofDays(1))).withState(prior(first), true));
    InventoryAgent ghost = named(second, "agent.py");
    Map<String, PriorState.PriorAgent> m = new HashMap<>(prior(second).agents());
    PriorState.PriorAgent p = m.get(ghost.id());
    Instant sighting = p.lastRuntimeSeen().orElseThrow().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusMillis(300);
    var ack = new InventoryAgent.Acknowledgement(sighting.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), "INC-2: removed");
    m.put(ghost.id(), new PriorState.PriorAgent(p.snapshot(), p.firstSeen(), Optional.of(sighting), p.digest(), Optional.of(ack)));
    Inventory third = CORRELATOR.correlate(onlyCron(Scenario.SCAN.plus(Duration.ofDays(2)))
        .withState(new PriorState(Optional.of(second.scanTime()), m), true));
    assertThat(third.agents()).extracting(InventoryAgent::id).doesNotContain(ghost.id());
  }

  @Test
  void goneGhostsAreDroppedAfterTheRetention() {
    Inventory second = CORRELATOR.correlate(onlyCron(Scenario.SCAN.plus(Duration.ofDays(1))).withState(prior(first), true));
    Inventory late = CORRELATOR.correlate(onlyCron(Scenario.SCAN.plus(Duration.ofDays(40))).withState(prior(second), true));
    assertThat(late.agents()).extracting(InventoryAgent::name).doesNotContain("agent.py");
    Inventory within = CORRELATOR.correlate(onlyCron(Scenario.SCAN.plus(Duration.ofDays(29))).withState(prior(second), true));
    assertThat(named(within, "agent.py").inactive()).isTrue();
    assertThat(named(late, "triage-agent").classification()).as("code still exists").isEqualTo(Classification.ZOMBIE);
  }

  @Test
  void aZombieSeenAgainIsConfirmedAgain() {
    Inventory second = CORRELATOR.correlate(onlyCron(Scenario.SCAN.plus(Duration.ofDays(1))).withState(prior(first), true));
    Inventory third = CORRELATOR.correlate(Scenario.input().withState(prior(second), true));
    assertThat(named(third, "triage-agent").classification()).isEqualTo(Classification.CONFIRMED);
    assertThat(named(third, "agent.py").classification()).isEqualTo(Classification.GHOST);
    assertThat(named(third, "triage-agent").firstSeen()).isEqualTo(named(first, "triage-agent").firstSeen());
  }

  @Test
  void aScanWithoutRuntimeLayersDeclaresNoZombies() {
    Inventory codeOnly = CORRELATOR.correlate(CorrelationInput.of(Scenario.TOOL, Scenario.SCAN.plus(Duration.ofDays(1)))
        .withCode(code, Map.of()).withState(prior(first), true));
    assertThat(codeOnly.agents()).noneMatch(a -> a.classification() == Classification.ZOMBIE);
    assertThat(named(codeOnly, "triage-agent").classification()).isEqualTo(Classification.UNKNOWN);
    assertThat(named(codeOnly, "triage-agent").reasons().get(0)).contains("no runtime layer ran");
  }

  /** Code plus a host layer that now only sees the node's cron script. */
  private static CorrelationInput onlyCron(Instant when) {
    HostScan h = Scenario.host();
    HostScan cron = new HostScan(h.procRoot(), h.start(), h.end(),
        h.observations().stream().filter(o -> o.process().container().isEmpty()).toList(), List.of(), h.status(), h.stats());
    return CorrelationInput.of(Scenario.TOOL, when).withCode(code, Scenario.hashes(code)).withHost(cron, "node-a");
  }

  /** What a state store remembers after a scan: the agent, first seen, last runtime sighting, digest. */
  static PriorState prior(Inventory inv) {
    Map<String, PriorState.PriorAgent> m = new HashMap<>();
    for (InventoryAgent a : inv.agents()) {
      m.put(a.id(), new PriorState.PriorAgent(a, a.firstSeen().orElse(inv.scanTime()), a.lastSeen(), a.digest()));
    }
    return new PriorState(Optional.of(inv.scanTime()), m);
  }

  /** {@link #prior(Inventory)} with one agent acknowledged. */
  static PriorState prior(Inventory inv, String id, InventoryAgent.Acknowledgement ack) {
    Map<String, PriorState.PriorAgent> m = new HashMap<>(prior(inv).agents());
    PriorState.PriorAgent p = m.get(id);
    m.put(id, new PriorState.PriorAgent(p.snapshot(), p.firstSeen(), p.lastRuntimeSeen(), p.digest(), Optional.of(ack)));
    return new PriorState(Optional.of(inv.scanTime()), m);
  }

  private static InventoryAgent named(Inventory inv, String name) {
    return inv.agents().stream().filter(a -> a.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + inv.agents().stream().map(InventoryAgent::name).toList()));
  }
}

package dev.wraith.state;

import static dev.wraith.state.Inventories.CONFIRMED_ID;
import static dev.wraith.state.Inventories.GHOST_ID;
import static dev.wraith.state.Inventories.T1;
import static dev.wraith.state.Inventories.T2;
import static dev.wraith.state.Inventories.T3;
import static dev.wraith.state.Inventories.UNKNOWN_ID;
import static dev.wraith.state.Inventories.confirmed;
import static dev.wraith.state.Inventories.ghost;
import static dev.wraith.state.Inventories.inventory;
import static dev.wraith.state.Inventories.unknown;
import static dev.wraith.state.Inventories.zombie;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Classification;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.PriorState;
import dev.wraith.model.Risk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state store over real SQLite files, scan after scan. */
class StateStoreTest {
  @TempDir Path dir;

  @Test
  void firstScanHasNoPriorAndTheFileIsPrivate() throws Exception {
    Path db = dir.resolve("home/.wraith/inventory.db");
    try (StateStore store = StateStore.open(db)) {
      assertThat(store.prior()).isEqualTo(PriorState.NONE);
      assertThat(store.scans()).isEmpty();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db.getParent()))).isEqualTo("rwx------");
  }

  @Test
  void secondScanKeepsFirstSeenAndMovesRuntimeSightingOnlyForObservedAgents() {
    Path db = dir.resolve("inventory.db");
    try (StateStore store = StateStore.open(db)) {
      store.record(inventory(T1, confirmed(T1), ghost(T1), unknown()));
      PriorState after1 = store.prior();
      assertThat(after1.lastScan()).contains(T1);
      assertThat(after1.agents()).containsOnlyKeys(CONFIRMED_ID, GHOST_ID, UNKNOWN_ID);
      assertThat(after1.agents().get(CONFIRMED_ID).lastRuntimeSeen()).contains(T1);
      assertThat(after1.agents().get(UNKNOWN_ID).lastRuntimeSeen()).isEmpty();

      store.record(inventory(T2, confirmed(T2), unknown())); // the ghost's script is gone
    }
    try (StateStore store = StateStore.open(db)) { // and it survives a reopen
      PriorState prior = store.prior();
      assertThat(prior.lastScan()).contains(T2);
      PriorState.PriorAgent bot = prior.agents().get(CONFIRMED_ID);
      assertThat(bot.firstSeen()).isEqualTo(T1);
      assertThat(bot.lastRuntimeSeen()).contains(T2);
      assertThat(bot.snapshot()).isEqualTo(confirmed(T2));
      PriorState.PriorAgent code = prior.agents().get(UNKNOWN_ID);
      assertThat(code.firstSeen()).isEqualTo(T1);
      assertThat(code.lastRuntimeSeen()).isEmpty();
      // what ZOMBIE needs: seen at runtime in scan 1, absent from scan 2
      PriorState.PriorAgent ghost = prior.agents().get(GHOST_ID);
      assertThat(ghost.firstSeen()).isEqualTo(T1);
      assertThat(ghost.lastRuntimeSeen()).contains(T1);
      assertThat(ghost.snapshot()).isEqualTo(ghost(T1));
      assertThat(ghost.digest()).isEqualTo(ghost(T1).digest());
    }
  }

  @Test
  void acknowledgementsAreRememberedTheLatestCountsAndHistoryListsThemAll() {
    try (StateStore store = StateStore.open(dir.resolve("inventory.db"))) {
      store.record(inventory(T1, ghost(T1), unknown()));
      var first = new InventoryAgent.Acknowledgement(T2, "looked at it");
      var second = new InventoryAgent.Acknowledgement(T3, "INC-4711: removed");
      assertThat(store.acknowledge(GHOST_ID, first).name()).isEqualTo("sync.py");
      store.acknowledge(GHOST_ID, second);
      PriorState prior = store.prior();
      assertThat(prior.agents().get(GHOST_ID).acknowledgement()).contains(second);
      assertThat(prior.agents().get(UNKNOWN_ID).acknowledgement()).isEmpty();
      assertThat(store.agentHistory(GHOST_ID).orElseThrow().acknowledgements()).containsExactly(first, second);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.acknowledge("no-such-agent", first))
          .isInstanceOf(StateException.class).hasMessageContaining("has no agent no-such-agent");
    }
  }

  @Test
  void anInactiveAgentIsRecordedAsNotObservedAndItsSnapshotRoundTrips() throws Exception {
    Path db = dir.resolve("inventory.db");
    InventoryAgent g = ghost(T1);
    InventoryAgent inactive = new InventoryAgent(g.id(), g.classification(), g.risk(), g.name(), g.workload(), g.process(),
        g.code(), g.providers(), g.capabilities(), g.connections(), g.reach(), g.evidence(), g.reasons(), g.firstSeen(),
        g.lastSeen(), g.change(), Optional.of(T1), Optional.of(new InventoryAgent.Acknowledgement(T2, "note")));
    try (StateStore store = StateStore.open(db)) {
      store.record(inventory(T1, g));
      store.record(inventory(T2, inactive));
      PriorState.PriorAgent p = store.prior().agents().get(GHOST_ID);
      assertThat(p.snapshot()).isEqualTo(inactive);
      assertThat(p.lastRuntimeSeen()).as("an inactive agent was not observed at T2").contains(T1);
      assertThat(store.agentHistory(GHOST_ID).orElseThrow().entries()).extracting(AgentHistory.Entry::inactive)
          .containsExactly(false, true);
    }
    // a snapshot a wraith before schema V2 wrote has neither field: read as active and never acknowledged
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
      st.executeUpdate("UPDATE agent SET last_snapshot = json_remove(last_snapshot, '$.inactiveSince', '$.acknowledgement')");
    }
    try (StateStore store = StateStore.open(db)) {
      InventoryAgent old = store.prior().agents().get(GHOST_ID).snapshot();
      assertThat(old.inactiveSince()).isEmpty();
      assertThat(old.acknowledgement()).isEmpty();
    }
  }

  @Test
  void aZombieListedButNotObservedKeepsItsLastRuntimeSightingUntilSeenAgain() {
    try (StateStore store = StateStore.open(dir.resolve("inventory.db"))) {
      store.record(inventory(T1, ghost(T1)));
      store.record(inventory(T2, zombie(ghost(T1))));
      PriorState.PriorAgent z = store.prior().agents().get(GHOST_ID);
      assertThat(z.lastRuntimeSeen()).contains(T1);
      assertThat(z.snapshot().classification()).isEqualTo(Classification.ZOMBIE);

      store.record(inventory(T3, ghost(T3)));
      PriorState.PriorAgent back = store.prior().agents().get(GHOST_ID);
      assertThat(back.lastRuntimeSeen()).contains(T3);
      assertThat(back.firstSeen()).isEqualTo(T1);
    }
  }

  @Test
  void snapshotsRoundTripExactly() {
    InventoryAgent[] agents = {confirmed(T2), ghost(T2), unknown()};
    try (StateStore store = StateStore.open(dir.resolve("inventory.db"))) {
      store.record(inventory(T2, agents));
      Map<String, PriorState.PriorAgent> prior = store.prior().agents();
      for (InventoryAgent a : agents) {
        assertThat(prior.get(a.id()).snapshot()).isEqualTo(a);
        assertThat(prior.get(a.id()).snapshot().workload()).isEqualTo(a.workload()); // Optional survives, not null
        assertThat(prior.get(a.id()).digest()).isEqualTo(a.digest());
      }
    }
    assertThat(Snapshots.agent(Snapshots.agent(unknown())).firstSeen()).isEqualTo(Optional.empty());
  }

  @Test
  void scansListCountsPerClassAndLayers() {
    try (StateStore store = StateStore.open(dir.resolve("inventory.db"))) {
      long first = store.record(inventory(T1, confirmed(T1), ghost(T1), unknown()));
      long second = store.record(inventory(T2, confirmed(T2), unknown()));
      assertThat(second).isGreaterThan(first);
      List<ScanSummary> scans = store.scans();
      assertThat(scans).extracting(ScanSummary::id).containsExactly(first, second);
      ScanSummary s = scans.get(0);
      assertThat(s.time()).isEqualTo(T1);
      assertThat(s.toolVersion()).isEqualTo("0.1.0");
      assertThat(s.roots()).containsExactly("/src/acme-support");
      assertThat(s.summary()).containsEntry(Classification.CONFIRMED, 1).containsEntry(Classification.GHOST, 1)
          .containsEntry(Classification.UNKNOWN, 1).containsEntry(Classification.ZOMBIE, 0);
      assertThat(s.risk()).containsEntry(Risk.CRITICAL, 1).containsEntry(Risk.HIGH, 1).containsEntry(Risk.LOW, 0);
      assertThat(s.layers()).isEqualTo(inventory(T1).layers());
      assertThat(scans.get(1).summary()).containsEntry(Classification.GHOST, 0);
    }
  }

  @Test
  void diffListsNewGoneAndChanged() {
    try (StateStore store = StateStore.open(dir.resolve("inventory.db"))) {
      long a = store.record(inventory(T1, confirmed(T1), ghost(T1), unknown()));
      InventoryAgent nowConfirmed = Inventories.reclassified(unknown(), Classification.CONFIRMED, Risk.HIGH);
      long b = store.record(inventory(T2, nowConfirmed, zombie(ghost(T1))));
      store.record(inventory(T3, nowConfirmed));

      Diff d = store.diff(a, b);
      assertThat(d.from().id()).isEqualTo(a);
      assertThat(d.added()).isEmpty();
      assertThat(d.gone()).extracting(Diff.Agent::id).containsExactly(CONFIRMED_ID);
      assertThat(d.changed()).extracting(Diff.Change::id).containsExactly(GHOST_ID, UNKNOWN_ID); // by new class
      Diff.Change ghost = d.changed().get(0);
      assertThat(ghost.describe()).isEqualTo("GHOST → ZOMBIE, risk CRITICAL → LOW");

      Diff back = store.diff(b, a);
      assertThat(back.added()).extracting(Diff.Agent::id).containsExactly(CONFIRMED_ID);
      assertThat(store.diff(b, b).isEmpty()).isTrue();
    }
  }

  @Test
  void evidenceChangeWithTheSameVerdictIsAChange() {
    try (StateStore store = StateStore.open(dir.resolve("inventory.db"))) {
      long a = store.record(inventory(T1, unknown()));
      InventoryAgent u = unknown();
      InventoryAgent moreTools = new InventoryAgent(u.id(), u.classification(), u.risk(), u.name(), u.workload(),
          u.process(), u.code(), u.providers(), List.of("shell", "filesystem"), u.connections(), u.reach(),
          u.evidence(), u.reasons(), u.firstSeen(), u.lastSeen(), u.change());
      long b = store.record(inventory(T2, moreTools));
      assertThat(store.diff(a, b).changed()).singleElement()
          .satisfies(c -> assertThat(c.describe()).isEqualTo("evidence changed"));
      long c = store.record(inventory(T3, moreTools));
      assertThat(store.diff(b, c).isEmpty()).isTrue();
    }
  }

  @Test
  void agentHistoryIsOneRowPerScanThatListedIt() {
    try (StateStore store = StateStore.open(dir.resolve("inventory.db"))) {
      store.record(inventory(T1, ghost(T1)));
      store.record(inventory(T2, zombie(ghost(T1))));
      store.record(inventory(T3, unknown()));
      AgentHistory h = store.agentHistory(GHOST_ID).orElseThrow();
      assertThat(h.name()).isEqualTo("sync.py");
      assertThat(h.firstSeen()).isEqualTo(T1);
      assertThat(h.lastRuntimeSeen()).contains(T1);
      assertThat(h.entries()).extracting(AgentHistory.Entry::classification)
          .containsExactly(Classification.GHOST, Classification.ZOMBIE);
      assertThat(h.entries()).extracting(AgentHistory.Entry::runtime).containsExactly(true, false);
      assertThat(store.agentHistory("agent-nope")).isEmpty();
      assertThat(store.agentIds("agent-0b", 10)).containsExactly(GHOST_ID);
      assertThat(store.agentIds("agent-", 10)).containsExactly(GHOST_ID, UNKNOWN_ID);
      assertThat(store.agentIds("%", 10)).isEmpty();
    }
  }

  @Test
  void toolHashesPerServerAndChangesReplaceTheOldHash() {
    try (StateStore store = StateStore.open(dir.resolve("inventory.db"))) {
      assertThat(store.toolHashes("npm:@acme/files")).isEmpty();
      store.recordToolHashes("npm:@acme/files", Map.of("read_file", "aa", "list_dir", "bb"), T1);
      store.recordToolHashes("npm:@other/x", Map.of("read_file", "zz"), T1);
      store.recordToolHashes("npm:@acme/files", Map.of("read_file", "cc"), T2); // list_dir not probed this time
      assertThat(store.toolHashes("npm:@acme/files")).containsExactly(Map.entry("list_dir", "bb"),
          Map.entry("read_file", "cc"));
      assertThat(store.toolHashes("npm:@other/x")).containsExactly(Map.entry("read_file", "zz"));
    }
  }

  @Test
  void anInventoryListingAnAgentTwiceIsRefusedBeforeWriting() {
    try (StateStore store = StateStore.open(dir.resolve("inventory.db"))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.record(inventory(T1, unknown(), unknown())))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(UNKNOWN_ID);
      assertThat(store.scans()).isEmpty();
    }
  }
}

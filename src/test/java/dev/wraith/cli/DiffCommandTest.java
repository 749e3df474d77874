package dev.wraith.cli;

import static dev.wraith.cli.HistoryCommandTest.runErr;
import static dev.wraith.state.Inventories.CONFIRMED_ID;
import static dev.wraith.state.Inventories.GHOST_ID;
import static dev.wraith.state.Inventories.T1;
import static dev.wraith.state.Inventories.T2;
import static dev.wraith.state.Inventories.T3;
import static dev.wraith.state.Inventories.UNKNOWN_ID;
import static dev.wraith.state.Inventories.confirmed;
import static dev.wraith.state.Inventories.ghost;
import static dev.wraith.state.Inventories.inventory;
import static dev.wraith.state.Inventories.reclassified;
import static dev.wraith.state.Inventories.unknown;
import static dev.wraith.state.Inventories.zombie;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.model.Classification;
import dev.wraith.model.Risk;
import dev.wraith.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wraith diff} over a real state database. */
class DiffCommandTest {
  @TempDir Path dir;

  /** Scan 1: bot, ghost, code agent. Scan 2: code agent now confirmed, ghost gone quiet, bot gone. Scan 3: ghost back. */
  private Path threeScans() {
    Path db = dir.resolve("inventory.db");
    try (StateStore store = StateStore.open(db)) {
      store.record(inventory(T1, confirmed(T1), ghost(T1), unknown()));
      store.record(inventory(T2, reclassified(unknown(), Classification.CONFIRMED, Risk.HIGH), zombie(ghost(T1))));
      store.record(inventory(T3, reclassified(unknown(), Classification.CONFIRMED, Risk.HIGH), ghost(T3)));
    }
    return db;
  }

  @Test
  void defaultIsTheLastTwoScans() throws Exception {
    Path db = threeScans();
    String out = run("diff", "--state", db.toString());
    assertThat(out).startsWith("scan 2 (2026-11-02T09:00:00Z) → scan 3 (2026-11-03T09:00:00Z)\n")
        .contains("CHANGED  ZOMBIE → GHOST  LOW → CRITICAL  sync.py  " + GHOST_ID)
        .contains("0 new, 0 gone, 1 changed");
  }

  @Test
  void explicitScansListNewGoneAndChanged() throws Exception {
    Path db = threeScans();
    String out = run("diff", "--state", db.toString(), "1", "2");
    assertThat(out).contains("GONE     CONFIRMED            HIGH            support-bot        " + CONFIRMED_ID)
        .contains("CHANGED  GHOST → ZOMBIE       CRITICAL → LOW  sync.py            " + GHOST_ID)
        .contains("CHANGED  UNKNOWN → CONFIRMED  MEDIUM → HIGH   research_agent.py  " + UNKNOWN_ID)
        .contains("0 new, 1 gone, 2 changed");
    assertThat(run("diff", "--state", db.toString(), "2", "1")).contains("NEW      CONFIRMED");
    assertThat(run("diff", "--state", db.toString(), "3", "3")).endsWith("no changes\n");
  }

  @Test
  void jsonNamesEachListAndBothScans() throws Exception {
    Path db = threeScans();
    JsonNode doc = new ObjectMapper().readTree(run("diff", "--state", db.toString(), "1", "2", "--format", "json"));
    assertThat(doc.get("from").get("id").asLong()).isEqualTo(1);
    assertThat(doc.get("to").get("id").asLong()).isEqualTo(2);
    assertThat(doc.get("new")).isEmpty();
    assertThat(doc.get("gone").get(0).get("id").asText()).isEqualTo(CONFIRMED_ID);
    JsonNode ghost = doc.get("changed").get(0);
    assertThat(ghost.get("fromClassification").asText()).isEqualTo("GHOST");
    assertThat(ghost.get("toClassification").asText()).isEqualTo("ZOMBIE");
    assertThat(ghost.get("toRisk").asText()).isEqualTo("LOW");
  }

  @Test
  void tooFewScansMissingScansAndBadArgumentsAreUsageErrors() {
    Path db = dir.resolve("one.db");
    try (StateStore store = StateStore.open(db)) {
      store.record(inventory(T1, unknown()));
    }
    assertThat(runErr(2, "diff", "--state", db.toString())).contains("has 1 scan(s); diff needs two");
    assertThat(runErr(2, "diff", "--state", db.toString(), "1", "9")).contains("has no scan 9");
    assertThat(runErr(2, "diff", "--state", db.toString(), "1")).contains("give both FROM and TO");
    assertThat(runErr(2, "diff", "--state", db.toString(), "one", "two")).contains("one");
    assertThat(runErr(2, "diff", "--state", dir.resolve("missing.db").toString())).contains("no state database at");
  }

  private String run(String... args) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("-o", out.toString()))
        .toArray(String[]::new);
    assertThat(Main.run(all)).isEqualTo(0);
    return Files.readString(out);
  }
}

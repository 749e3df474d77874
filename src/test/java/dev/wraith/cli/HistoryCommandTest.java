package dev.wraith.cli;

import static dev.wraith.state.Inventories.GHOST_ID;
import static dev.wraith.state.Inventories.T1;
import static dev.wraith.state.Inventories.T2;
import static dev.wraith.state.Inventories.confirmed;
import static dev.wraith.state.Inventories.ghost;
import static dev.wraith.state.Inventories.inventory;
import static dev.wraith.state.Inventories.unknown;
import static dev.wraith.state.Inventories.zombie;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.state.StateStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wraith history} over a real state database with two scans. */
class HistoryCommandTest {
  @TempDir Path dir;
  Path db;

  @BeforeEach
  void twoScans() {
    db = dir.resolve("inventory.db");
    try (StateStore store = StateStore.open(db)) {
      store.record(inventory(T1, confirmed(T1), ghost(T1), unknown()));
      store.record(inventory(T2, confirmed(T2), zombie(ghost(T1)), unknown()));
    }
  }

  @Test
  void tableListsEveryScanWithCountsPerClass() throws Exception {
    String out = run(0, "history", "--state", db.toString());
    assertThat(out).contains("SCAN  TIME                  CONFIRMED  UNKNOWN  SHADOW AI  ZOMBIE  GHOST  CRITICAL  HIGH  LAYERS")
        .contains("1     2026-11-01T09:00:00Z  1          1        0          0       1      1         1     "
            + "code ran, cluster ran, host skipped, tetragon partial")
        .contains("2     2026-11-02T09:00:00Z  1          1        0          1       0      0         1")
        .contains("2 scan(s) in " + db);
  }

  @Test
  void jsonHasTheScansWithExactTimes() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(run(0, "history", "--state", db.toString(), "--format", "json"));
    assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.get("scans")).hasSize(2);
    JsonNode second = doc.get("scans").get(1);
    assertThat(second.get("time").asText()).isEqualTo("2026-11-02T09:00:00.123456789Z");
    assertThat(second.get("summary").get("ZOMBIE").asInt()).isEqualTo(1);
    assertThat(second.get("risk").get("LOW").asInt()).isEqualTo(1);
  }

  @Test
  void oneAgentsHistoryByIdPrefix() throws Exception {
    String out = run(0, "history", "--state", db.toString(), "--agent", "agent-0b");
    assertThat(out).startsWith("sync.py  " + GHOST_ID + "\n")
        .contains("first seen 2026-11-01T09:00:00Z, last seen at runtime 2026-11-01T09:00:00Z")
        .contains("1     2026-11-01T09:00:00Z  GHOST           CRITICAL  seen")
        .contains("2     2026-11-02T09:00:00Z  ZOMBIE          LOW       -");
    JsonNode doc = new ObjectMapper().readTree(run(0, "history", "--state", db.toString(), "--agent", GHOST_ID, "-f", "json"));
    assertThat(doc.get("agent").get("entries")).hasSize(2);
    assertThat(doc.get("agent").get("lastRuntimeSeen").asText()).isEqualTo("2026-11-01T09:00:00Z");
  }

  @Test
  void missingDatabaseUnknownOrAmbiguousAgentAndBadFormatAreUsageErrors() throws Exception {
    Path missing = dir.resolve("none/inventory.db");
    assertThat(runErr(2, "history", "--state", missing.toString())).contains("no state database at " + missing);
    assertThat(missing.getParent()).doesNotExist();
    assertThat(runErr(2, "history", "--state", db.toString(), "--agent", "agent-zzz")).contains("no agent 'agent-zzz'");
    assertThat(runErr(2, "history", "--state", db.toString(), "--agent", "agent-")).contains("is ambiguous");
    assertThat(runErr(2, "history", "--state", db.toString(), "--format", "sarif")).contains("unknown --format 'sarif'");
    Path corrupt = Files.writeString(dir.resolve("corrupt.db"), "garbage ".repeat(1000));
    assertThat(runErr(2, "history", "--state", corrupt.toString())).contains("is corrupt or not an SQLite database");
  }

  /** Runs the CLI expecting {@code code}; returns what it wrote to --output. */
  private String run(int code, String... args) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("-o", out.toString()))
        .toArray(String[]::new);
    assertThat(Main.run(all)).isEqualTo(code);
    return Files.readString(out);
  }

  /** Runs the CLI expecting {@code code}; returns its standard error. */
  static String runErr(int code, String... args) {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(args)).isEqualTo(code);
    } finally {
      System.setErr(saved);
    }
    return err.toString(StandardCharsets.UTF_8);
  }
}

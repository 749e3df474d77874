package dev.wraith.state;

import static dev.wraith.state.Inventories.CONFIRMED_ID;
import static dev.wraith.state.Inventories.GHOST_ID;
import static dev.wraith.state.Inventories.T1;
import static dev.wraith.state.Inventories.T2;
import static dev.wraith.state.Inventories.T3;
import static dev.wraith.state.Inventories.confirmed;
import static dev.wraith.state.Inventories.ghost;
import static dev.wraith.state.Inventories.inventory;
import static dev.wraith.state.Inventories.unknown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wraith.model.PriorState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan that dies while recording leaves the state as the previous scan left it. */
class StateCrashTest {
  @TempDir Path dir;

  @Test
  void aFailureHalfwayThroughRecordingWritesNothing() {
    Path db = dir.resolve("inventory.db");
    try (StateStore store = StateStore.open(db)) {
      store.record(inventory(T1, confirmed(T1), ghost(T1)));
      PriorState before = store.prior();
      assertThatThrownBy(() -> store.record(inventory(T2, confirmed(T2), ghost(T2), unknown()), n -> {
        if (n == 2) throw new IllegalStateException("disk full (injected)");
      })).isInstanceOf(StateException.class).hasMessageContaining("recording the scan (nothing was written) failed")
          .hasRootCauseMessage("disk full (injected)");
      assertThat(store.prior()).isEqualTo(before);
      assertThat(store.scans()).hasSize(1);
      assertThat(store.agentHistory(CONFIRMED_ID).orElseThrow().entries()).hasSize(1);
      assertThat(store.record(inventory(T3, confirmed(T3)))).isEqualTo(2); // still usable, no gap in ids
    }
  }

  @Test
  void aWriterKilledMidTransactionLeavesThePreviousStateIntact() throws Exception {
    Path db = dir.resolve("inventory.db");
    PriorState before;
    try (StateStore store = StateStore.open(db)) {
      store.record(inventory(T1, confirmed(T1), ghost(T1), unknown()));
      before = store.prior();
    }
    Path wal = db.resolveSibling("inventory.db-wal");
    long walBefore = Files.exists(wal) ? Files.size(wal) : 0;

    Process child = startChild(db, 8_000);
    List<String> said = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        said.add(line);
        if (line.equals("WROTE 3000")) break;
      }
      assertThat(said).as("child output").contains("OPEN", "WROTE 3000").doesNotContain("COMMITTED");
      assertThat(Files.size(wal)).as("uncommitted rows reached the WAL file").isGreaterThan(walBefore + 1_000_000);
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback, no close
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(child.exitValue()).isNotZero();

    try (StateStore store = StateStore.open(db)) {
      assertThat(store.prior()).isEqualTo(before);
      assertThat(store.scans()).hasSize(1);
      assertThat(store.agentIds("agent-bulk-", 1)).isEmpty();
      assertThat(store.record(inventory(T2, confirmed(T2)))).isEqualTo(2);
      assertThat(store.prior().agents().get(GHOST_ID).lastRuntimeSeen()).contains(T1);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
  }

  /** A JVM of its own on the test class path (surefire hands it over in a property, not java.class.path). */
  private static Process startChild(Path db, int agents) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp", cp, StateCrashChild.class.getName(),
        db.toString(), Integer.toString(agents))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }
}

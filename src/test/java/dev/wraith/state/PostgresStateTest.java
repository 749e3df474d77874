package dev.wraith.state;

import static dev.wraith.state.Inventories.CONFIRMED_ID;
import static dev.wraith.state.Inventories.GHOST_ID;
import static dev.wraith.state.Inventories.T1;
import static dev.wraith.state.Inventories.T2;
import static dev.wraith.state.Inventories.confirmed;
import static dev.wraith.state.Inventories.ghost;
import static dev.wraith.state.Inventories.inventory;
import static dev.wraith.state.Inventories.unknown;
import static dev.wraith.state.Inventories.zombie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wraith.model.Classification;
import dev.wraith.model.PriorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state store on a real PostgreSQL server: migrations, refusals, credentials and concurrent writers. */
class PostgresStateTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  static PostgresServer server;

  @TempDir Path dir;

  @BeforeAll
  static void startServer() throws Exception {
    server = PostgresTests.server();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) server.close();
  }

  /** A fresh empty database per test. */
  private static StateLocation freshDatabase() throws SQLException {
    String name = "fleet_" + DATABASES.incrementAndGet();
    server.createDatabase(name);
    return server.location(name);
  }

  @Test
  void migratesAnEmptyDatabaseAndRemembersAcrossReopens() throws Exception {
    StateLocation db = freshDatabase();
    try (StateStore store = StateStore.open(db, server.env())) {
      assertThat(store.prior()).isEqualTo(PriorState.NONE);
      assertThat(store.record(inventory(T1, confirmed(T1), ghost(T1), unknown()))).isEqualTo(1);
      assertThat(store.record(inventory(T2, confirmed(T2), zombie(ghost(T1)), unknown()))).isEqualTo(2);
      store.recordToolHashes("fs", Map.of("read_file", "h1", "write_file", "h2"), T1);
      store.recordToolHashes("fs", Map.of("read_file", "h1", "write_file", "h3"), T2);
    }
    try (StateStore store = StateStore.open(db, server.env())) {
      PriorState prior = store.prior();
      assertThat(prior.lastScan()).contains(T2); // nine fraction digits survive the round trip
      assertThat(prior.agents().get(CONFIRMED_ID).firstSeen()).isEqualTo(T1);
      assertThat(prior.agents().get(CONFIRMED_ID).snapshot()).isEqualTo(confirmed(T2));
      assertThat(prior.agents().get(GHOST_ID).lastRuntimeSeen()).contains(T1);
      assertThat(store.scans()).extracting(ScanSummary::id).containsExactly(1L, 2L);
      assertThat(store.scans().get(1).summary().get(Classification.ZOMBIE)).isEqualTo(1);
      Diff diff = store.diff(1, 2);
      assertThat(diff.changed()).extracting(Diff.Change::id).containsExactly(GHOST_ID);
      assertThat(store.agentHistory(GHOST_ID).orElseThrow().entries()).extracting(AgentHistory.Entry::classification)
          .containsExactly(Classification.GHOST, Classification.ZOMBIE);
      assertThat(store.agentIds("agent-", 10)).hasSize(3);
      assertThat(store.toolsSeen("fs").get("write_file")).isEqualTo(new StateStore.ToolSeen("h3", T2));
      assertThat(store.toolsSeen("fs").get("read_file")).isEqualTo(new StateStore.ToolSeen("h1", T1));
    }
    try (Connection c = server.connect(name(db)); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
      for (String version : List.of("1", "2", "3")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(version);
        assertThat(rs.getBoolean(2)).isTrue();
      }
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void concurrentWritersNeitherLoseNorDuplicateSightings() throws Exception {
    StateLocation db = freshDatabase();
    int threads = 3;
    int processes = 2;
    int writers = threads + processes;
    int scans = 6;
    List<Process> children = new ArrayList<>();
    for (int w = threads; w < writers; w++) children.add(child(db, w, writers, scans));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> done = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        int writer = w;
        done.add(pool.submit((Callable<Object>) () -> {
          PostgresWriterChild.run(db, server.env(), writer, writers, scans);
          return null;
        }));
      }
      for (Future<Object> f : done) f.get(120, TimeUnit.SECONDS);
      for (Process p : children) {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("DONE");
        assertThat(p.exitValue()).isZero();
      }
    } finally {
      pool.shutdownNow();
      children.forEach(Process::destroyForcibly);
    }
    int shared = PostgresWriterChild.SHARED;
    assertThat(count(db, "SELECT count(*) FROM scan")).isEqualTo(writers * scans);
    assertThat(count(db, "SELECT count(*) FROM scan_agent")).isEqualTo(writers * scans * (shared + 2));
    assertThat(count(db, "SELECT count(*) FROM agent")).isEqualTo(shared + writers + writers * scans);
    assertThat(count(db, "SELECT count(*) FROM (SELECT scan_id FROM scan_agent GROUP BY scan_id HAVING count(*) = "
        + (shared + 2) + ") full_scans")).isEqualTo(writers * scans);
    try (StateStore store = StateStore.open(db, server.env())) {
      PriorState prior = store.prior();
      Instant last = PostgresWriterChild.time(writers - 1, writers, scans - 1);
      assertThat(prior.lastScan()).as("the scan recorded last has the highest id; times are unique").isPresent();
      for (int i = 0; i < shared; i++) {
        PriorState.PriorAgent a = prior.agents().get(String.format("agent-shared-%02d", i));
        assertThat(a.firstSeen()).isEqualTo(PostgresWriterChild.T0);
        assertThat(a.lastRuntimeSeen()).contains(expectedRuntime(i, writers, scans));
        assertThat(a.snapshot().name()).isEqualTo(String.format("agent-shared-%02d", i) + ".py");
        assertThat(a.snapshot().observedAtRuntime()).isEqualTo(lastIsRuntime(i, writers, scans));
      }
      assertThat(store.agentHistory("agent-shared-00").orElseThrow().entries()).hasSize(writers * scans);
      assertThat(last).isEqualTo(PostgresWriterChild.T0.plusSeconds((long) scans * writers - 1));
    }
  }

  /** The latest time any writer saw shared agent i at runtime. */
  private static Instant expectedRuntime(int i, int writers, int scans) {
    Instant best = null;
    for (int w = 0; w < writers; w++) {
      for (int s = 0; s < scans; s++) {
        Instant t = PostgresWriterChild.time(w, writers, s);
        if (PostgresWriterChild.runtimeShared(w, s, i) && (best == null || t.isAfter(best))) best = t;
      }
    }
    return best;
  }

  /** Whether the latest scan of all (the last writer's last scan) saw shared agent i at runtime. */
  private static boolean lastIsRuntime(int i, int writers, int scans) {
    return PostgresWriterChild.runtimeShared(writers - 1, scans - 1, i);
  }

  @Test
  void aSchemaNewerThanThisBinaryIsRefusedAndLeftAlone() throws Exception {
    StateLocation db = freshDatabase();
    try (StateStore newer = StateStore.open(StateStore.dialect(db, server.env(), StateStore.BUSY_TIMEOUT),
        "classpath:state/future-migration")) {
      newer.record(inventory(T1, unknown()));
    }
    assertThatThrownBy(() -> StateStore.open(db, server.env())).isInstanceOf(StateException.class)
        .hasMessage("state database " + db.display() + ": schema V5 is newer than this wraith (V3); upgrade wraith "
            + "or use --state with another database");
    assertThat(count(db, "SELECT count(*) FROM scan")).isEqualTo(1);
    assertThat(count(db, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(4);
  }

  @Test
  void someoneElsesTablesAreNeverWrittenToButAWraithSchemaBesideThemIs() throws Exception {
    StateLocation db = freshDatabase();
    try (Connection c = server.connect(name(db)); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE users (name TEXT)");
      st.execute("CREATE SCHEMA inventory");
    }
    assertThatThrownBy(() -> StateStore.open(db, server.env())).isInstanceOf(StateException.class)
        .hasMessage("state database " + db.display() + " holds tables that are not wraith's (tables: users); use "
            + "--state with another database, or give wraith its own schema with ?currentSchema=NAME");
    assertThat(count(db, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).isEqualTo(1);
    StateLocation own = StateLocation.parse(db.display() + "?currentSchema=inventory");
    try (StateStore store = StateStore.open(own, server.env())) {
      assertThat(store.record(inventory(T1, unknown()))).isEqualTo(1);
    }
    assertThat(count(db, "SELECT count(*) FROM inventory.scan")).isEqualTo(1);
  }

  @Test
  void thePasswordComesFromTheEnvironmentOrAFileAndIsNeverInAMessage() throws Exception {
    StateLocation db = freshDatabase();
    assertThatThrownBy(() -> StateStore.open(db, Map.of())).isInstanceOf(StateException.class)
        .hasMessageStartingWith("state database " + db.display() + " refused the login of user 'wraith'")
        .hasMessageEndingWith("set the password in WRAITH_STATE_PASSWORD_FILE, WRAITH_STATE_PASSWORD or PGPASSWORD, "
            + "or in ~/.pgpass");
    String wrong = "not-the-" + server.password();
    assertThatThrownBy(() -> StateStore.open(db, Map.of("WRAITH_STATE_PASSWORD", wrong)))
        .isInstanceOf(StateException.class).hasMessage("state database " + db.display() + " refused the login of user "
            + "'wraith': wrong password, or no such user; set the password in WRAITH_STATE_PASSWORD_FILE, "
            + "WRAITH_STATE_PASSWORD or PGPASSWORD, or in ~/.pgpass")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(server.password()));

    Path file = Files.writeString(dir.resolve("password"), server.password() + "\n");
    try (StateStore store = StateStore.open(db, Map.of("WRAITH_STATE_PASSWORD_FILE", file.toString(),
        "WRAITH_STATE_PASSWORD", wrong))) { // the file wins over the variable
      assertThat(store.scans()).isEmpty();
    }
    try (StateStore store = StateStore.open(db, Map.of("PGPASSWORD", server.password()))) {
      assertThat(store.scans()).isEmpty();
    }
    Path pgpass = Files.writeString(dir.resolve("pgpass"), "127.0.0.1:" + server.port() + ":*:wraith:"
        + server.password() + "\n");
    Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
    try (StateStore store = StateStore.open(db, Map.of())) { // libpq's ~/.pgpass, read by the driver
      assertThat(store.scans()).isEmpty();
    } finally {
      System.clearProperty("org.postgresql.pgpassfile");
    }
    assertThatThrownBy(() -> StateStore.open(db, Map.of("WRAITH_STATE_PASSWORD_FILE", dir.resolve("none").toString())))
        .isInstanceOf(StateException.class)
        .hasMessage("WRAITH_STATE_PASSWORD_FILE=" + dir.resolve("none") + " cannot be read: " + dir.resolve("none")
            + ": no such file; "
            + "point it at a readable file holding the password");
  }

  @Test
  void aMissingDatabaseAnUnreachableServerAndAnEmptyHistoryAreOneSentenceEach() throws Exception {
    StateLocation missing = server.location("fleet_nobody_created_this");
    assertThatThrownBy(() -> StateStore.open(missing, server.env())).isInstanceOf(StateException.class)
        .hasMessageStartingWith("state database " + missing.display() + ": the database does not exist")
        .hasMessageEndingWith("create it ('createdb fleet_nobody_created_this') or use --state with another database");
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    StateLocation nowhere = StateLocation.parse("postgresql://wraith@127.0.0.1:" + closed + "/inventory");
    assertThatThrownBy(() -> StateStore.open(nowhere, server.env())).isInstanceOf(StateException.class)
        .hasMessageStartingWith("state database postgresql://wraith@127.0.0.1:" + closed + "/inventory cannot be reached")
        .hasMessageEndingWith("check that the server runs and the host and port of --state");
    StateLocation empty = freshDatabase();
    assertThatThrownBy(() -> StateStore.openExisting(empty, server.env())).isInstanceOf(StateException.class)
        .hasMessage("no wraith state in " + empty.display() + " yet: run 'wraith scan-all --state " + empty.display()
            + "' first");
    assertThat(count(empty, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).isZero();
  }

  private static String name(StateLocation db) {
    return ((StateLocation.Postgres) db).database();
  }

  private static int count(StateLocation db, String sql) throws SQLException {
    try (Connection c = server.connect(name(db)); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static Process child(StateLocation db, int writer, int writers, int scans) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", cp,
        PostgresWriterChild.class.getName(), db.display(), Integer.toString(writer), Integer.toString(writers),
        Integer.toString(scans)).redirectError(ProcessBuilder.Redirect.INHERIT);
    Map<String, String> env = new HashMap<>(pb.environment());
    env.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("WRAITH_STATE"));
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.environment().put("WRAITH_STATE_PASSWORD", server.password());
    return pb.start();
  }
}

package dev.wraith.cli;

import static dev.wraith.delivery.ScriptedEndpoint.BUSY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.delivery.ScriptedEndpoint;
import dev.wraith.state.PostgresServer;
import dev.wraith.state.PostgresTests;
import dev.wraith.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results-before-history order with the state in PostgreSQL (a real server) and with OCSF delivery: results that
 * cannot be written leave the database untouched (exit 2); a server that is unreachable or read-only keeps the results
 * with a FAILED "state" layer (exit 3); a delivery that fails comes last and changes neither the results nor the
 * history (exit 4). After each, a scan with the problem gone still reports the recorded incident's ghost as NEW.
 */
@Timeout(600)
class PostgresResultsAndStateTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  static PostgresServer server;
  @TempDir static Path shared;
  @TempDir Path work;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    server = PostgresTests.server();
    Path pgpass = Files.writeString(shared.resolve("pgpass"), "127.0.0.1:" + server.port() + ":*:wraith:"
        + server.password() + "\n");
    Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
    System.setProperty("org.postgresql.pgpassfile", pgpass.toString()); // how the in-process CLI logs in
  }

  @AfterAll
  static void stop() throws Exception {
    System.clearProperty("org.postgresql.pgpassfile");
    if (server != null) server.close();
  }

  private static String freshDatabase() throws SQLException {
    String name = "hostile_" + DATABASES.incrementAndGet();
    server.createDatabase(name);
    return name;
  }

  /** The ghost-bearing offline scan into {@code results}, history in {@code database}. */
  private static ScanAllCommandTest.Run scan(Path results, String url, String... more) {
    List<String> a = new ArrayList<>(List.of("scan-all", "--kube-snapshot",
        ResultsAndStateTest.DEMO.resolve("cluster.json").toString(), "--audit-log",
        ResultsAndStateTest.DEMO.resolve("audit.log").toString(), "--tetragon-events",
        ResultsAndStateTest.DEMO.resolve("tetragon.log.gz").toString(), "--dns-log",
        ResultsAndStateTest.DEMO.resolve(DemoCommand.DNS_LOG).toString(), "--skip-layers", "host,mcp", "--no-dns",
        "--no-color", "--state", url, "--output", results.toString()));
    a.addAll(List.of(more));
    return ScanAllCommandTest.run(a.toArray(String[]::new));
  }

  private JsonNode inventory(Path results) throws Exception {
    return json.readTree(results.resolve("inventory.json").toFile());
  }

  private static List<String> ghostChanges(JsonNode inventory) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : inventory.path("agents")) {
      if (a.path("classification").asText().equals("GHOST")) out.add(a.path("change").asText());
    }
    return out;
  }

  private static JsonNode stateLayer(JsonNode inventory) {
    for (JsonNode l : inventory.path("layers")) if (l.path("name").asText().equals("state")) return l;
    return null;
  }

  private static long scansRecorded(String database) throws SQLException {
    try (Connection c = server.connect(database); Statement st = c.createStatement()) {
      try (ResultSet tables = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_name = 'scan'")) {
        tables.next();
        if (tables.getLong(1) == 0) return 0;
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM scan")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private void secondScanStillReportsTheGhostAsNew(String database) throws Exception {
    Path results = work.resolve("again");
    ScanAllCommandTest.Run again = scan(results, server.url(database));
    assertThat(again.code()).as(again.err()).isZero();
    JsonNode inv = inventory(results);
    assertThat(ghostChanges(inv)).isNotEmpty().allMatch("NEW"::equals);
    assertThat(stateLayer(inv)).isNull();
    assertThat(scansRecorded(database)).isEqualTo(1);
  }

  @Test
  void resultsThatCannotBeWrittenLeavePostgresUntouchedAndExitTwo() throws Exception {
    String db = freshDatabase();
    Path notADirectory = Files.writeString(work.resolve("occupied"), "a file where the results would go");
    Path results = notADirectory.resolve("results");
    ScanAllCommandTest.Run r = scan(results, server.url(db));
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).endsWith("wraith: --output " + results + ": a part of this path is not a directory; the scan was "
        + "not recorded in the state database, so the next one still reports what is new\n");
    assertThat(scansRecorded(db)).isZero();
    secondScanStillReportsTheGhostAsNew(db);
  }

  @Test
  void anUnreachableServerKeepsTheResultsAndExitsThree() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    String url = "postgresql://wraith@127.0.0.1:" + closed + "/inventory";
    Path results = work.resolve("results");
    ScanAllCommandTest.Run r = scan(results, url);
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("wraith: history not read or recorded: state database " + url + " cannot be reached "
        + "(connection refused); check that the server runs and the host and port of --state (the results in " + results
        + " are complete)").doesNotContain("Exception").doesNotContain("postmaster");
    JsonNode inv = inventory(results);
    assertThat(ghostChanges(inv)).isNotEmpty();
    assertThat(stateLayer(inv).path("status").asText()).isEqualTo("failed");
  }

  /** A database that refuses writes (as a hot standby does): the scan reads it, writes its results, records nothing. */
  @Test
  void aReadOnlyDatabaseKeepsTheResultsAndExitsThree() throws Exception {
    String db = freshDatabase();
    StateStore.open(server.location(db), server.env()).close(); // wraith's tables, no scan yet
    alter(db, "SET default_transaction_read_only = on");
    Path results = work.resolve("results");
    ScanAllCommandTest.Run r = scan(results, server.url(db));
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("state database " + server.url(db) + " is read-only (a standby?); point --state at the "
        + "primary (the results in " + results + " are complete)").doesNotContain("Exception");
    JsonNode inv = inventory(results);
    assertThat(ghostChanges(inv)).isNotEmpty().allMatch("NEW"::equals);
    assertThat(stateLayer(inv).path("status").asText()).isEqualTo("failed");
    alter(db, "RESET default_transaction_read_only");
    assertThat(scansRecorded(db)).isZero();
    secondScanStillReportsTheGhostAsNew(db);
  }

  /** Delivery comes last: an endpoint that never takes a finding exits 4, with the results and the history complete. */
  @Test
  void aFailedDeliveryExitsFourWithResultsAndHistoryComplete() throws Exception {
    String db = freshDatabase();
    try (ScriptedEndpoint endpoint = new ScriptedEndpoint(List.of(), BUSY)) {
      Path results = work.resolve("results");
      ScanAllCommandTest.Run r = scan(results, server.url(db), "--ocsf-url", endpoint.uri("/wraith").toString(),
          "--ocsf-timeout", "2");
      assertThat(r.code()).as(r.err()).isEqualTo(Main.DELIVERY_FAILED);
      List<String> findings = Files.readAllLines(results.resolve("findings.ocsf.jsonl"));
      assertThat(findings).isNotEmpty();
      assertThat(r.err()).contains("0 delivered, " + findings.size() + " failed, 0 dropped")
          .contains("(every finding is in " + results.resolve("findings.ocsf.jsonl") + ")");
      assertThat(r.out()).contains("history in " + server.url(db));
      assertThat(stateLayer(inventory(results))).isNull();
      assertThat(scansRecorded(db)).isEqualTo(1);
    }
  }

  private static void alter(String database, String setting) throws SQLException {
    try (Connection c = server.connect("postgres"); Statement st = c.createStatement()) {
      st.execute("ALTER DATABASE \"" + database + "\" " + setting);
    }
  }
}

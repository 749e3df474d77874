package dev.wraith.state;

import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.PriorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import javax.sql.DataSource;

/**
 * The state database: what earlier scans saw, for ZOMBIE, NEW and CHANGED, {@code wraith history} and {@code wraith
 * diff}. An SQLite file by default, or a PostgreSQL database several scanners and operators share. Every write is one
 * transaction, so a scan killed mid-write leaves the previous state intact. On SQLite a second writer gets a "locked"
 * {@link StateException} after a short wait, never a hang; on PostgreSQL concurrent writers all succeed (a transaction
 * the server aborts as a serialisation failure or deadlock is run again, up to {@link #WRITE_ATTEMPTS} times). Every
 * failure is a {@link StateException} naming the location. Not thread-safe: one store per scan.
 */
public final class StateStore implements AutoCloseable {
  static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);
  static final int WRITE_ATTEMPTS = 5;

  private final Dialect dialect;
  private final Connection db;
  private final ScanHistory history;

  private StateStore(Dialect dialect, Connection db) {
    this.dialect = dialect;
    this.db = db;
    this.history = new ScanHistory(dialect, db);
  }

  /** {@code ~/.wraith/inventory.db}. */
  public static Path defaultFile() {
    return Path.of(System.getProperty("user.home"), ".wraith", "inventory.db");
  }

  /**
   * Opens an SQLite file, creating it (mode 0600, parent directories 0700) and migrating its schema as needed.
   *
   * @throws StateException when the file is not a database, is locked, or has a newer schema than this binary
   */
  public static StateStore open(Path file) {
    return open(new StateLocation.SqliteFile(file), System.getenv());
  }

  /**
   * Opens the state at {@code location}, migrating its schema as needed: an SQLite file is created if missing; a
   * PostgreSQL database must exist (its tables are created). Credentials come from {@code env} (see
   * {@link PostgresLogin}).
   *
   * @throws StateException when the location cannot be used, holds someone else's tables or a newer schema
   */
  public static StateStore open(StateLocation location, Map<String, String> env) {
    return open(dialect(location, env, BUSY_TIMEOUT));
  }

  /** Opens a database that must exist already and hold wraith's state (history and diff never create one). */
  public static StateStore openExisting(StateLocation location, Map<String, String> env) {
    if (location instanceof StateLocation.SqliteFile f && !Files.exists(f.file())) {
      throw new StateException("no state database at " + f.file() + ": run 'wraith scan-all' first, or pass --state FILE");
    }
    Dialect dialect = dialect(location, env, BUSY_TIMEOUT);
    if (location instanceof StateLocation.Postgres) {
      try (Connection c = dialect.dataSource().getConnection()) {
        if (!dialect.tables(c).contains(Schema.HISTORY_TABLE)) {
          throw new StateException("no wraith state in " + location.display() + " yet: run 'wraith scan-all --state "
              + location.display() + "' first");
        }
      } catch (SQLException e) {
        throw dialect.translate("opening", e);
      }
    }
    return open(dialect);
  }

  /** An SQLite file that must exist. */
  public static StateStore openExisting(Path file) {
    return openExisting(new StateLocation.SqliteFile(file), System.getenv());
  }

  static Dialect dialect(StateLocation location, Map<String, String> env, Duration busyTimeout) {
    if (location instanceof StateLocation.SqliteFile f) return new SqliteDialect(f, busyTimeout);
    return new PostgresDialect((StateLocation.Postgres) location, env);
  }

  /** Opens with the dialect's migrations plus {@code extraMigrations} (tests stand for a newer wraith with them). */
  static StateStore open(Dialect dialect, String... extraMigrations) {
    Connection db = null;
    try {
      DataSource data = dialect.dataSource();
      Schema.migrate(dialect, data, extraMigrations);
      db = data.getConnection();
      return new StateStore(dialect, db);
    } catch (Exception e) {
      closeQuietly(db);
      throw dialect.translate("opening", e);
    }
  }

  /** An SQLite file with another busy timeout and extra migrations (tests). */
  static StateStore open(Path file, Duration busyTimeout, String... extraMigrations) {
    return open(new SqliteDialect(new StateLocation.SqliteFile(file), busyTimeout), extraMigrations);
  }

  public StateLocation location() {
    return dialect.location();
  }

  /**
   * What the correlation needs from earlier scans; {@link PriorState#NONE} when nothing was recorded yet. Read in one
   * transaction, so a scan another wraith commits meanwhile is either wholly in it or not at all.
   */
  public PriorState prior() {
    return inTransaction(false, "reading the prior state", () -> {
      try (Statement st = db.createStatement()) {
        Optional<Instant> lastScan = Optional.empty();
        try (ResultSet rs = st.executeQuery("SELECT scan_time FROM scan ORDER BY id DESC LIMIT 1")) {
          if (rs.next()) lastScan = Optional.of(Timestamps.parse(rs.getString(1)));
        }
        Map<String, InventoryAgent.Acknowledgement> acks = history.latestAcknowledgements(st);
        Map<String, PriorState.PriorAgent> agents = new HashMap<>();
        try (ResultSet rs = st.executeQuery(
            "SELECT id, first_seen, last_seen_runtime, last_digest, last_snapshot FROM agent")) {
          while (rs.next()) {
            agents.put(rs.getString(1), new PriorState.PriorAgent(Snapshots.agent(rs.getString(5)),
                Timestamps.parse(rs.getString(2)), Optional.ofNullable(rs.getString(3)).map(Timestamps::parse),
                rs.getString(4), Optional.ofNullable(acks.get(rs.getString(1)))));
          }
        }
        return lastScan.isEmpty() && agents.isEmpty() ? PriorState.NONE : new PriorState(lastScan, agents);
      }
    });
  }

  /**
   * Records one scan in a single transaction: the scan row, every agent (first seen kept, last runtime sighting
   * moved to this scan's time when observed at runtime now) and its per-scan row. Either all of it is stored or
   * none of it.
   *
   * @return the new scan's id
   */
  public long record(Inventory inventory) {
    return record(inventory, n -> {});
  }

  /** {@link #record(Inventory)}, calling {@code afterAgent} with the count of agents written so far (for tests). */
  long record(Inventory inventory, IntConsumer afterAgent) {
    requireDistinctIds(inventory.agents());
    return inTransaction(true, "recording the scan", () -> new ScanWriter(db).scan(inventory, afterAgent));
  }

  /** The last recorded hash of each tool of one MCP server, by tool name (sorted); empty if never recorded. */
  public Map<String, String> toolHashes(String serverKey) {
    try (PreparedStatement st = db.prepareStatement("SELECT tool_name, hash FROM mcp_tool WHERE server_key = ?")) {
      st.setString(1, serverKey);
      Map<String, String> hashes = new TreeMap<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) hashes.put(rs.getString(1), rs.getString(2));
      }
      return java.util.Collections.unmodifiableMap(hashes);
    } catch (SQLException e) {
      throw dialect.translate("reading MCP tool hashes", e);
    }
  }

  /** A tool's recorded hash and since when it has had that hash. */
  public record ToolSeen(String hash, Instant since) {}

  /** Like {@link #toolHashes} with the time each current hash was first seen (for "tool X changed since T"). */
  public Map<String, ToolSeen> toolsSeen(String serverKey) {
    try (PreparedStatement st = db.prepareStatement("SELECT tool_name, hash, hash_since FROM mcp_tool WHERE server_key = ?")) {
      st.setString(1, serverKey);
      Map<String, ToolSeen> seen = new TreeMap<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) seen.put(rs.getString(1), new ToolSeen(rs.getString(2), Timestamps.parse(rs.getString(3))));
      }
      return java.util.Collections.unmodifiableMap(seen);
    } catch (SQLException e) {
      throw dialect.translate("reading MCP tool hashes", e);
    }
  }

  /**
   * Records the tools one MCP server offered at {@code when}, in one transaction. Tools not in the map are kept as
   * they were (a probe may list fewer); a changed hash replaces the old one, and its time is kept as "hash since".
   */
  public void recordToolHashes(String serverKey, Map<String, String> hashByTool, Instant when) {
    inTransaction(true, "recording MCP tool hashes", () -> {
      new ScanWriter(db).toolHashes(serverKey, hashByTool, when);
      return null;
    });
  }

  /** Every recorded scan, oldest first. */
  public List<ScanSummary> scans() {
    return history.scans();
  }

  public Optional<ScanSummary> scan(long id) {
    return history.scan(id);
  }

  /**
   * What changed from scan {@code fromScan} to scan {@code toScan}.
   *
   * @throws StateException when either scan is not recorded
   */
  public Diff diff(long fromScan, long toScan) {
    return inTransaction(false, "comparing scans", () -> history.diff(fromScan, toScan));
  }

  /** One agent's classification history, oldest scan first; empty when no scan listed that id. */
  public Optional<AgentHistory> agentHistory(String agentId) {
    return inTransaction(false, "reading an agent's history", () -> history.agent(agentId));
  }

  /**
   * Records that someone looked at an agent ({@code wraith ack}). The agent must have been listed by some scan.
   *
   * @return the agent's last recorded form
   */
  public InventoryAgent acknowledge(String agentId, InventoryAgent.Acknowledgement ack) {
    return inTransaction(true, "recording an acknowledgement", () -> history.acknowledge(agentId, ack));
  }

  /** Ids of recorded agents that start with {@code prefix}, sorted, at most {@code limit}. */
  public List<String> agentIds(String prefix, int limit) {
    return history.agentIds(prefix, limit);
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw dialect.translate("closing", e);
    }
  }

  /** A unit of work that either commits whole or leaves the database as it was. */
  private interface Work<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction that either commits whole or leaves the database as it was. A write the
   * dialect calls retryable (PostgreSQL serialisation failure or deadlock) is run again from the start, after a
   * short, growing pause; SQLite never retries (a locked file is reported at once).
   */
  private <T> T inTransaction(boolean write, String doing, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        dialect.begin(db, write);
      } catch (SQLException e) {
        dialect.rollback(db);
        throw dialect.translate(doing, e);
      }
      try {
        T result = work.run();
        dialect.commit(db);
        return result;
      } catch (SQLException | RuntimeException e) {
        dialect.rollback(db);
        if (write && attempt < WRITE_ATTEMPTS && dialect.retryable(e)) {
          pause(attempt);
          continue;
        }
        throw dialect.translate(write ? doing + " (nothing was written)" : doing, e);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(20L << attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateException("interrupted while retrying a state write", e);
    }
  }

  private static void requireDistinctIds(List<InventoryAgent> agents) {
    Set<String> seen = new HashSet<>();
    for (InventoryAgent a : agents) {
      if (!seen.add(a.id())) throw new IllegalArgumentException("inventory lists agent " + a.id() + " twice");
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException e) {
      // already failing; the first error is the one reported
    }
  }
}

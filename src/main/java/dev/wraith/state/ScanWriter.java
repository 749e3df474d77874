package dev.wraith.state;

import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.Risk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/** The inserts and upserts of one write; the caller ({@link StateStore}) owns the transaction around them. */
final class ScanWriter {
  private final Connection db;

  ScanWriter(Connection db) {
    this.db = db;
  }

  /** Inserts the scan row, upserts every agent and inserts its per-scan row; returns the scan id. */
  long scan(Inventory inventory, IntConsumer afterAgent) throws SQLException {
    long scanId = insertScan(inventory);
    String time = Timestamps.format(inventory.scanTime());
    try (PreparedStatement agent = db.prepareStatement(UPSERT_AGENT);
        PreparedStatement row = db.prepareStatement(INSERT_SCAN_AGENT)) {
      int n = 0;
      // in id order, so concurrent writers lock shared agent rows in the same order and never deadlock
      List<InventoryAgent> byId = inventory.agents().stream().sorted(Comparator.comparing(InventoryAgent::id)).toList();
      for (InventoryAgent a : byId) {
        upsertAgent(agent, a, time);
        insertScanAgent(row, scanId, a);
        afterAgent.accept(++n);
      }
    }
    return scanId;
  }

  void toolHashes(String serverKey, Map<String, String> hashByTool, Instant when) throws SQLException {
    String t = Timestamps.format(when);
    try (PreparedStatement st = db.prepareStatement(UPSERT_TOOL)) {
      for (var e : new TreeMap<>(hashByTool).entrySet()) {
        st.setString(1, serverKey);
        st.setString(2, e.getKey());
        st.setString(3, e.getValue());
        st.setString(4, t);
        st.setString(5, t);
        st.setString(6, t);
        st.executeUpdate();
      }
    }
  }

  /**
   * Portable SQL (SQLite and PostgreSQL), and independent of commit order: first seen is the earliest, last listed and
   * last runtime sighting the latest, and the "last" snapshot is that of the latest scan, whichever writer commits last.
   * Times are fixed-width UTC text (collation "C" on PostgreSQL), so text order is time order.
   */
  private static final String UPSERT_AGENT = """
      INSERT INTO agent (id, name, first_seen, last_listed, last_seen_runtime, last_classification, last_risk,
                         last_digest, last_snapshot, cluster)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        first_seen = CASE WHEN excluded.first_seen < agent.first_seen THEN excluded.first_seen ELSE agent.first_seen END,
        last_listed = CASE WHEN excluded.last_listed > agent.last_listed THEN excluded.last_listed ELSE agent.last_listed END,
        last_seen_runtime = CASE
          WHEN excluded.last_seen_runtime IS NULL THEN agent.last_seen_runtime
          WHEN agent.last_seen_runtime IS NULL THEN excluded.last_seen_runtime
          WHEN excluded.last_seen_runtime > agent.last_seen_runtime THEN excluded.last_seen_runtime
          ELSE agent.last_seen_runtime END,
        name = CASE WHEN excluded.last_listed >= agent.last_listed THEN excluded.name ELSE agent.name END,
        last_classification = CASE WHEN excluded.last_listed >= agent.last_listed
          THEN excluded.last_classification ELSE agent.last_classification END,
        last_risk = CASE WHEN excluded.last_listed >= agent.last_listed THEN excluded.last_risk ELSE agent.last_risk END,
        last_digest = CASE WHEN excluded.last_listed >= agent.last_listed
          THEN excluded.last_digest ELSE agent.last_digest END,
        last_snapshot = CASE WHEN excluded.last_listed >= agent.last_listed
          THEN excluded.last_snapshot ELSE agent.last_snapshot END,
        cluster = CASE WHEN excluded.last_listed >= agent.last_listed THEN excluded.cluster ELSE agent.cluster END
      """;

  private static final String INSERT_SCAN_AGENT = """
      INSERT INTO scan_agent (scan_id, agent_id, name, classification, risk, digest, runtime, inactive)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private static final String UPSERT_TOOL = """
      INSERT INTO mcp_tool (server_key, tool_name, hash, first_seen, hash_since, last_seen)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (server_key, tool_name) DO UPDATE SET
        hash_since = CASE WHEN mcp_tool.hash = excluded.hash THEN mcp_tool.hash_since ELSE excluded.hash_since END,
        hash = excluded.hash,
        last_seen = excluded.last_seen
      """;

  private long insertScan(Inventory inv) throws SQLException {
    Map<Classification, Integer> classes = inv.summary();
    Map<Risk, Integer> risks = inv.riskCounts();
    try (PreparedStatement st = db.prepareStatement("""
        INSERT INTO scan (scan_time, tool_version, catalogue_version, roots, layers, confirmed, unknown, shadow_ai,
                          zombie, ghost, risk_low, risk_medium, risk_high, risk_critical, mcp_servers)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, Statement.RETURN_GENERATED_KEYS)) {
      int i = 0;
      st.setString(++i, Timestamps.format(inv.scanTime()));
      st.setString(++i, inv.tool().version());
      st.setString(++i, inv.tool().catalogueVersion());
      st.setString(++i, Snapshots.strings(inv.roots()));
      st.setString(++i, Snapshots.layers(inv.layers()));
      for (Classification c : Classification.values()) st.setInt(++i, classes.get(c));
      for (Risk r : Risk.values()) st.setInt(++i, risks.get(r));
      st.setInt(++i, inv.mcpServers().size());
      st.executeUpdate();
      try (ResultSet keys = st.getGeneratedKeys()) {
        if (!keys.next()) throw new SQLException("no id for the new scan row");
        return keys.getLong(1);
      }
    }
  }

  private static void upsertAgent(PreparedStatement st, InventoryAgent a, String scanTime) throws SQLException {
    st.setString(1, a.id());
    st.setString(2, a.name());
    st.setString(3, scanTime);
    st.setString(4, scanTime);
    st.setString(5, a.observedAtRuntime() ? scanTime : null);
    st.setString(6, a.classification().name());
    st.setString(7, a.risk().name());
    st.setString(8, a.digest());
    st.setString(9, Snapshots.agent(a));
    st.setString(10, a.workload().map(InventoryAgent.WorkloadRef::cluster).orElse(""));
    st.executeUpdate();
  }

  private static void insertScanAgent(PreparedStatement st, long scanId, InventoryAgent a) throws SQLException {
    st.setLong(1, scanId);
    st.setString(2, a.id());
    st.setString(3, a.name());
    st.setString(4, a.classification().name());
    st.setString(5, a.risk().name());
    st.setString(6, a.digest());
    st.setInt(7, a.observedAtRuntime() ? 1 : 0);
    st.setInt(8, a.inactive() ? 1 : 0);
    st.executeUpdate();
  }

}

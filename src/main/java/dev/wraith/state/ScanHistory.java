package dev.wraith.state;

import dev.wraith.model.Classification;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.Risk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read side of {@link StateStore}: recorded scans, one agent's history, and the diff of two scans. */
final class ScanHistory {
  private static final String SCAN_COLUMNS = "id, scan_time, tool_version, catalogue_version, roots, layers, confirmed, "
      + "unknown, shadow_ai, zombie, ghost, risk_low, risk_medium, risk_high, risk_critical, mcp_servers";
  private static final Comparator<Diff.Agent> ALARMING_FIRST = Comparator
      .comparing(Diff.Agent::classification, Comparator.reverseOrder())
      .thenComparing(Diff.Agent::risk, Comparator.reverseOrder())
      .thenComparing(Diff.Agent::id);

  private final Dialect dialect;
  private final Connection db;

  ScanHistory(Dialect dialect, Connection db) {
    this.dialect = dialect;
    this.db = db;
  }

  List<ScanSummary> scans() {
    return query("listing scans", "SELECT " + SCAN_COLUMNS + " FROM scan ORDER BY id", st -> {}, ScanHistory::summary);
  }

  Optional<ScanSummary> scan(long id) {
    return query("reading scan " + id, "SELECT " + SCAN_COLUMNS + " FROM scan WHERE id = ?", st -> st.setLong(1, id),
        ScanHistory::summary).stream().findFirst();
  }

  Diff diff(long fromId, long toId) {
    ScanSummary from = scan(fromId).orElseThrow(() -> noScan(fromId));
    ScanSummary to = scan(toId).orElseThrow(() -> noScan(toId));
    Map<String, Row> before = rows(fromId);
    Map<String, Row> after = rows(toId);
    List<Diff.Agent> added = new ArrayList<>();
    List<Diff.Agent> gone = new ArrayList<>();
    List<Diff.Change> changed = new ArrayList<>();
    for (Row r : after.values()) if (!before.containsKey(r.agent.id())) added.add(r.agent);
    for (Row r : before.values()) {
      Row now = after.get(r.agent.id());
      if (now == null) gone.add(r.agent);
      else change(r, now).ifPresent(changed::add);
    }
    added.sort(ALARMING_FIRST);
    gone.sort(ALARMING_FIRST);
    changed.sort(Comparator.comparing(Diff.Change::toClassification, Comparator.reverseOrder())
        .thenComparing(Diff.Change::toRisk, Comparator.reverseOrder()).thenComparing(Diff.Change::id));
    return new Diff(from, to, added, gone, changed);
  }

  Optional<AgentHistory> agent(String id) {
    List<AgentHistory> found = query("reading agent " + id,
        "SELECT name, first_seen, last_seen_runtime FROM agent WHERE id = ?", st -> st.setString(1, id),
        rs -> new AgentHistory(id, rs.getString(1), Timestamps.parse(rs.getString(2)),
            Optional.ofNullable(rs.getString(3)).map(Timestamps::parse), List.of(), List.of()));
    if (found.isEmpty()) return Optional.empty();
    List<AgentHistory.Entry> entries = query("reading agent " + id, """
        SELECT s.id, s.scan_time, a.classification, a.risk, a.digest, a.runtime, a.inactive
        FROM scan_agent a JOIN scan s ON s.id = a.scan_id WHERE a.agent_id = ? ORDER BY s.id
        """, st -> st.setString(1, id),
        rs -> new AgentHistory.Entry(rs.getLong(1), Timestamps.parse(rs.getString(2)),
            Classification.valueOf(rs.getString(3)), Risk.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6) == 1,
            rs.getInt(7) == 1));
    List<InventoryAgent.Acknowledgement> acks = query("reading agent " + id,
        "SELECT acked_at, note FROM agent_ack WHERE agent_id = ? ORDER BY acked_at", st -> st.setString(1, id),
        rs -> new InventoryAgent.Acknowledgement(Timestamps.parse(rs.getString(1)), rs.getString(2)));
    AgentHistory h = found.get(0);
    return Optional.of(new AgentHistory(h.id(), h.name(), h.firstSeen(), h.lastRuntimeSeen(), entries, acks));
  }

  /** The latest acknowledgement of every acknowledged agent, by agent id. */
  Map<String, InventoryAgent.Acknowledgement> latestAcknowledgements(java.sql.Statement st) throws SQLException {
    Map<String, InventoryAgent.Acknowledgement> out = new java.util.HashMap<>();
    try (ResultSet rs = st.executeQuery("SELECT agent_id, acked_at, note FROM agent_ack ORDER BY agent_id, acked_at")) {
      while (rs.next()) out.put(rs.getString(1), new InventoryAgent.Acknowledgement(Timestamps.parse(rs.getString(2)),
          rs.getString(3)));
    }
    return out;
  }

  /** Records one acknowledgement; the agent must be known. Returns its last recorded form. */
  InventoryAgent acknowledge(String id, InventoryAgent.Acknowledgement ack) throws SQLException {
    List<String> snapshot = query("reading agent " + id, "SELECT last_snapshot FROM agent WHERE id = ?",
        st -> st.setString(1, id), rs -> rs.getString(1));
    if (snapshot.isEmpty()) throw new StateException(dialect.where() + " has no agent " + id + " (see 'wraith history')");
    try (PreparedStatement st = db.prepareStatement("INSERT INTO agent_ack (agent_id, acked_at, note) VALUES (?, ?, ?)")) {
      st.setString(1, id);
      st.setString(2, Timestamps.format(ack.at()));
      st.setString(3, ack.note());
      st.executeUpdate();
    }
    return Snapshots.agent(snapshot.get(0));
  }

  List<String> agentIds(String prefix, int limit) {
    // substr instead of LIKE: ids may contain '%' or '_'
    return query("listing agents", "SELECT id FROM agent WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT ?", st -> {
      st.setInt(1, prefix.length());
      st.setString(2, prefix);
      st.setInt(3, limit);
    }, rs -> rs.getString(1));
  }

  private record Row(Diff.Agent agent, String digest) {}

  private Map<String, Row> rows(long scanId) {
    Map<String, Row> rows = new LinkedHashMap<>();
    query("reading scan " + scanId,
        "SELECT s.agent_id, s.name, s.classification, s.risk, s.digest, s.inactive, a.cluster FROM scan_agent s "
            + "JOIN agent a ON a.id = s.agent_id WHERE s.scan_id = ? ORDER BY s.agent_id",
        st -> st.setLong(1, scanId),
        rs -> new Row(new Diff.Agent(rs.getString(1), rs.getString(2), Classification.valueOf(rs.getString(3)),
            Risk.valueOf(rs.getString(4)), rs.getInt(6) == 1, rs.getString(7)), rs.getString(5)))
        .forEach(r -> rows.put(r.agent.id(), r));
    return rows;
  }

  /** The digest covers classification and risk too, so "evidence changed" is only said when both stayed the same. */
  private static Optional<Diff.Change> change(Row before, Row after) {
    Diff.Agent b = before.agent;
    Diff.Agent a = after.agent;
    boolean sameVerdict = b.classification() == a.classification() && b.risk() == a.risk() && b.inactive() == a.inactive();
    boolean evidence = sameVerdict && !before.digest.equals(after.digest);
    if (sameVerdict && !evidence) return Optional.empty();
    return Optional.of(new Diff.Change(a.id(), a.name(), b.classification(), a.classification(), b.risk(), a.risk(),
        b.inactive(), a.inactive(), evidence, a.cluster()));
  }

  private static ScanSummary summary(ResultSet rs) throws SQLException {
    Map<Classification, Integer> classes = new EnumMap<>(Classification.class);
    int i = 7;
    for (Classification c : Classification.values()) classes.put(c, rs.getInt(i++));
    Map<Risk, Integer> risks = new EnumMap<>(Risk.class);
    for (Risk r : Risk.values()) risks.put(r, rs.getInt(i++));
    return new ScanSummary(rs.getLong(1), Timestamps.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
        Snapshots.strings(rs.getString(5)), Snapshots.layers(rs.getString(6)), classes, risks, rs.getInt(i));
  }

  private StateException noScan(long id) {
    return new StateException(dialect.where() + " has no scan " + id + " (see 'wraith history')");
  }

  private interface Binder {
    void bind(PreparedStatement st) throws SQLException;
  }

  private interface Mapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String doing, String sql, Binder binder, Mapper<T> mapper) {
    try (PreparedStatement st = db.prepareStatement(sql)) {
      binder.bind(st);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.add(mapper.map(rs));
      }
      return out;
    } catch (SQLException e) {
      throw dialect.translate(doing, e);
    }
  }
}

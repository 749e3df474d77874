package dev.wraith.mcp;

import dev.wraith.model.McpServer;
import dev.wraith.model.McpTool;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The port to what earlier probes saw: the hash of each tool per server, and since when. The state database
 * implements it; {@link InMemoryToolHistory} serves a single run and tests.
 */
public interface ToolHistory {
  /** A tool's recorded hash and when that hash was first seen. */
  record Seen(String hash, Instant since) {}

  /** The tools recorded for this server key, by tool name; empty when the server was never probed. */
  Map<String, Seen> previous(String serverKey);

  /** Records the tools a probe saw now; a tool whose hash is unchanged keeps its {@code since}. */
  void record(String serverKey, List<McpTool> tools, Instant now);

  /**
   * The key a server's history is kept under: its name and what it runs (package, URL or command), so the same
   * server configured in two clients shares one history and a renamed package does not inherit another's. A stored
   * format, not only a map key: it is the state database's {@code mcp_tool.server_key}, so changing it would cut every
   * server off from the tool history it has.
   */
  static String key(McpServer s) {
    String what = !s.url().isEmpty() ? s.url() : !s.pkg().name().isEmpty() ? s.pkg().ecosystem().id() + ":" + s.pkg().name() : s.command();
    return s.name() + "|" + what;
  }

  /**
   * Compares a probe's tools with the history: "tool X changed since T", "tool X removed (seen since T)", and,
   * only when the server has a history, "tool X added". Sorted.
   */
  static List<String> changes(Map<String, Seen> before, List<McpTool> now) {
    if (before.isEmpty()) return List.of();
    TreeSet<String> out = new TreeSet<>();
    List<String> names = new ArrayList<>();
    for (McpTool t : now) {
      names.add(t.name());
      Seen s = before.get(t.name());
      if (s == null) out.add("tool " + t.name() + " added");
      else if (!s.hash().equals(t.hash())) out.add("tool " + t.name() + " changed since " + s.since());
    }
    before.forEach((name, s) -> { if (!names.contains(name)) out.add("tool " + name + " removed (seen since " + s.since() + ")"); });
    return List.copyOf(out);
  }
}

package dev.wraith.mcp;

import dev.wraith.model.McpTool;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A {@link ToolHistory} that lives as long as the object: one run of {@code wraith mcp --probe}, and tests. */
public final class InMemoryToolHistory implements ToolHistory {
  private final Map<String, Map<String, Seen>> servers = new HashMap<>();

  @Override
  public synchronized Map<String, Seen> previous(String serverKey) {
    return Map.copyOf(servers.getOrDefault(serverKey, Map.of()));
  }

  @Override
  public synchronized void record(String serverKey, java.util.List<McpTool> tools, Instant now) {
    Map<String, Seen> before = servers.getOrDefault(serverKey, Map.of());
    Map<String, Seen> after = new TreeMap<>();
    for (McpTool t : tools) {
      Seen old = before.get(t.name());
      after.put(t.name(), old != null && old.hash().equals(t.hash()) ? old : new Seen(t.hash(), now));
    }
    servers.put(serverKey, after);
  }
}

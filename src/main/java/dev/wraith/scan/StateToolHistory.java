package dev.wraith.scan;

import dev.wraith.mcp.ToolHistory;
import dev.wraith.model.McpTool;
import dev.wraith.state.StateStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MCP tool history kept in the state database, so a tool that changes between runs is reported (rug pull). What a
 * probe sees is held until {@link #commit}, which the scan calls after its results were written: history never gets
 * ahead of the results it was reported in.
 */
public final class StateToolHistory implements ToolHistory {
  private final StateStore store;
  private final List<Runnable> pending = new java.util.ArrayList<>();

  public StateToolHistory(StateStore store) {
    this.store = store;
  }

  @Override
  public Map<String, Seen> previous(String serverKey) {
    Map<String, Seen> out = new TreeMap<>();
    store.toolsSeen(serverKey).forEach((name, s) -> out.put(name, new Seen(s.hash(), s.since())));
    return out;
  }

  @Override
  public void record(String serverKey, List<McpTool> tools, Instant now) {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (McpTool t : tools) hashes.put(t.name(), t.hash());
    synchronized (pending) {
      pending.add(() -> store.recordToolHashes(serverKey, hashes, now));
    }
  }

  /**
   * Writes the tool hashes recorded since the last commit.
   *
   * @throws dev.wraith.state.StateException when the database cannot be written (the rest stays pending)
   */
  public void commit() {
    synchronized (pending) {
      while (!pending.isEmpty()) {
        pending.get(0).run();
        pending.remove(0);
      }
    }
  }
}

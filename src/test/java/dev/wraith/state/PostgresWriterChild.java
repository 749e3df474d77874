package dev.wraith.state;

import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.Risk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One scanner of {@link PostgresStateTest}'s concurrent-writers test, run as a thread or as a JVM of its own: records
 * {@code scans} inventories into the PostgreSQL URL given, as writer number {@code writer}. Each scan lists the
 * {@link #SHARED} agents every writer lists, one agent of this writer's own and one agent of this scan only. Never run
 * by hand.
 */
public final class PostgresWriterChild {
  static final int SHARED = 20;
  static final Instant T0 = Instant.parse("2026-11-10T00:00:00Z");

  private PostgresWriterChild() {}

  /** Arguments: URL, writer number, writers in all, scans; the password comes in WRAITH_STATE_PASSWORD. */
  public static void main(String[] args) {
    run(StateLocation.parse(args[0]), System.getenv(), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
        Integer.parseInt(args[3]));
    System.out.println("DONE");
  }

  static void run(StateLocation location, Map<String, String> env, int writer, int writers, int scans) {
    try (StateStore store = StateStore.open(location, env)) {
      for (int s = 0; s < scans; s++) {
        store.prior(); // as a scan does: read, correlate, record
        store.record(scan(writer, writers, s));
      }
    }
  }

  /** Scan {@code s} of writer {@code w}: its time is unique across writers (T0 + s * writers + w seconds). */
  static Inventory scan(int w, int writers, int s) {
    Instant t = time(w, writers, s);
    List<InventoryAgent> agents = new ArrayList<>();
    for (int i = 0; i < SHARED; i++) agents.add(agent(String.format("agent-shared-%02d", i), runtimeShared(w, s, i)));
    agents.add(agent("agent-w" + w + "-own", true));
    agents.add(agent("agent-w" + w + "-s" + s, false));
    return Inventories.inventory(t, agents.toArray(InventoryAgent[]::new));
  }

  static Instant time(int w, int writers, int s) {
    return T0.plusSeconds((long) s * writers + w);
  }

  /** Shared agent i is seen at runtime by writer w in scan s when (w + s + i) is even. */
  static boolean runtimeShared(int w, int s, int i) {
    return (w + s + i) % 2 == 0;
  }

  private static InventoryAgent agent(String id, boolean runtime) {
    Optional<InventoryAgent.ProcessRef> process = runtime
        ? Optional.of(new InventoryAgent.ProcessRef("node-a", 1000, "/usr/bin/python3", List.of("python3", id + ".py"),
            false, id + ".py", ""))
        : Optional.empty();
    return new InventoryAgent(id, runtime ? Classification.GHOST : Classification.UNKNOWN,
        runtime ? Risk.CRITICAL : Risk.MEDIUM, id + ".py", Optional.empty(), process, List.of(), List.of("openai"),
        List.of(), List.of(), List.of(), List.of(), List.of("generated"), Optional.empty(), Optional.empty(),
        InventoryAgent.Change.NEW);
  }
}

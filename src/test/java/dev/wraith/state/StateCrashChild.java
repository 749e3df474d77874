package dev.wraith.state;

import dev.wraith.model.Classification;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.Risk;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A wraith that gets killed: records a huge inventory into the file given as argument and prints "WROTE n" as the
 * rows go in, so {@link StateCrashTest} can destroy it mid-transaction. Never run by hand.
 */
public final class StateCrashChild {
  private StateCrashChild() {}

  public static void main(String[] args) {
    Path db = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    String padding = "x".repeat(2000); // big rows: the page cache spills to the WAL long before the commit
    List<InventoryAgent> agents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      agents.add(new InventoryAgent(String.format("agent-bulk-%07d", i), Classification.UNKNOWN, Risk.MEDIUM,
          "bulk_" + i + ".py", Optional.empty(), Optional.empty(),
          List.of(new InventoryAgent.CodeRef("bulk/bulk_" + i + ".py", 1, "sdk-client")), List.of("openai"), List.of(),
          List.of(), List.of(), List.of(new InventoryAgent.Evidence("code", padding)), List.of("generated"),
          Optional.empty(), Optional.empty(), InventoryAgent.Change.NEW));
    }
    try (StateStore store = StateStore.open(db)) {
      System.out.println("OPEN");
      System.out.flush();
      store.record(Inventories.inventory(Instant.parse("2026-11-09T00:00:00Z"), agents.toArray(InventoryAgent[]::new)),
          n -> {
            if (n % 500 == 0) {
              System.out.println("WROTE " + n);
              System.out.flush();
            }
          });
      System.out.println("COMMITTED"); // the test fails if it ever gets here
    }
  }
}

package dev.wraith.incluster;

import dev.wraith.model.Inventory;

/**
 * Where the scanner loop gets its inventory each cycle: the scan-all pipeline (code, cluster, Tetragon layers and the
 * correlation), fed with the host layer the node sensors served. An exception fails the cycle, not the loop.
 */
@FunctionalInterface
public interface InventorySource {
  Inventory scan(SensorCollection sensors) throws Exception;

  /**
   * Records a scan whose AgentReports were all published (the loop calls it only then); returns why it could not
   * (the state database locked or full), never throws for it. Without a state database there is nothing to record.
   */
  default java.util.Optional<String> record(Inventory inventory) {
    return java.util.Optional.empty();
  }

  /** Whether there is a history to record (a state database); without one the loop never calls {@link #record}. */
  default boolean keepsHistory() {
    return false;
  }
}

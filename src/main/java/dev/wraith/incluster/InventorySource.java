package dev.wraith.incluster;

import dev.wraith.model.Inventory;

/**
 * Where the scanner loop gets its inventory each cycle: the scan-all pipeline (code, cluster, Tetragon layers and the
 * correlation), fed with the host layer the node sensors served. An exception fails the cycle, not the loop.
 */
@FunctionalInterface
public interface InventorySource {
  Inventory scan(SensorCollection sensors) throws Exception;
}

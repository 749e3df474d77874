package dev.wraith.report;

import dev.wraith.model.CodeScan;
import dev.wraith.model.Inventory;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Writes one file of a scan-all results directory (inventory.json, report.md, report.html, aibom.cdx.json) from
 * the correlated inventory, plus the code scan when the format needs detail the inventory does not carry (library
 * versions from lockfiles, model names). Deterministic: the same inputs give the same bytes.
 */
public interface InventoryReporter {
  /** The file name in the results directory, e.g. {@code inventory.json}. */
  String fileName();

  void write(Inventory inventory, Optional<CodeScan> code, OutputStream out) throws IOException;
}

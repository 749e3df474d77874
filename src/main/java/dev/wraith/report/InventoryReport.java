package dev.wraith.report;

import dev.wraith.model.CodeScan;
import dev.wraith.model.Inventory;
import java.util.Optional;

/**
 * What a file of a scan-all results directory (inventory.json, report.md, report.html, aibom.cdx.json,
 * findings.ocsf.jsonl) is written from: the correlated inventory, plus the code scan when the format needs detail
 * the inventory does not carry (library versions from lockfiles, model names).
 */
public record InventoryReport(Inventory inventory, Optional<CodeScan> code) {
  /** An inventory without a code scan. */
  public InventoryReport(Inventory inventory) {
    this(inventory, Optional.empty());
  }
}

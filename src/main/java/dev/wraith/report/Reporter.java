package dev.wraith.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One output format of one kind of input: {@code ScanReport} (scan), {@code ClusterReport} (cluster),
 * {@link ToolScan} (mcp, tetragon), {@link SensorWindow} (sensor) or {@link InventoryReport} (the files of a scan-all
 * results directory). Output is deterministic: the same input gives the same bytes.
 *
 * @param <T> what one call writes
 */
public interface Reporter<T> {
  /** The --format value that selects it; for a scan-all results file, its file name (e.g. {@code inventory.json}). */
  String format();

  void write(T input, OutputStream out) throws IOException;
}

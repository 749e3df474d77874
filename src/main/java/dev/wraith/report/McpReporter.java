package dev.wraith.report;

import dev.wraith.model.McpScan;
import dev.wraith.model.ScanReport;
import java.io.IOException;
import java.io.OutputStream;

/** An output format of {@code wraith mcp}. Output is a pure function of the scan (deterministic). */
public interface McpReporter {
  /** The --format value that selects it. */
  String format();

  void write(ScanReport.Tool tool, McpScan scan, OutputStream out) throws IOException;
}

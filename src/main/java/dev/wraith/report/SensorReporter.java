package dev.wraith.report;

import dev.wraith.model.HostScan;
import dev.wraith.model.ScanReport;
import java.io.IOException;
import java.io.OutputStream;

/** An output format of {@code wraith sensor}. One call per observation window; output is deterministic per window. */
public interface SensorReporter {
  /** The --format value that selects it. */
  String format();

  void write(ScanReport.Tool tool, HostScan scan, OutputStream out) throws IOException;
}

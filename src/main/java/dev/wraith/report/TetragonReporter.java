package dev.wraith.report;

import dev.wraith.model.ScanReport;
import dev.wraith.model.TetragonScan;
import java.io.IOException;
import java.io.OutputStream;

/** An output format of {@code wraith tetragon}; output is deterministic for the same events. */
public interface TetragonReporter {
  /** The --format value that selects it. */
  String format();

  void write(ScanReport.Tool tool, TetragonScan scan, OutputStream out) throws IOException;
}

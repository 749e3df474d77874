package dev.wraith.report;

import dev.wraith.model.ScanReport;
import java.io.IOException;
import java.io.OutputStream;

/** An output format. Output is deterministic: the same report gives the same bytes. */
public interface Reporter {
  /** The --format value that selects it. */
  String format();

  void write(ScanReport report, OutputStream out) throws IOException;
}

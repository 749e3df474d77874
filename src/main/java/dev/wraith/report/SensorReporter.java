package dev.wraith.report;

import dev.wraith.attribution.DnsAnswerRecord;
import dev.wraith.model.HostScan;
import dev.wraith.model.ScanReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** An output format of {@code wraith sensor}. One call per observation window; output is deterministic per window. */
public interface SensorReporter {
  /** The --format value that selects it. */
  String format();

  /** @param dnsAnswers the DNS answers the eBPF probe recorded in the window (empty without the probe) */
  void write(ScanReport.Tool tool, HostScan scan, List<DnsAnswerRecord> dnsAnswers, OutputStream out) throws IOException;

  /** A window without recorded DNS answers. */
  default void write(ScanReport.Tool tool, HostScan scan, OutputStream out) throws IOException {
    write(tool, scan, List.of(), out);
  }
}

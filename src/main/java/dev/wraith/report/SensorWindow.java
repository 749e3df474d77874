package dev.wraith.report;

import dev.wraith.attribution.DnsAnswerRecord;
import dev.wraith.model.HostScan;
import dev.wraith.model.ScanReport;
import java.util.List;

/**
 * One observation window of {@code wraith sensor}.
 *
 * @param dnsAnswers the DNS answers the eBPF probe recorded in the window (empty without the probe)
 */
public record SensorWindow(ScanReport.Tool tool, HostScan scan, List<DnsAnswerRecord> dnsAnswers) {
  public SensorWindow {
    dnsAnswers = List.copyOf(dnsAnswers);
  }

  /** A window without recorded DNS answers. */
  public SensorWindow(ScanReport.Tool tool, HostScan scan) {
    this(tool, scan, List.of());
  }
}

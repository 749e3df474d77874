package dev.wraith.host.ebpf;

import dev.wraith.attribution.DnsAnswerRecord;
import dev.wraith.model.HostScan;
import java.util.List;

/**
 * One observation window of the eBPF sensor: the host layer's result (connections attributed by name, then address)
 * and what the probe saw, typed: the connections completed in the window (at most {@link ProbeSensor#MAX_KEPT}) and
 * the DNS answers received, repeats folded (at most {@link WindowAnswers#MAX_KEPT} distinct ones), for the sensor's
 * {@code dns-answer} lines.
 */
public record ProbeWindow(HostScan scan, List<ProbedConnection> connections, List<DnsAnswerRecord> answers) {
  public ProbeWindow {
    connections = List.copyOf(connections);
    answers = List.copyOf(answers);
  }
}

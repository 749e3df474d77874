package dev.wraith.host.ebpf;

import dev.wraith.model.HostScan;
import java.util.List;

/**
 * One observation window of the eBPF sensor: the host layer's result (AI connections attributed by address, as
 * the /proc sampler reports them) and everything the probe saw, typed, for name-based attribution: every
 * connection completed in the window and every DNS answer received.
 */
public record ProbeWindow(HostScan scan, List<ProbedConnection> connections, List<DnsAnswer> answers) {
  public ProbeWindow {
    connections = List.copyOf(connections);
    answers = List.copyOf(answers);
  }
}

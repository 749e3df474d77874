package dev.wraith.cli;

import dev.wraith.host.ebpf.ProbeMode;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How the host layer observes, declared once for {@code sensor} and for scan-all's (and aibom's) host layer. */
final class HostOptions {
  @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "${env:WRAITH_DURATION:-10}",
      description = "How long the host layer observes (one window; in scan-all and aibom also a live Tetragon stream). "
          + "Default: ${DEFAULT-VALUE}. Env: WRAITH_DURATION.")
  double durationSeconds;

  @Option(names = "--proc-root", paramLabel = "DIR", defaultValue = "${env:WRAITH_PROC_ROOT:-/proc}",
      description = "The proc filesystem the host layer reads. Default: ${DEFAULT-VALUE}. Env: WRAITH_PROC_ROOT.")
  Path procRoot;

  @Option(names = "--probe", paramLabel = "auto|ebpf|proc", defaultValue = "${env:WRAITH_HOST_PROBE:-auto}",
      description = "How the host layer sees connections. auto: wraith's eBPF probe when it can load here (root, or "
          + "CAP_BPF and CAP_PERFMON; kernel BTF; tracefs; a live --proc-root), else /proc sampling with the reason in "
          + "the layer status. ebpf: the probe or nothing (the layer fails with the reason). proc: /proc sampling only. "
          + "Default: ${DEFAULT-VALUE}. Env: WRAITH_HOST_PROBE (WRAITH_PROBE is mcp's --probe).")
  ProbeMode probe;

  @Option(names = "--no-dns", description = "Do not resolve the catalogue's hostnames (offline nodes; pins, hosts "
      + "files and published ranges still apply).")
  boolean noDns;

  /** --duration, checked: more than 0, at most a day. */
  Duration duration() {
    if (!(durationSeconds > 0) || durationSeconds > 86_400) throw new Main.UsageProblem("--duration must be between 0 and 86400 seconds");
    return Duration.ofMillis((long) (durationSeconds * 1000));
  }
}

package dev.wraith.host.ebpf;

/** The outcome of starting a probe: running, or unavailable with the reason a user can act on. */
public sealed interface ProbeStart {
  record Started(KernelProbe probe) implements ProbeStart {}

  record Unavailable(String reason) implements ProbeStart {}
}

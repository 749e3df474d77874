package dev.wraith.host.ebpf;

import java.util.Locale;

/** {@code --probe}: how the host layer sees connections. */
public enum ProbeMode {
  /** The eBPF probe when it can load here, else /proc sampling with the reason in the layer status. */
  AUTO,
  /** The eBPF probe or nothing: the host layer fails, with the reason, when it cannot load. */
  EBPF,
  /** /proc sampling only. */
  PROC;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}

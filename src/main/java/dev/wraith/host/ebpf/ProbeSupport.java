package dev.wraith.host.ebpf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Why the eBPF probe cannot load here, checked before the loader is started so the reason is specific: a
 * wraith built without it, another platform, no kernel BTF, missing capabilities, kernel lockdown, no tracefs.
 * Passing these checks is necessary, not sufficient: the loader's own attempt has the last word.
 */
final class ProbeSupport {
  static final int CAP_SYS_ADMIN = 21, CAP_PERFMON = 38, CAP_BPF = 39;

  private ProbeSupport() {}

  /** For this process on this machine. */
  static Optional<String> whyNot(ProbeBuild build) {
    String status;
    try {
      status = Files.readString(Path.of("/proc/self/status"));
    } catch (IOException e) {
      status = "";
    }
    return whyNot(build, System.getProperty("os.name", ""), System.getProperty("os.arch", ""), Path.of("/sys"), status);
  }

  /**
   * Why the probe cannot run here, or empty when it can.
   *
   * @param sys the sysfs root
   * @param selfStatus this process's /proc/self/status
   */
  static Optional<String> whyNot(ProbeBuild build, String osName, String osArch, Path sys, String selfStatus) {
    if (!build.built()) return Optional.of("this wraith was built without it (" + build.detail() + ")");
    String arch = osArch.toLowerCase(Locale.ROOT);
    if (!osName.startsWith("Linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      return Optional.of("it runs on linux-x86_64 only (this is " + osName + " " + osArch + ")");
    }
    if (!Files.exists(sys.resolve("kernel/btf/vmlinux"))) {
      return Optional.of("the kernel has no BTF (" + sys.resolve("kernel/btf/vmlinux") + "; it needs CONFIG_DEBUG_INFO_BTF)");
    }
    long caps = capEff(selfStatus);
    boolean admin = has(caps, CAP_SYS_ADMIN);
    if (!admin && !(has(caps, CAP_BPF) && has(caps, CAP_PERFMON))) {
      return Optional.of("it needs root, or CAP_BPF and CAP_PERFMON (this process runs as uid " + uid(selfStatus)
          + " without them)");
    }
    if (lockdown(sys).equals("confidentiality")) {
      return Optional.of("the kernel is locked down (confidentiality): BPF programs may not read kernel memory");
    }
    boolean tracefs = Files.isDirectory(sys.resolve("kernel/tracing/events/syscalls"))
        || Files.isDirectory(sys.resolve("kernel/debug/tracing/events/syscalls"));
    if (!tracefs && Files.isDirectory(sys.resolve("kernel/tracing")) && !Files.isReadable(sys.resolve("kernel/tracing"))) {
      return Optional.of("tracefs at " + sys.resolve("kernel/tracing") + " is not readable by uid " + uid(selfStatus)
          + ": run as root (uid 0, with CAP_BPF and CAP_PERFMON)");
    }
    if (!tracefs && !admin) {
      return Optional.of("tracefs is not mounted at " + sys.resolve("kernel/tracing") + " and mounting it needs "
          + "CAP_SYS_ADMIN: mount it on the node, or mount the host's /sys/kernel/tracing read-only into the container");
    }
    return Optional.empty();
  }

  static long capEff(String status) {
    for (String line : status.split("\n", -1)) {
      if (line.startsWith("CapEff:")) {
        try {
          return Long.parseUnsignedLong(line.substring(7).trim(), 16);
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }

  private static boolean has(long caps, int cap) {
    return (caps >>> cap & 1) == 1;
  }

  private static String uid(String status) {
    for (String line : status.split("\n", -1)) if (line.startsWith("Uid:")) return line.substring(4).trim().split("\\s+", -1)[0];
    return "?";
  }

  /** The active lockdown mode ("none", "integrity", "confidentiality"), "none" when the file is absent. */
  private static String lockdown(Path sys) {
    try {
      String s = Files.readString(sys.resolve("kernel/security/lockdown"));
      int open = s.indexOf('['), close = s.indexOf(']');
      return open >= 0 && close > open ? s.substring(open + 1, close) : "none";
    } catch (IOException e) {
      return "none";
    }
  }
}

package dev.wraith.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes a /proc fixture tree in a test's temporary directory, in the kernel's formats, for layouts the test
 * machine cannot produce on demand. Only what {@link ProcessReader} reads is written.
 */
final class ProcTree {
  /** The cgroup v2 path of a containerd container (systemd driver) in a besteffort pod. */
  static String container(String podUid, String containerId) {
    return "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod" + podUid.replace('-', '_')
        + ".slice/cri-containerd-" + containerId + ".scope";
  }

  private final Path root;

  ProcTree(Path root) {
    this.root = root;
  }

  /**
   * Process {@code pid} with its parent, group, session, start time, NSpid chain (host pid first), cgroup, and
   * network and PID namespace links.
   */
  ProcTree process(int pid, int ppid, int pgrp, int session, long start, int[] nsPids, String cgroup, String netns,
      String pidns, String... argv) throws IOException {
    Path d = Files.createDirectories(root.resolve(Integer.toString(pid)));
    Files.writeString(d.resolve("stat"), pid + " (" + Path.of(argv[0]).getFileName() + ") S " + ppid + " " + pgrp + " "
        + session + " 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 " + start + " 0 0\n");
    Files.writeString(d.resolve("status"), "Name:\tx\nPPid:\t" + ppid + "\nUid:\t0\t0\t0\t0\nNSpid:\t"
        + Arrays.stream(nsPids).mapToObj(Integer::toString).collect(Collectors.joining("\t")) + "\n");
    Files.writeString(d.resolve("cgroup"), "0::" + cgroup + "\n");
    Files.write(d.resolve("cmdline"), (String.join("\0", argv) + "\0").getBytes(StandardCharsets.UTF_8));
    Files.write(d.resolve("environ"), "PATH=/bin\0".getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(d.resolve("ns"));
    Files.createSymbolicLink(d.resolve("ns/net"), Path.of(netns));
    Files.createSymbolicLink(d.resolve("ns/pid"), Path.of(pidns));
    Files.createSymbolicLink(d.resolve("exe"), Path.of(argv[0]));
    Files.createSymbolicLink(d.resolve("cwd"), Path.of("/"));
    return this;
  }

  /** Removes a process, as when it exits. */
  void exit(int pid) throws IOException {
    try (var files = Files.walk(root.resolve(Integer.toString(pid)))) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  /** Gives {@code pid} an fd that holds socket {@code inode}. */
  ProcTree socket(int pid, int fd, long inode) throws IOException {
    Path dir = Files.createDirectories(root.resolve(pid + "/fd"));
    Files.createSymbolicLink(dir.resolve(Integer.toString(fd)), Path.of("socket:[" + inode + "]"));
    return this;
  }

  /** The TCP table and net/snmp Tcp counters (ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab) seen through {@code pid}. */
  ProcTree net(int pid, String tcpRows, String counters) throws IOException {
    Path dir = Files.createDirectories(root.resolve(pid + "/net"));
    Files.writeString(dir.resolve("tcp"), "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" + tcpRows);
    Files.writeString(dir.resolve("snmp"), "Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab\n"
        + "Tcp: 1 200 120000 -1 " + counters + "\n");
    return this;
  }
}

package dev.wraith.host;

import dev.wraith.cmdline.CommandLine;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.ProcessInfo;
import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.List;
import java.util.Optional;

/**
 * Reads one process's identity from its /proc entry. stat, status, cgroup and ns/net are readable by anyone;
 * exe, cwd and environ need ptrace-read access (same uid or CAP_SYS_PTRACE): when they are denied the
 * fields stay empty and the reason is returned, so a non-root run is partial, never silently wrong. The argument
 * list is redacted here, before anything else sees it; the environment yields names only.
 */
final class ProcessReader {
  static final int MAX_CMDLINE = 64 * 1024, MAX_ENVIRON = 256 * 1024;

  /** A process, its process group and session (from stat), and what could not be read of it ("" when everything was). */
  record Read(ProcessInfo info, int pgrp, int session, String denied) {}

  private final ProcFs proc;
  private final Redactor redactor;

  ProcessReader(ProcFs proc, Redactor redactor) {
    this.proc = proc;
    this.redactor = redactor;
  }

  /** The start ticks of a pid, the cheap check that a cached pid still names the same process. */
  long startTicks(int pid) throws IOException {
    return ProcStat.parse(proc.read(pid, "stat")).startTicks();
  }

  /** @throws java.nio.file.NoSuchFileException when the process has gone */
  Read read(int pid) throws IOException {
    ProcStat stat = ProcStat.parse(proc.read(pid, "stat"));
    ProcStatus status = ProcStatus.parse(proc.read(pid, "status"), pid);
    List<String> argv = redactor.argv(CommandLine.split(proc.readBytes(pid, "cmdline", MAX_CMDLINE)));
    Optional<ContainerRef> container = CgroupPath.parse(proc.read(pid, "cgroup"));
    String netns = proc.readLink(pid, "ns/net");
    StringBuilder denied = new StringBuilder();
    String exe = link(pid, "exe", denied);
    String cwd = link(pid, "cwd", denied);
    List<String> env = List.of();
    try {
      env = CommandLine.envNames(proc.readBytes(pid, "environ", MAX_ENVIRON));
    } catch (AccessDeniedException e) {
      note(denied, "environ");
    }
    ProcessInfo info = new ProcessInfo(pid, stat.startTicks(), stat.ppid(), status.uid(), status.nsPids(), exe, argv, cwd,
        env, container, netns);
    return new Read(info, stat.pgrp(), stat.session(), denied.isEmpty() ? "" : denied + ": permission denied");
  }

  private String link(int pid, String name, StringBuilder denied) throws IOException {
    try {
      return proc.readLink(pid, name);
    } catch (AccessDeniedException e) {
      note(denied, name);
      return "";
    }
  }

  private static void note(StringBuilder b, String what) {
    b.append(b.isEmpty() ? "" : ", ").append(what);
  }
}

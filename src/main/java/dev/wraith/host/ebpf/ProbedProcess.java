package dev.wraith.host.ebpf;

import dev.wraith.model.ContainerRef;
import java.util.List;
import java.util.Optional;

/**
 * The process behind a probed connection or DNS answer, as known when its event arrived.
 *
 * @param pid the process id in the node's PID namespace; with {@code startTicks} its identity
 * @param startTicks /proc/PID/stat field 22 (joins {@code ProcessInfo.startTicks})
 * @param ppid the parent's pid; 0 when unknown
 * @param uid the real uid; -1 when unknown
 * @param exe the binary it exec'd (from the exec event) or /proc/PID/exe; "" when unknown
 * @param argv the command line, redacted as the host layer redacts /proc's cmdline; empty when unknown
 * @param cgroupId the cgroup v2 id the kernel reported
 * @param container the pod and container its cgroup names; empty for node processes and unknown cgroups
 * @param netns "net:[INODE]", as {@code ProcessInfo.netns}
 * @param source where exe and argv came from
 */
public record ProbedProcess(int pid, long startTicks, int ppid, int uid, String exe, List<String> argv, long cgroupId,
    Optional<ContainerRef> container, String netns, Source source) {
  public ProbedProcess {
    argv = List.copyOf(argv);
  }

  /** Where a process's name came from. */
  public enum Source {
    /** The probe saw it exec: named even if it lived 50 ms. */
    EXEC_EVENT,
    /** It started before the probe (or its exec was lost) and was read from /proc while it ran. */
    PROC,
    /** It started before the probe and exited before it could be read: only pid, cgroup and namespace are known. */
    UNKNOWN
  }
}

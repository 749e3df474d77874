package dev.wraith.model;

import java.util.List;
import java.util.Optional;

/**
 * One process as read from /proc. Identity is (pid, startTicks): pids are reused, start times are not.
 *
 * @param startTicks field 22 of /proc/PID/stat, clock ticks since boot
 * @param nsPids NSpid from /proc/PID/status: the host pid first, the innermost namespace's pid last
 * @param argv the command line with secret-looking values replaced by "***"
 * @param envNames environment variable names only; values are never read into the model
 * @param container empty for processes outside every container
 */
public record ProcessInfo(
    int pid,
    long startTicks,
    int ppid,
    int uid,
    List<Integer> nsPids,
    String exe,
    List<String> argv,
    String cwd,
    List<String> envNames,
    Optional<ContainerRef> container,
    String netns) {

  public ProcessInfo {
    nsPids = List.copyOf(nsPids);
    argv = List.copyOf(argv);
    envNames = List.copyOf(envNames);
  }

  /** True for the init process of a PID namespace other than the host's (NSpid ends in 1). */
  public boolean isNamespaceInit() {
    return nsPids.size() > 1 && nsPids.get(nsPids.size() - 1) == 1;
  }
}

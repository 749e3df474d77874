package dev.wraith.host;

import java.io.IOException;

/**
 * Decides when the sampler lists the proc root: the listing is what grows with the process count, while the
 * socket tables are read through one cached pid per network namespace. A sample lists when
 * <ul>
 *   <li>{@link #MAX_GAP} samples (1 s at 200 ms) have passed, to drop exited pids and pick up anything missed;
 *   <li>{@link #FORK_GAP} samples (400 ms) have passed and a process was created since the last listing, or
 *       that cannot be told. A connection in a namespace that is new since the last listing is seen only once
 *       the namespace is listed, so 400 ms between listings keeps every connection of 0.5 s or more;
 *   <li>the sampler asks, because an AI connection's owner is not among the pids it knows ({@link #now}).
 * </ul>
 * "A process was created" is the last pid allocated in the reader's PID namespace (the 5th field of the
 * root's loadavg). It says something only when the proc root shows that namespace, i.e. when the root's
 * self is this process (the live /proc, or a DaemonSet with hostPID); otherwise (a fixture tree, a host
 * /proc mounted without hostPID) every {@link #FORK_GAP} samples list. Limit: a process that moves into a
 * new network namespace without forking (setns, unshare in place) is seen at the next periodic re-read of
 * pid namespaces, as before.
 */
final class PidListing {
  static final int FORK_GAP = 2, MAX_GAP = 5;

  private final ProcFs proc;
  private final long selfPid;
  private Boolean signal; // whether loadavg speaks for the proc root; decided at the first listing
  private String lastPidAtListing = "";
  private int since = MAX_GAP;

  /** @param selfPid this process's pid, to check that the proc root shows the reader's PID namespace */
  PidListing(ProcFs proc, long selfPid) {
    this.proc = proc;
    this.selfPid = selfPid;
  }

  /** Called once per sample: whether this sample lists. If so, the caller lists and the gap restarts. */
  boolean due() {
    since++;
    if (since >= MAX_GAP) return now();
    if (since < FORK_GAP) return false;
    if (Boolean.FALSE.equals(signal)) return now();
    String last = lastPid();
    return (last.isEmpty() || !last.equals(lastPidAtListing)) ? now() : false;
  }

  /** Records a listing made now (due, or on demand). */
  boolean now() {
    if (signal == null) signal = speaksForRoot();
    lastPidAtListing = signal ? lastPid() : "";
    since = 0;
    return true;
  }

  private boolean speaksForRoot() {
    try {
      String stat = proc.readRoot("self/stat");
      return stat.substring(0, stat.indexOf(' ')).equals(Long.toString(selfPid)) && !lastPid().isEmpty();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The last allocated pid from loadavg ("0.00 0.01 0.05 1/83 26305"), "" when unreadable. */
  private String lastPid() {
    try {
      String[] f = proc.readRoot("loadavg").trim().split(" ", -1);
      return f.length >= 5 ? f[4] : "";
    } catch (IOException e) {
      return "";
    }
  }
}

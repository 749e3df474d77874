package dev.wraith.host;

/**
 * The fields of /proc/PID/stat the sensor needs. The line is parsed after the last ')', because comm (field
 * 2) may itself contain spaces and parentheses.
 *
 * @param pgrp field 5, the process group (as a pid of the proc root's PID namespace)
 * @param session field 6, the session: the pid of the process that called setsid(); runc makes a container's
 *     init and every exec'd process a session leader, so it outlives the parent link of a re-parented child
 * @param startTicks field 22, clock ticks since boot: with the pid, the process's identity
 */
record ProcStat(int ppid, int pgrp, int session, long startTicks) {
  static ProcStat parse(String line) {
    int close = line.lastIndexOf(')');
    if (close < 0) throw new IllegalArgumentException("no comm in stat line");
    // after ")": field 3 (state) is index 0, so field N is index N - 3
    String[] f = line.substring(close + 1).trim().split(" ", -1);
    if (f.length < 20) throw new IllegalArgumentException("short stat line");
    return new ProcStat(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), Long.parseLong(f[19]));
  }
}

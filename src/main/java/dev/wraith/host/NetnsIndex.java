package dev.wraith.host;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups pids by network namespace so each namespace's socket table is read once per sample. A pid's
 * namespace is read when the pid first appears and re-read every {@code fullEvery} pid listings, which the
 * sampler makes every 200 ms to 1 s (setns and pid reuse are rare; re-reading all links every sample would
 * cost most of the sensor's budget).
 */
final class NetnsIndex {
  private final ProcFs proc;
  private final int fullEvery;
  private final Map<Integer, String> byPid = new HashMap<>();
  private int sinceFull;
  private int denied;

  NetnsIndex(ProcFs proc, int fullEvery) {
    this.proc = proc;
    this.fullEvery = fullEvery;
  }

  /** Updates for the current pid list; returns namespace → its pids, namespaces in stable order. */
  Map<String, List<Integer>> update(List<Integer> pids, java.util.Set<Integer> live) {
    boolean full = ++sinceFull >= fullEvery;
    if (full) sinceFull = 0;
    if (byPid.size() > live.size() || full) byPid.keySet().retainAll(live);
    denied = 0;
    Map<String, List<Integer>> groups = new TreeMap<>();
    for (int pid : pids) {
      String ns = full ? null : byPid.get(pid);
      if (ns == null) ns = read(pid);
      if (ns == null) continue;
      groups.computeIfAbsent(ns, k -> new ArrayList<>()).add(pid);
    }
    return groups;
  }

  /** Processes whose namespace link could not be read this sample (another uid, not root). */
  int denied() {
    return denied;
  }

  /** Drops a pid so its namespace is read again next sample (its socket table could not be read). */
  void forget(int pid) {
    byPid.remove(pid);
  }

  private String read(int pid) {
    try {
      String ns = proc.readLink(pid, "ns/net");
      byPid.put(pid, ns);
      return ns;
    } catch (AccessDeniedException e) {
      denied++;
      return null;
    } catch (IOException e) {
      return null; // gone, or a kernel thread without a readable link
    }
  }
}

package dev.wraith.host;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Socket inode → owning pid, found through fd/ links ("socket:[734980]"). Only the inodes the sampler asks
 * for (AI connections) are looked up; a hit is cached with its fd and re-checked with one readlink, and
 * pids that owned AI sockets before are searched first, so a process that keeps opening connections costs
 * little. Several pids may share an inode after fork; the lowest pid that holds it is reported. A cached
 * holder needs no start-time check: a socket inode is unique while the socket lives, so a reused pid whose
 * fd still links to it holds the very socket (inherited); who that process is, the process table decides by
 * its start time.
 */
final class SocketOwners {
  private record Holder(int pid, String fd) {}

  private final ProcFs proc;
  private final Map<Long, Holder> cache = new HashMap<>();
  private final Set<Integer> recentOwners = new LinkedHashSet<>();
  private final Map<Integer, String> unreadable = new HashMap<>();

  SocketOwners(ProcFs proc) {
    this.proc = proc;
  }

  /** Owners of the wanted inodes among the namespace's pids; inodes not found are absent from the map. */
  Map<Long, Integer> find(Set<Long> wanted, List<Integer> nsPids) {
    Map<Long, Integer> found = new HashMap<>();
    for (long inode : wanted) {
      Holder h = cache.get(inode);
      if (h != null && holds(h, inode)) found.put(inode, h.pid());
      else cache.remove(inode);
    }
    if (found.size() == wanted.size()) return found;
    List<Integer> order = new ArrayList<>();
    Set<Integer> inNs = new java.util.HashSet<>(nsPids);
    for (int pid : recentOwners) if (inNs.contains(pid)) order.add(pid);
    // newest first: a connection that was not there last sample most often comes from a young process
    for (int i = nsPids.size() - 1; i >= 0; i--) if (!recentOwners.contains(nsPids.get(i))) order.add(nsPids.get(i));
    for (int pid : order) {
      scan(pid, wanted, found);
      if (found.size() == wanted.size()) break;
    }
    return found;
  }

  /** True when some pid of the namespace could not be searched, so a missing owner may be hidden, not gone. */
  boolean anyUnreadable(List<Integer> nsPids) {
    for (int pid : nsPids) if (unreadable.containsKey(pid)) return true;
    return false;
  }

  /** Pids whose fd/ could not be listed in the last search, with the reason. */
  Map<Integer, String> unreadable() {
    return Map.copyOf(unreadable);
  }

  /** Forgets inodes that are no longer in any table and pids that have exited. */
  void retain(Collection<Long> liveInodes, Set<Integer> livePids) {
    cache.keySet().retainAll(new java.util.HashSet<>(liveInodes));
    recentOwners.retainAll(livePids);
    unreadable.keySet().retainAll(livePids);
  }

  private void scan(int pid, Set<Long> wanted, Map<Long, Integer> found) {
    List<String[]> fds;
    try {
      fds = proc.fds(pid);
      unreadable.remove(pid);
    } catch (AccessDeniedException e) {
      unreadable.put(pid, "fd/ not readable: permission denied");
      return;
    } catch (IOException e) {
      return; // exited
    }
    for (String[] fd : fds) {
      long inode = socketInode(fd[1]);
      if (inode > 0 && wanted.contains(inode) && !found.containsKey(inode)) {
        found.put(inode, pid);
        cache.put(inode, new Holder(pid, fd[0]));
        recentOwners.add(pid);
      }
    }
  }

  private boolean holds(Holder h, long inode) {
    try {
      return socketInode(proc.readLink(h.pid(), "fd/" + h.fd())) == inode;
    } catch (IOException e) {
      return false;
    }
  }

  static long socketInode(String target) {
    if (!target.startsWith("socket:[") || !target.endsWith("]")) return -1;
    try {
      return Long.parseLong(target.substring(8, target.length() - 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

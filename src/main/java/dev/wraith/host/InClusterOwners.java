package dev.wraith.host;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Owners of the connections to in-cluster addresses that nothing attributed, found only while that stays cheap: an
 * owner found once is kept for the socket's life (no syscall per sample: a socket inode is unique while it lives), and
 * a new one is searched for once, and only in a namespace of at most {@link #MAX_PIDS} processes (a pod's). Connections in
 * bigger namespaces (the node's own, where every node process would have to be searched) are counted and said.
 */
final class InClusterOwners {
  /** In a namespace with more processes than this, owners of in-cluster connections are not searched for. */
  static final int MAX_PIDS = 32;

  private final SocketOwners owners;
  private final ProcessTable processes;
  private final Map<Long, Integer> byInode = new HashMap<>();
  /** Inodes searched for once without finding an owner: not searched again while they live. */
  private final Set<Long> notFound = new HashSet<>();
  private long untraced;

  InClusterOwners(SocketOwners owners, ProcessTable processes) {
    this.owners = owners;
    this.processes = processes;
  }

  /** Adds a sighting per connection of the namespace whose owner is known or cheaply found. */
  void sightings(Map<Long, Sampler.Local> local, List<Integer> pids, List<Sighting.InCluster> out) {
    Set<Long> unknown = new HashSet<>();
    for (Long inode : local.keySet()) if (!byInode.containsKey(inode) && !notFound.contains(inode)) unknown.add(inode);
    if (!unknown.isEmpty()) {
      if (pids.size() <= MAX_PIDS) {
        Map<Long, Integer> found = owners.find(unknown, pids);
        byInode.putAll(found);
        unknown.removeAll(found.keySet());
        notFound.addAll(unknown);
      } else {
        untraced += unknown.size();
      }
    }
    for (Map.Entry<Long, Sampler.Local> c : local.entrySet()) {
      Integer pid = byInode.get(c.getKey());
      if (pid == null) continue;
      try {
        out.add(new Sighting.InCluster(processes.entry(pid, pids), c.getKey(), c.getValue().ip(), c.getValue().port()));
      } catch (IOException e) {
        byInode.remove(c.getKey()); // the owner exited while read
      }
    }
  }

  /** Forgets closed sockets; the warning for this sample, when some connections were not traced. */
  Optional<String> endSample(Set<Long> liveInodes) {
    byInode.keySet().retainAll(liveInodes);
    notFound.retainAll(liveInodes);
    long n = untraced;
    untraced = 0;
    if (n == 0) return Optional.empty();
    return Optional.of("connections to in-cluster addresses in network namespaces of more than " + MAX_PIDS
        + " processes (the node's) are not traced to their process, to keep sampling cheap; the cluster layer cannot "
        + "name what they reach");
  }
}

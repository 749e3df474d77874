package dev.wraith.host;

import dev.wraith.attribution.HostsFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hosts files that apply to a network namespace: the one seen by a process in it (a pod's containers
 * share the kubelet-written /etc/hosts with its hostAliases) and the node's (as pid 1 sees it). Re-read
 * every {@code refreshEvery} samples. A missing or unreadable file is an empty one.
 */
final class HostsViews {
  private final ProcFs proc;
  private final int refreshEvery;
  private final Map<String, List<HostsFile>> byNetns = new HashMap<>();
  private HostsFile node;
  private int age;

  HostsViews(ProcFs proc, int refreshEvery) {
    this.proc = proc;
    this.refreshEvery = refreshEvery;
  }

  /** Most specific first: the namespace's own view, then the node's. */
  List<HostsFile> views(String netns, int pid) {
    if (node == null) node = read(1);
    return byNetns.computeIfAbsent(netns, k -> {
      List<HostsFile> v = new ArrayList<>();
      v.add(read(pid));
      v.add(node);
      return List.copyOf(v);
    });
  }

  /** Drops namespaces that are gone and, every refreshEvery calls, everything. */
  void retain(Set<String> live) {
    if (++age >= refreshEvery) {
      age = 0;
      byNetns.clear();
      node = null;
      return;
    }
    byNetns.keySet().retainAll(live);
  }

  private HostsFile read(int pid) {
    try {
      return HostsFile.parse(proc.readInRoot(pid, "/etc/hosts", 1024 * 1024));
    } catch (IOException | RuntimeException e) {
      return HostsFile.EMPTY;
    }
  }
}

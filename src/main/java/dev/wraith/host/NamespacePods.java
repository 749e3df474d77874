package dev.wraith.host;

import dev.wraith.model.ContainerRef;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pod a network namespace belongs to, for AI connections whose owner cannot be read (another uid, gone,
 * TIME_WAIT). A namespace belongs to a pod when every process in it whose cgroup could be read is in that one
 * pod: the containers of a pod share its sandbox's namespace. A namespace with a process outside every
 * container (the node's own, which hostNetwork pods share too) or with several pods belongs to none. The
 * container is named only when the namespace holds exactly one (the pause container counts: with it and one
 * workload container the pod is known, the container is not). cgroup files are world-readable, so this works
 * for a non-root sensor too. Answers are kept until {@link #clear} (the sampler calls it at each pid listing).
 */
final class NamespacePods {
  private final ProcFs proc;
  private final Map<String, Optional<ContainerRef>> byNamespace = new HashMap<>();

  NamespacePods(ProcFs proc) {
    this.proc = proc;
  }

  /** The pod (and, if unique, container) of namespace {@code ns}, whose processes are {@code pids}. */
  Optional<ContainerRef> of(String ns, List<Integer> pids) {
    return byNamespace.computeIfAbsent(ns, k -> read(pids));
  }

  void clear() {
    byNamespace.clear();
  }

  private Optional<ContainerRef> read(List<Integer> pids) {
    ContainerRef first = null;
    Set<String> containers = new LinkedHashSet<>();
    for (int pid : pids) {
      Optional<ContainerRef> c;
      try {
        c = CgroupPath.parse(proc.read(pid, "cgroup"));
      } catch (IOException e) {
        continue; // exited since the listing
      }
      if (c.isEmpty()) return Optional.empty();
      if (first == null) first = c.get();
      else if (!first.podUid().equals(c.get().podUid())) return Optional.empty();
      if (!c.get().containerId().isEmpty()) containers.add(c.get().containerId());
    }
    if (first == null) return Optional.empty();
    String container = containers.size() == 1 ? containers.iterator().next() : "";
    return Optional.of(new ContainerRef(first.podUid(), container, first.runtime(), first.qos(), first.driver()));
  }
}

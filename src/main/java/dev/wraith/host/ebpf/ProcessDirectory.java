package dev.wraith.host.ebpf;

import dev.wraith.host.LiveProcesses;
import dev.wraith.model.ContainerRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names the process behind an event: from its exec event when the probe saw one (so a process that lived 50 ms
 * keeps its binary and arguments), else from /proc while it runs, else by pid alone. The pod and container come
 * from the event's cgroup id (see {@link CgroupIds}), so they too survive the process. Bounded: the least
 * recently used of more than {@link #MAX_PROCESSES} processes are forgotten.
 */
final class ProcessDirectory {
  static final int MAX_PROCESSES = 32_768, MAX_CGROUPS = 4096;

  /** /proc for processes the probe did not see start. */
  interface Live {
    Optional<LiveProcesses.Brief> brief(int pid, long startTicks);
  }

  private final Live live;
  private final CgroupIds cgroups;
  private final Map<Integer, ProbedProcess> byPid = lru(MAX_PROCESSES);
  private final Map<Long, Optional<ContainerRef>> containers = lru(MAX_CGROUPS);

  ProcessDirectory(Live live, CgroupIds cgroups) {
    this.live = live;
    this.cgroups = cgroups;
  }

  void exec(KernelEvent.Exec e) {
    KernelEvent.Task t = e.task();
    byPid.put(t.pid(), new ProbedProcess(t.pid(), t.startTicks(), e.ppid(), e.uid(), e.binary(), e.argv(), t.cgroupId(),
        container(t.cgroupId()), t.netns(), ProbedProcess.Source.EXEC_EVENT));
  }

  /** The process of {@code t}, as known now; its container is the one of the event's cgroup. */
  ProbedProcess of(KernelEvent.Task t) {
    ProbedProcess p = byPid.get(t.pid());
    if (p == null || p.startTicks() != t.startTicks()) {
      p = read(t);
      byPid.put(t.pid(), p);
    }
    Optional<ContainerRef> c = container(t.cgroupId());
    return c.isPresent() && !c.equals(p.container()) ? with(p, t, c) : p;
  }

  private ProbedProcess read(KernelEvent.Task t) {
    Optional<LiveProcesses.Brief> b = live.brief(t.pid(), t.startTicks());
    if (b.isEmpty()) {
      return new ProbedProcess(t.pid(), t.startTicks(), 0, -1, "", List.of(), t.cgroupId(), container(t.cgroupId()), t.netns(),
          ProbedProcess.Source.UNKNOWN);
    }
    LiveProcesses.Brief i = b.get();
    // the cgroup id names the v2 hierarchy's cgroup; on a node whose kubelet uses v1, /proc's cgroup file names the pod
    Optional<ContainerRef> c = container(t.cgroupId()).or(i::container);
    return new ProbedProcess(t.pid(), t.startTicks(), i.ppid(), i.uid(), i.exe(), i.argv(), t.cgroupId(), c, t.netns(),
        ProbedProcess.Source.PROC);
  }

  private static ProbedProcess with(ProbedProcess p, KernelEvent.Task t, Optional<ContainerRef> c) {
    return new ProbedProcess(p.pid(), p.startTicks(), p.ppid(), p.uid(), p.exe(), p.argv(), t.cgroupId(), c, p.netns(), p.source());
  }

  /** Known cgroups are cached; an unknown one is asked again (a pod created since the last walk). */
  private Optional<ContainerRef> container(long cgroupId) {
    Optional<ContainerRef> c = containers.get(cgroupId);
    if (c != null) return c;
    Optional<String> path = cgroups.path(cgroupId);
    c = path.flatMap(LiveProcesses::container);
    if (path.isPresent()) containers.put(cgroupId, c);
    return c;
  }

  private static <K, V> Map<K, V> lru(int max) {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> e) {
        return size() > max;
      }
    };
  }
}

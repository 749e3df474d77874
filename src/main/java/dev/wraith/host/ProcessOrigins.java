package dev.wraith.host;

import dev.wraith.model.ContainerRef;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a container's own processes from exec'd ones, from /proc alone.
 *
 * <p>The parent chain is walked while it stays in the process's container (same container id). Reaching the
 * container's init means its own tree; leaving the container first means something outside started it (runc
 * exec under kubectl exec, crictl exec, nsenter). The init is the process whose NSpid ends in 1 or, where the
 * container has no PID namespace of its own (a pod with shareProcessNamespace, whose pid 1 is the pause
 * container, or hostPID), the earliest-started process of the container among the candidates the caller
 * gives (the pids of its network namespace, which every container of a pod shares): runc starts a
 * container's init before any exec into it.
 *
 * <p>A process whose parent exited is re-parented to its PID namespace's init, so the chain of a detached
 * child of an exec'd shell reaches the init. The session and process group remember better: runc makes every
 * exec'd process a session leader, and its children keep that session after it exits. So a process the
 * chain puts in the init's tree is still exec'd when its session or group leader is alive and exec'd, when
 * that leader was recorded as exec'd earlier in this run, or when an ancestor was. Limits: a leader that
 * exited before the sensor saw it leaves no trace (the child then reads as the container's: a double-forking
 * daemon of the workload looks exactly the same); nsenter does not start a session, so its processes carry
 * the session of whatever ran it on the node and only their chain tells; a candidate list that misses the
 * real init (a container younger than the last pid listing) can make its first exec'd process read as init.
 */
final class ProcessOrigins {
  /** The processes the origins are worked out over (the process table). */
  interface Processes {
    /** The process now running as pid. @throws IOException when it is gone or unreadable */
    ProcessReader.Read read(int pid) throws IOException;

    /** The origin already worked out for this process (same pid and start time), if any. */
    Optional<ProcessOrigin> known(ProcessInfo p);
  }

  private static final int MAX_ANCESTRY = 64;
  static final int MAX_SESSIONS = 4096;

  private final ProcFs proc;
  private final Processes processes;
  /** "container-id leader-pid" → the leader's start ticks, for exec'd sessions; the oldest are dropped past the cap. */
  private final Map<String, Long> execSessions = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> e) {
      return size() > MAX_SESSIONS;
    }
  };

  ProcessOrigins(ProcFs proc, Processes processes) {
    this.proc = proc;
    this.processes = processes;
  }

  /** The origin of {@code r}; {@code candidates} are the pids that may hold its container's init. */
  ProcessOrigin of(ProcessReader.Read r, List<Integer> candidates) {
    Optional<ContainerRef> c = r.info().container();
    if (c.isEmpty()) return ProcessOrigin.NODE;
    String id = c.get().containerId();
    ProcessOrigin o = byChain(r.info(), id, candidates);
    if (o == ProcessOrigin.CONTAINER && execSession(r, id, candidates)) o = ProcessOrigin.EXEC;
    if (o == ProcessOrigin.EXEC) remember(r, id);
    return o;
  }

  private ProcessOrigin byChain(ProcessInfo p, String id, List<Integer> candidates) {
    ProcessInfo cur = p;
    for (int i = 0; i < MAX_ANCESTRY; i++) {
      if (i > 0 && processes.known(cur).orElse(null) == ProcessOrigin.EXEC) return ProcessOrigin.EXEC;
      if (cur.isNamespaceInit()) return ProcessOrigin.CONTAINER;
      if (cur.ppid() <= 0) return ProcessOrigin.EXEC;
      ProcessInfo parent;
      try {
        parent = processes.read(cur.ppid()).info();
      } catch (IOException e) {
        return ProcessOrigin.EXEC;
      }
      if (!in(parent, id)) return isInit(cur, id, candidates) ? ProcessOrigin.CONTAINER : ProcessOrigin.EXEC;
      cur = parent;
    }
    return ProcessOrigin.EXEC;
  }

  /** Whether the session or process group of {@code r} was started by an exec into its container. */
  private boolean execSession(ProcessReader.Read r, String id, List<Integer> candidates) {
    for (int leader : new int[] {r.session(), r.pgrp()}) {
      if (leader <= 0 || leader == r.info().pid()) continue; // its own: workload daemons call setsid too
      Optional<ProcessReader.Read> l = alive(leader);
      Long recorded = execSessions.get(id + ' ' + leader);
      if (recorded != null && (l.isEmpty() || l.get().info().startTicks() == recorded)) return true;
      if (l.isPresent() && in(l.get().info(), id) && byChain(l.get().info(), id, candidates) == ProcessOrigin.EXEC) return true;
    }
    return false;
  }

  /**
   * Records the session of an exec'd process, if its leader is in the container (nsenter starts no session:
   * then the leader is a node process whose session would wrongly mark the container's own processes).
   */
  private void remember(ProcessReader.Read r, String id) {
    int leader = r.session();
    if (leader == r.info().pid()) {
      execSessions.put(id + ' ' + leader, r.info().startTicks());
      return;
    }
    alive(leader).filter(l -> in(l.info(), id)).ifPresent(l -> execSessions.put(id + ' ' + leader, l.info().startTicks()));
  }

  /**
   * True when {@code top}, whose parent is outside the container, is its init although its NSpid does not end
   * in 1: the container has no PID namespace of its own (it shares the pod's, whose init, another container's
   * process, is among the candidates with the same ns/pid link; or it is in the node's, hostPID) and
   * {@code top} is the earliest-started process of the container among the candidates.
   */
  private boolean isInit(ProcessInfo top, String id, List<Integer> candidates) {
    boolean noOwnNamespace = top.nsPids().size() == 1;
    String pidns = noOwnNamespace ? "" : link(top.pid(), "ns/pid");
    for (int pid : candidates) {
      if (pid == top.pid()) continue;
      try {
        String other = CgroupPath.parse(proc.read(pid, "cgroup")).map(ContainerRef::containerId).orElse(null);
        if (id.equals(other)) {
          long ticks = ProcStat.parse(proc.read(pid, "stat")).startTicks();
          if (ticks < top.startTicks() || (ticks == top.startTicks() && pid < top.pid())) return false;
        } else if (!noOwnNamespace && !pidns.isEmpty() && other != null && link(pid, "ns/pid").equals(pidns)) {
          List<Integer> ns = ProcStatus.parse(proc.read(pid, "status"), pid).nsPids();
          noOwnNamespace = ns.size() > 1 && ns.get(ns.size() - 1) == 1;
        }
      } catch (IOException | RuntimeException e) {
        // gone since the listing: it cannot be the init of a container that still has processes
      }
    }
    return noOwnNamespace;
  }

  /** A namespace link, "" when unreadable (gone; a fixture without it). */
  private String link(int pid, String name) {
    try {
      return proc.readLink(pid, name);
    } catch (IOException e) {
      return "";
    }
  }

  private Optional<ProcessReader.Read> alive(int pid) {
    try {
      return Optional.of(processes.read(pid));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean in(ProcessInfo p, String id) {
    return p.container().isPresent() && p.container().get().containerId().equals(id);
  }
}

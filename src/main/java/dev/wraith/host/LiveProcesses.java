package dev.wraith.host;

import dev.wraith.attribution.HostsFile;
import dev.wraith.cmdline.CommandLine;
import dev.wraith.cmdline.EntryScripts;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.EntryScript;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host layer's /proc knowledge for a caller that learns of processes from elsewhere (the eBPF probe): a
 * process's identity by pid and start time, its origin and entry script as the sampler works them out, the hosts
 * files its namespace sees, and the container a cgroup path names. Same reader, same redaction as the sampler.
 * Not thread-safe.
 */
public final class LiveProcesses {
  /** A process as the sensor reports it. */
  public record Owner(ProcessInfo info, ProcessOrigin origin, Optional<EntryScript> script) {}

  private static final long RELIST_NANOS = 500_000_000L;

  private final ProcFs proc;
  private final Redactor redactor;
  private final ProcessReader reader;
  private final ProcessTable table;
  private final HostsViews hosts;
  private final NetnsIndex netns;
  private Map<String, List<Integer>> groups = Map.of();
  private long listedAt = Long.MIN_VALUE;

  /** @param redactor applied to every argument list read */
  public LiveProcesses(ProcFs proc, Redactor redactor) {
    this.proc = proc;
    this.redactor = redactor;
    this.reader = new ProcessReader(proc, redactor);
    this.table = new ProcessTable(proc, redactor);
    this.hosts = new HostsViews(proc, 25);
    this.netns = new NetnsIndex(proc, 20);
  }

  /** The container a cgroup (v2) path names, as /proc/PID/cgroup's path would. */
  public static Optional<ContainerRef> container(String cgroupPath) {
    return CgroupPath.parsePath(cgroupPath);
  }

  /** What a process is, briefly: enough to name it while it runs. */
  public record Brief(int ppid, int uid, String exe, List<String> argv, Optional<ContainerRef> container) {}

  /**
   * The process running as pid if it started at {@code startTicks}: parent, uid, binary, redacted argv and container
   * (from every cgroup hierarchy, v1 included), read from five small files, not its environment or cwd.
   */
  public Optional<Brief> brief(int pid, long startTicks) {
    try {
      ProcStat stat = ProcStat.parse(proc.read(pid, "stat"));
      if (stat.startTicks() != startTicks) return Optional.empty();
      ProcStatus status = ProcStatus.parse(proc.read(pid, "status"), pid);
      List<String> argv = redactor.argv(CommandLine.split(proc.readBytes(pid, "cmdline", ProcessReader.MAX_CMDLINE)));
      String exe;
      try {
        exe = proc.readLink(pid, "exe");
      } catch (java.nio.file.AccessDeniedException e) {
        exe = "";
      }
      return Optional.of(new Brief(stat.ppid(), status.uid(), exe, argv, CgroupPath.parse(proc.read(pid, "cgroup"))));
    } catch (IOException | RuntimeException gone) {
      return Optional.empty();
    }
  }

  /** The process with its origin and entry script (hashed), if it still runs as pid with that start time. */
  public Optional<Owner> owner(int pid, long startTicks) {
    try {
      ProcessTable.Entry e = table.entry(pid, candidates(pid));
      if (e.info().startTicks() != startTicks) return Optional.empty();
      return Optional.of(new Owner(e.info(), e.origin(), e.script()));
    } catch (IOException | RuntimeException gone) {
      return Optional.empty();
    }
  }

  /**
   * A process that exited before it could be read, from what the probe saw of it. Its origin is its parent's
   * when the parent runs in the same container (the parent's own, if it left the container: exec'd), a node
   * process without a container, else its container's; its entry script has a path and no hash.
   */
  public Owner exited(ProcessInfo p) {
    ProcessOrigin origin = ProcessOrigin.NODE;
    if (p.container().isPresent()) {
      origin = ProcessOrigin.CONTAINER;
      Optional<Owner> parent = p.ppid() > 0 ? ownerNow(p.ppid()) : Optional.empty();
      if (parent.isPresent()) {
        boolean sameContainer = parent.get().info().container().map(ContainerRef::containerId)
            .equals(p.container().map(ContainerRef::containerId));
        origin = sameContainer ? parent.get().origin() : ProcessOrigin.EXEC;
      }
    }
    Optional<EntryScript> script = EntryScripts.scriptPath(p.argv(), p.cwd())
        .map(path -> new EntryScript(path, "", "the process exited before it could be read"));
    return new Owner(p, origin, script);
  }

  /** The hosts files that apply to a namespace, most specific first (see the sampler). */
  public List<HostsFile> hostsFiles(String netnsLink, int pid) {
    return hosts.views(netnsLink, pid);
  }

  /** Forgets processes and namespaces that are gone (once per window). */
  public void retain() {
    try {
      List<Integer> pids = proc.pids();
      var live = new HashSet<>(pids);
      table.retain(live);
      groups = netns.update(pids, live);
      listedAt = System.nanoTime();
      hosts.retain(groups.keySet());
    } catch (IOException e) {
      // the next window tries again; owners are looked up one by one meanwhile
    }
  }

  private Optional<Owner> ownerNow(int pid) {
    try {
      return owner(pid, reader.startTicks(pid));
    } catch (IOException | RuntimeException gone) {
      return Optional.empty();
    }
  }

  /** The pids of pid's network namespace (the candidates for its container's init), relisted at most twice a second. */
  private List<Integer> candidates(int pid) throws IOException {
    String ns = proc.readLink(pid, "ns/net");
    List<Integer> pids = groups.get(ns);
    if ((pids == null || !pids.contains(pid)) && System.nanoTime() - listedAt > RELIST_NANOS) {
      retain();
      pids = groups.get(ns);
    }
    return pids == null ? List.of(pid) : pids;
  }
}

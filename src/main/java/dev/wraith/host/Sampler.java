package dev.wraith.host;

import dev.wraith.attribution.AskedNames;
import dev.wraith.attribution.Attributor;
import dev.wraith.redact.Redactor;
import dev.wraith.attribution.HostsFile;
import dev.wraith.model.Attributed;
import dev.wraith.model.Attribution;
import dev.wraith.model.HostScan.Unowned;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes one sample: reads each network namespace's TCP tables once, attributes the outgoing connections'
 * destinations, and only for the AI ones looks up the owning process. Attributing before owning, and listing
 * the pids only when {@link PidListing} says so, keeps the cost of a sample close to reading the socket
 * tables, whatever the process count.
 *
 * <p>Connections to in-cluster addresses (private or ULA) that nothing attributed are kept too, for the cluster
 * layer's address map to name later, where finding their owner stays cheap ({@link InClusterOwners}).
 * Keeps its caches between samples; not thread-safe.
 */
final class Sampler {
  /**
   * What one sample saw; {@code inCluster} are unattributed in-cluster connections with their owners; {@code notes} say
   * what the sample chose not to do (not problems: the layer stays RAN).
   */
  record Sample(List<Sighting> sightings, List<Unowned> unowned, List<Sighting.InCluster> inCluster, List<String> warnings,
      List<String> notes, int pids, int netns) {}

  private final ProcFs proc;
  private final Attributor attributor;
  private final NetnsIndex netns;
  private final SocketOwners owners;
  private final ProcessTable processes;
  private final HostsViews hosts;
  private final NamespacePods pods;
  static final int MAX_REUSE = 25;

  private final Map<String, Attribution> memo = new HashMap<>();
  private final InClusterOwners inClusterOwners;
  private final Map<String, Cached> cached = new HashMap<>();
  private int sinceMemoClear;
  private final PidListing listing;
  private final Set<Long> relistedFor = new HashSet<>();
  private Map<String, List<Integer>> groups = Map.of();
  private Set<Integer> live = Set.of();
  private boolean listedNow;

  Sampler(ProcFs proc, Attributor attributor, Redactor redactor) {
    this(proc, attributor, redactor, ProcessHandle.current().pid());
  }

  /** @param selfPid this process's pid (see {@link PidListing}) */
  Sampler(ProcFs proc, Attributor attributor, Redactor redactor, long selfPid) {
    this.proc = proc;
    this.listing = new PidListing(proc, selfPid);
    this.attributor = attributor;
    this.netns = new NetnsIndex(proc, 20);
    this.owners = new SocketOwners(proc);
    this.processes = new ProcessTable(proc, redactor);
    this.hosts = new HostsViews(proc, 25);
    this.pods = new NamespacePods(proc);
    this.inClusterOwners = new InClusterOwners(owners, processes);
  }

  Sample sample() throws IOException {
    listedNow = false;
    if (listing.due()) list();
    if (++sinceMemoClear >= 25) {
      memo.clear();
      sinceMemoClear = 0;
    }
    List<Sighting> sightings = new ArrayList<>();
    List<Unowned> unowned = new ArrayList<>();
    List<Sighting.InCluster> inCluster = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Set<Long> liveInodes = new HashSet<>();
    Set<String> done = new HashSet<>();
    // an on-demand listing may bring namespaces that are new since the last one: they are sampled too
    for (boolean more = true; more; ) {
      more = false;
      for (String ns : List.copyOf(groups.keySet())) {
        if (!done.add(ns)) continue;
        sampleNamespace(ns, sightings, unowned, inCluster, liveInodes);
        more = true;
      }
    }
    List<String> notes = new ArrayList<>();
    inClusterOwners.endSample(liveInodes).ifPresent(notes::add);
    owners.retain(liveInodes, live);
    relistedFor.retainAll(liveInodes);
    processes.retain(live);
    hosts.retain(groups.keySet());
    cached.keySet().retainAll(groups.keySet());
    if (netns.denied() > 0) {
      warnings.add(netns.denied() + " process(es): network namespace not readable (permission denied); their sockets were not seen");
    }
    owners.unreadable().forEach((pid, why) -> warnings.add("pid " + pid + ": " + why + "; its connections are reported without owner"));
    return new Sample(sightings, unowned, inCluster, warnings, notes, live.size(), groups.size());
  }

  /** Whether the last sample listed the proc root (the rest reuse the last listing; see {@link PidListing}). */
  boolean listedLastSample() {
    return listedNow;
  }

  private void list() throws IOException {
    List<Integer> pids = proc.pids();
    live = new HashSet<>(pids);
    groups = netns.update(pids, live);
    pods.clear();
    listedNow = true;
  }

  private void sampleNamespace(String ns, List<Sighting> sightings, List<Unowned> unowned, List<Sighting.InCluster> inCluster,
      Set<Long> liveInodes) throws IOException {
    List<Integer> pids = groups.get(ns);
    if (pids == null) return; // gone in an on-demand listing earlier in this sample
    Optional<Table> table = readTable(ns, pids);
    if (table.isEmpty()) return;
    List<HostsFile> views = null;
    Map<Long, Connection> ai = new HashMap<>();
    Map<Long, Local> local = new HashMap<>();
    for (TcpRow row : table.get().rows()) {
      if (row.state() == TcpRow.LISTEN || table.get().listening().contains(row.localPort())) continue;
      boolean open = row.isOpenConnection() && row.inode() != 0;
      if (!open && row.state() != TcpRow.TIME_WAIT) continue;
      if (views == null) views = hosts.views(ns, table.get().pid());
      Attribution verdict = attribute(ns, row.remoteIp(), row.remotePort(), views);
      Optional<Attributed> a = verdict.ai();
      if (a.isEmpty()) {
        if (open && verdict instanceof Attribution.Unattributed && Attributor.clusterMayName(row.remoteIp())) {
          local.put(row.inode(), new Local(row.remoteIp().getHostAddress(), row.remotePort()));
          liveInodes.add(row.inode());
        }
        continue;
      }
      String ip = row.remoteIp().getHostAddress();
      if (open) {
        ai.put(row.inode(), new Connection(ip, row.remotePort(), a.get()));
        liveInodes.add(row.inode());
      } else {
        unowned.add(new Unowned(ns, ip, row.remotePort(), a.get(), row.stateName(), "closed; its process no longer holds it",
            pods.of(ns, pids)));
      }
    }
    markAi(ns, !ai.isEmpty());
    if (!local.isEmpty()) inClusterOwners.sightings(local, pids, inCluster);
    if (ai.isEmpty()) return;
    Map<Long, Integer> found = findOwners(ns, ai.keySet(), pids);
    pids = groups.getOrDefault(ns, pids);
    for (Map.Entry<Long, Connection> c : ai.entrySet()) {
      Integer pid = found.get(c.getKey());
      Connection conn = c.getValue();
      if (pid == null) {
        // not found with every fd/ readable: the socket closed between reading the table and the search
        if (owners.anyUnreadable(pids) || netns.denied() > 0) {
          unowned.add(new Unowned(ns, conn.ip(), conn.port(), conn.attribution(), "open",
              "owner not readable: some processes' fd/ or namespace is denied (not root?)", pods.of(ns, pids)));
        }
        continue;
      }
      try {
        sightings.add(new Sighting(processes.entry(pid, pids), c.getKey(), conn.ip(), conn.port(), conn.attribution()));
      } catch (IOException e) {
        unowned.add(new Unowned(ns, conn.ip(), conn.port(), conn.attribution(), "open", "owning process exited while read",
            pods.of(ns, pids)));
      }
    }
  }

  private record Connection(String ip, int port, Attributed attribution) {}

  /** An open connection to an in-cluster address nothing attributed. */
  record Local(String ip, int port) {}

  /**
   * Owners of the inodes among the namespace's pids. One the last listing does not explain may belong to a
   * process started since: the root is listed again, once per unexplained inode (not every sample: a socket
   * of another uid's process stays unexplained for a non-root sensor).
   */
  private Map<Long, Integer> findOwners(String ns, Set<Long> inodes, List<Integer> pids) throws IOException {
    Map<Long, Integer> found = owners.find(inodes, pids);
    if (found.size() == inodes.size() || listedNow) return found;
    Set<Long> missing = new HashSet<>(inodes);
    missing.removeAll(found.keySet());
    if (relistedFor.addAll(missing)) {
      listing.now();
      list();
      found.putAll(owners.find(missing, groups.getOrDefault(ns, pids)));
    }
    return found;
  }

  /** Records whether the namespace's cached table holds an AI connection (see {@link #readTable}). */
  private void markAi(String ns, boolean holdsAi) {
    Cached last = cached.get(ns);
    if (last != null && last.holdsAi() != holdsAi) cached.put(ns, new Cached(last.counters(), last.table(), last.age(), holdsAi));
  }

  /** A namespace's rows, the pid they were read through and its listening ports (rows to those are inbound). */
  private record Table(int pid, List<TcpRow> rows, Set<Integer> listening) {}

  /** A namespace's last table, the TCP counters last compared with, and whether it holds an AI connection. */
  private record Cached(String counters, Table table, int age, boolean holdsAi) {}

  /**
   * The namespace's table, re-read only when its TCP counters say it may have changed in a way that matters,
   * or it is {@link #MAX_REUSE} samples (5 s) old, a safety net. Reading /proc/net/tcp walks the kernel's
   * whole established-socket hash (a quarter million buckets on a 24 GiB node: about 1.3 ms per file, per
   * namespace), while net/snmp is a few counters. ActiveOpens grows with every connect() and AttemptFails
   * with every failed one, so a new outgoing connection always triggers a fresh read at the next sample.
   * Closes (CurrEstab, EstabResets) and inbound connections (PassiveOpens) matter only while the table holds
   * an AI connection, whose end they may be: a busy server's namespace is not re-read for its own clients.
   * The counters are per namespace and every move into or out of ESTABLISHED changes one of them.
   */
  private Optional<Table> readTable(String ns, List<Integer> pids) {
    for (int pid : pids) {
      String counters;
      try {
        counters = tcpCounters(proc.read(pid, "net/snmp"));
      } catch (IOException e) {
        counters = "";
      }
      Cached c = cached.get(ns);
      if (c != null && !counters.isEmpty() && unchanged(c.counters(), counters, c.holdsAi()) && c.age() < MAX_REUSE) {
        cached.put(ns, new Cached(counters, c.table(), c.age() + 1, c.holdsAi()));
        return Optional.of(c.table());
      }
      Optional<Table> t = readFresh(pid);
      if (t.isPresent()) {
        cached.put(ns, new Cached(counters, t.get(), 0, true)); // until attribution says otherwise
        return t;
      }
    }
    return Optional.empty();
  }

  /** Whether a table read at counters {@code before} still stands at {@code now} (see {@link #readTable}). */
  static boolean unchanged(String before, String now, boolean holdsAi) {
    if (before.equals(now)) return true;
    if (holdsAi) return false;
    String[] b = before.split(" "), n = now.split(" ");
    return b.length == 5 && n.length == 5 && b[0].equals(n[0]) && b[2].equals(n[2]);
  }

  /** ActiveOpens, PassiveOpens, AttemptFails, EstabResets and CurrEstab from the "Tcp:" value line of net/snmp. */
  static String tcpCounters(String snmp) {
    String[] lines = snmp.split("\n");
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i].startsWith("Tcp:") && lines[i + 1].startsWith("Tcp:")) {
        String[] v = lines[i + 1].split(" ");
        return v.length > 9 ? v[5] + ' ' + v[6] + ' ' + v[7] + ' ' + v[8] + ' ' + v[9] : "";
      }
    }
    return "";
  }

  private Optional<Table> readFresh(int pid) {
    try {
      List<TcpRow> rows = new ArrayList<>(TcpTable.parse(proc.read(pid, "net/tcp")));
      try {
        rows.addAll(TcpTable.parse(proc.read(pid, "net/tcp6")));
      } catch (java.nio.file.NoSuchFileException e) {
        // IPv6 disabled on this node
      }
      Set<Integer> listening = new HashSet<>();
      for (TcpRow r : rows) if (r.state() == TcpRow.LISTEN) listening.add(r.localPort());
      return Optional.of(new Table(pid, rows, listening));
    } catch (IOException e) {
      netns.forget(pid); // gone between listing and reading; the caller tries the next pid of the namespace
      return Optional.empty();
    }
  }


  /**
   * By the address (the /proc sampler sees no names; the eBPF probe hands its own to {@link Attributor}), memoised per
   * namespace, whose hosts files apply.
   */
  private Attribution attribute(String ns, InetAddress ip, int port, List<HostsFile> views) {
    String key = ns + ' ' + ip.getHostAddress() + ' ' + port;
    return memo.computeIfAbsent(key, k -> attributor.attribute(ip, port, views, AskedNames.NONE));
  }
}

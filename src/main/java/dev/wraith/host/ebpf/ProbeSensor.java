package dev.wraith.host.ebpf;

import dev.wraith.attribution.Attributor;
import dev.wraith.host.LiveProcesses;
import dev.wraith.host.ProcFs;
import dev.wraith.model.Attributed;
import dev.wraith.model.Attribution;
import dev.wraith.model.HostScan;
import dev.wraith.model.InClusterConnection;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Observation;
import dev.wraith.redact.Redactor;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The host layer on the eBPF probe: every connect is seen as it happens, so no connection is too short, and its
 * process is named from the exec the probe saw. Each connection is attributed by what its process asked for (SNI,
 * CONNECT, HTTP Host, the DNS answers of the process, its network namespace or its pod) before its address
 * ({@link ProbeAttribution}), and reported as the /proc sampler reports ({@link HostScan}): AI connections as
 * observations with their evidence, unattributed ones to in-cluster addresses for the cluster's address map. The
 * window's DNS answers travel alongside in the {@link ProbeWindow}, for the sensor's {@code dns-answer} lines.
 * Keeps the probe, its caches and the DNS answer index across windows; {@link #close()} stops the probe.
 */
public final class ProbeSensor implements AutoCloseable {
  /** How long a connection may go without its first write before it is reported without one. */
  public static final Duration SETTLE = Duration.ofMillis(500);
  private static final Duration POLL = Duration.ofMillis(100);
  /** The most probed connections a window keeps (with their names) for the caller; the rest are counted. */
  public static final int MAX_KEPT = 20_000;
  /** The most (process, in-cluster address) pairs a window reports; the rest are counted. */
  static final int MAX_IN_CLUSTER = 10_000;

  private final KernelProbe probe;
  private final ProcFs proc;
  private final LiveProcesses live;
  private final ProbeAttribution attribution;
  private final ConnectionAggregator aggregator;
  private final Clock clock;
  private final Supplier<List<String>> notes;

  /**
   * A sensor over one kernel probe.
   *
   * @param node the node name for DNS answers
   * @param redactor applied to the argument lists read from /proc (the probe's decoder redacts those of exec events)
   * @param notes lines for every window's status (the DNS cache's summary)
   */
  public ProbeSensor(KernelProbe probe, ProcFs proc, Path procRoot, Attributor attributor, String node, Redactor redactor,
      Clock clock, Supplier<List<String>> notes) {
    this.probe = probe;
    this.proc = proc;
    this.live = new LiveProcesses(proc, redactor);
    this.attribution = new ProbeAttribution(attributor, live::hostsFiles);
    this.aggregator = new ConnectionAggregator(new ProcessDirectory(live::brief, new CgroupIds(CgroupIds.v2Root(procRoot))),
        node, SETTLE, selfPid(procRoot));
    this.clock = clock;
    this.notes = notes;
  }

  /**
   * Collects for {@code window}, then waits up to {@link #SETTLE} for the first writes of the window's last
   * connections. A probe that stops makes the window FAILED with its reason; what it saw until then is kept.
   */
  public ProbeWindow observe(Duration window) throws InterruptedException {
    Fold fold = new Fold();
    Instant start = clock.instant();
    long deadline = System.nanoTime() + window.toNanos();
    Optional<String> stopped = Optional.empty();
    for (long left = window.toNanos(); left > 0 && stopped.isEmpty(); left = deadline - System.nanoTime()) {
      pump(fold, Math.min(left, POLL.toNanos()));
      stopped = probe.stopped();
    }
    Instant end = clock.instant();
    long graceEnd = System.nanoTime() + SETTLE.toNanos();
    while (stopped.isEmpty() && aggregator.waitingSince(end) && System.nanoTime() < graceEnd) {
      pump(fold, POLL.toNanos() / 2);
      stopped = probe.stopped();
    }
    aggregator.completeBefore(end).forEach(fold::add);
    live.retain();
    WindowAnswers.Taken answers = aggregator.answers();
    aggregator.expire(clock.instant());
    return new ProbeWindow(fold.scan(start, end, stopped, answers), fold.connections, answers.answers());
  }

  /**
   * This process's pid as the probe reports pids: {@code PROC_ROOT/self} names the reader in that proc filesystem's PID
   * namespace (the node's, for a DaemonSet's /host/proc), which may not be the JVM's own.
   */
  static int selfPid(Path procRoot) {
    try {
      return Integer.parseInt(java.nio.file.Files.readSymbolicLink(procRoot.resolve("self")).toString());
    } catch (java.io.IOException | NumberFormatException | UnsupportedOperationException e) {
      return (int) ProcessHandle.current().pid();
    }
  }

  /** Why the probe stopped, once it has (every later window would fail at once). */
  public Optional<String> stopped() {
    return probe.stopped();
  }

  @Override
  public void close() {
    probe.close();
  }

  /**
   * Takes what arrived, then rests until {@code periodNanos} after the start: events are handled in batches at a
   * steady pace (the loader delivers them every 50 ms), not one wake-up each.
   */
  private void pump(Fold fold, long periodNanos) throws InterruptedException {
    long start = System.nanoTime();
    List<KernelEvent> events = probe.poll(Duration.ZERO);
    fold.events += events.size();
    for (KernelEvent e : events) aggregator.accept(e);
    aggregator.complete(clock.instant()).forEach(fold::add);
    long rest = periodNanos - (System.nanoTime() - start);
    if (rest > 0 && probe.stopped().isEmpty()) Thread.sleep(rest / 1_000_000, (int) (rest % 1_000_000));
  }

  private record Proc(int pid, long startTicks) {}

  /** An AI observation's key: one per process, destination and named host (a CDN address may serve two). */
  private record Named(Proc process, Endpoint destination, String provider, String host) {}

  private record Pair(Proc process, Endpoint destination) {}

  /** One window's connections folded into observations per (process, destination), as the sampler's aggregator does. */
  private final class Fold {
    final List<ProbedConnection> connections = new ArrayList<>();
    final Map<Proc, LiveProcesses.Owner> owners = new HashMap<>();
    final Map<Named, Acc> observed = new LinkedHashMap<>();
    final Map<Pair, Acc> inCluster = new LinkedHashMap<>();
    final Set<Proc> pids = new HashSet<>();
    final Set<String> namespaces = new HashSet<>();
    long events, unkept, inClusterDropped;

    void add(ProbedConnection c) {
      if (connections.size() < MAX_KEPT) connections.add(c);
      else unkept++;
      ProbedProcess p = c.process();
      Proc proc = new Proc(p.pid(), p.startTicks());
      pids.add(proc);
      namespaces.add(p.netns());
      Attribution a = attribution.attribute(c);
      if (a instanceof Attributed x) {
        Acc acc = observed.computeIfAbsent(new Named(proc, c.destination(), x.providerId(), x.host()),
            k -> new Acc(owner(proc, p), c, x));
        if (x.method().compareTo(acc.attribution.method()) < 0) acc.attribution = x; // methods are declared most trusted first
        acc.seen(c);
      } else if (a instanceof Attribution.Unattributed && clusterMayName(c.destination())) {
        Acc acc = inCluster.get(new Pair(proc, c.destination()));
        if (acc == null && inCluster.size() >= MAX_IN_CLUSTER) {
          inClusterDropped++;
          return;
        }
        if (acc == null) {
          acc = new Acc(owner(proc, p), c, null);
          inCluster.put(new Pair(proc, c.destination()), acc);
        }
        acc.seen(c);
      }
    }

    private LiveProcesses.Owner owner(Proc key, ProbedProcess p) {
      return owners.computeIfAbsent(key, k -> live.owner(p.pid(), p.startTicks()).orElseGet(() -> live.exited(
          new dev.wraith.model.ProcessInfo(p.pid(), p.startTicks(), p.ppid(), p.uid(), List.of(), p.exe(), p.argv(), "",
              List.of(), p.container(), p.netns()))));
    }

    HostScan scan(Instant start, Instant end, Optional<String> stopped, WindowAnswers.Taken answers) {
      List<Observation> out = new ArrayList<>();
      for (Acc a : observed.values()) out.add(a.observation());
      List<InClusterConnection> local = new ArrayList<>();
      for (Acc a : inCluster.values()) local.add(a.inCluster());
      List<String> warnings = new ArrayList<>();
      Map<String, Long> lost = aggregator.lost();
      lost.forEach((what, n) -> warnings.add(n + " " + what + "; those events are missing from this window"));
      if (unkept > 0) {
        warnings.add(unkept + " connections beyond the first " + MAX_KEPT + " of this window were attributed and reported "
            + "but not kept with their names for the caller");
      }
      if (inClusterDropped > 0) {
        warnings.add(inClusterDropped + " connections to in-cluster addresses not kept: more than " + MAX_IN_CLUSTER
            + " (process, address) pairs in this window");
      }
      if (answers.leftOut() > 0) {
        warnings.add(answers.leftOut() + " DNS answers used for attribution but not written: more than "
            + WindowAnswers.MAX_KEPT + " distinct answers in this window");
      }
      warnings.addAll(aggregator.indexWarnings());
      for (ProbeGap g : probe.gaps(start, end)) warnings.add(gap(g));
      // the problems above decide the state and its reason; the counts and notes below are said beside them
      LayerStatus ran = LayerStatus.ran(dev.wraith.host.Sensor.LAYER, List.copyOf(warnings));
      var counts = aggregator.takeCounts();
      List<String> said = new ArrayList<>();
      said.add("eBPF probe: " + counts.connects + " connects, " + counts.firstWrites + " first writes, "
          + counts.dnsAnswers + " DNS responses (" + answers.received() + " with addresses), " + counts.execs
          + " execs in this window (every connect seen as it happens" + (counts.own == 0 ? ")" : "; " + counts.own
          + " of the sensor's own connects and DNS answers left out)"));
      said.add(attribution.takeSummary());
      said.addAll(notes.get());
      LayerStatus status = (stopped.isPresent()
          ? new LayerStatus(dev.wraith.host.Sensor.LAYER, LayerStatus.State.FAILED, "eBPF probe stopped: " + stopped.get(), warnings)
          : ran).withNotes(said);
      long lostTotal = lost.values().stream().mapToLong(Long::longValue).sum();
      var probed = new HostScan.Probe(events, counts.connects, counts.dnsAnswers, lostTotal);
      return new HostScan(proc.describe(), start, end, out, List.of(), local, status,
          new HostScan.Stats(0, 0, 0, pids.size(), namespaces.size(), Optional.of(probed)));
    }
  }

  /** A gap as a window's problem: when events may be missing, and why. */
  static String gap(ProbeGap g) {
    String from = g.from().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    String restart = "restart " + g.restart() + " of " + g.of();
    return g.to().map(to -> "eBPF probe: events may be missing between " + from + " and "
            + to.plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ", while it was restarted (" + restart
            + ") after it stopped: " + g.reason())
        .orElse("eBPF probe: events may be missing from " + from + " to the end of this window, while it was being "
            + "restarted (" + restart + ", not done) after it stopped: " + g.reason());
  }

  private static boolean clusterMayName(Endpoint e) {
    try {
      return Attributor.clusterMayName(InetAddress.getByName(e.ip())); // a literal: parsed, never looked up
    } catch (UnknownHostException x) {
      return false;
    }
  }

  /**
   * One (process, destination) pair's connections in a window; for AI ones the most trusted evidence seen (null for
   * in-cluster ones, which nothing attributed).
   */
  private static final class Acc {
    final LiveProcesses.Owner owner;
    final Endpoint destination;
    Attributed attribution;
    Instant first, last;
    int count;

    Acc(LiveProcesses.Owner owner, ProbedConnection c, Attributed attribution) {
      this.owner = owner;
      this.destination = c.destination();
      this.attribution = attribution;
      this.first = c.time();
      this.last = c.time();
    }

    /** Connections complete out of connect order (at their first write, or later without one): first is the earliest. */
    void seen(ProbedConnection c) {
      count++;
      if (c.time().isBefore(first)) first = c.time();
      if (c.time().isAfter(last)) last = c.time();
    }

    Observation observation() {
      return new Observation(owner.info(), owner.origin(), owner.script(), destination.ip(), destination.port(), attribution, first,
          last, count, count);
    }

    InClusterConnection inCluster() {
      return new InClusterConnection(owner.info(), owner.origin(), owner.script(), destination.ip(), destination.port(), first,
          last, count, count);
    }
  }
}

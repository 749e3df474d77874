package dev.wraith.host.ebpf;

import dev.wraith.attribution.Attributor;
import dev.wraith.host.LiveProcesses;
import dev.wraith.host.ProcFs;
import dev.wraith.model.Attributed;
import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Observation;
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
 * process is named from the exec the probe saw. Each window's connections are attributed by destination address
 * with the same {@link Attributor} as the /proc sampler, and reported the same way ({@link HostScan}); the names
 * the probe captured (SNI, CONNECT, HTTP Host, DNS answers) travel alongside in the {@link ProbeWindow}.
 * Keeps the probe and its caches across windows; {@link #close()} stops the probe.
 */
public final class ProbeSensor implements AutoCloseable {
  /** How long a connection may go without its first write before it is reported without one. */
  public static final Duration SETTLE = Duration.ofMillis(500);
  private static final Duration POLL = Duration.ofMillis(100);
  /** The most probed connections a window keeps (with their names) for the caller; the rest are counted. */
  public static final int MAX_KEPT = 20_000;

  private final KernelProbe probe;
  private final ProcFs proc;
  private final LiveProcesses live;
  private final Attributor attributor;
  private final ConnectionAggregator aggregator;
  private final Clock clock;
  private final Supplier<List<String>> notes;

  /**
   * A sensor over one kernel probe.
   *
   * @param node the node name for DNS answers
   * @param notes lines for every window's status (the DNS cache's summary)
   */
  public ProbeSensor(KernelProbe probe, ProcFs proc, Path procRoot, Attributor attributor, String node, Clock clock,
      Supplier<List<String>> notes) {
    this.probe = probe;
    this.proc = proc;
    this.live = new LiveProcesses(proc);
    this.attributor = attributor;
    this.aggregator = new ConnectionAggregator(new ProcessDirectory(live::brief, new CgroupIds(CgroupIds.v2Root(procRoot))),
        node, SETTLE);
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
    return new ProbeWindow(fold.scan(start, end, stopped), fold.connections, aggregator.answers());
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

  /** One window's connections folded into observations per (process, destination), as the sampler's aggregator does. */
  private record Proc(int pid, long startTicks) {}

  private record Dest(String netns, Endpoint destination) {}

  private record Pair(Proc process, Endpoint destination) {}

  private final class Fold {
    final List<ProbedConnection> connections = new ArrayList<>();
    final Map<Dest, Optional<Attributed>> memo = new HashMap<>();
    final Map<Proc, LiveProcesses.Owner> owners = new HashMap<>();
    final Map<Pair, Acc> observed = new LinkedHashMap<>();
    final Set<Proc> pids = new HashSet<>();
    final Set<String> namespaces = new HashSet<>();
    long events, unkept;

    void add(ProbedConnection c) {
      if (connections.size() < MAX_KEPT) connections.add(c);
      else unkept++;
      ProbedProcess p = c.process();
      Proc proc = new Proc(p.pid(), p.startTicks());
      pids.add(proc);
      namespaces.add(p.netns());
      Optional<Attributed> a = memo.computeIfAbsent(new Dest(p.netns(), c.destination()), k -> attribute(c));
      if (a.isEmpty()) return;
      LiveProcesses.Owner o = owners.computeIfAbsent(proc, k -> owner(p));
      observed.computeIfAbsent(new Pair(proc, c.destination()), k -> new Acc(o, c, a.get())).seen(c);
    }

    private Optional<Attributed> attribute(ProbedConnection c) {
      try {
        InetAddress ip = InetAddress.getByName(c.destination().ip()); // a literal: parsed, never looked up
        return attributor.attribute(ip, c.destination().port(), live.hostsFiles(c.process().netns(), c.process().pid()));
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }

    private LiveProcesses.Owner owner(ProbedProcess p) {
      return live.owner(p.pid(), p.startTicks()).orElseGet(() -> live.exited(new dev.wraith.model.ProcessInfo(p.pid(),
          p.startTicks(), p.ppid(), p.uid(), List.of(), p.exe(), p.argv(), "", List.of(), p.container(), p.netns())));
    }

    HostScan scan(Instant start, Instant end, Optional<String> stopped) {
      List<Observation> out = new ArrayList<>();
      for (Acc a : observed.values()) out.add(a.observation());
      List<String> warnings = new ArrayList<>();
      aggregator.lost().forEach((what, n) -> warnings.add(n + " " + what + "; those events are missing from this window"));
      if (unkept > 0) {
        warnings.add(unkept + " connections beyond the first " + MAX_KEPT + " of this window were reported (by address) "
            + "but their names were not kept");
      }
      LayerStatus.State state = warnings.isEmpty() ? LayerStatus.State.RAN : LayerStatus.State.PARTIAL;
      var counts = aggregator.takeCounts();
      warnings.add("eBPF probe: " + counts.connects + " connects, " + counts.firstWrites + " first writes, "
          + counts.dnsAnswers + " DNS answers, " + counts.execs + " execs in this window (every connect seen as it happens)");
      warnings.addAll(notes.get());
      LayerStatus status = stopped.isPresent()
          ? new LayerStatus(dev.wraith.host.Sensor.LAYER, LayerStatus.State.FAILED, "eBPF probe stopped: " + stopped.get(), warnings)
          : new LayerStatus(dev.wraith.host.Sensor.LAYER, state, "", warnings);
      return new HostScan(proc.describe(), start, end, out, List.of(), status,
          new HostScan.Stats((int) Math.min(events, Integer.MAX_VALUE), 0, 0, pids.size(), namespaces.size()));
    }
  }

  /** One (process, destination) pair's connections in a window. */
  private static final class Acc {
    final LiveProcesses.Owner owner;
    final ProbedConnection first;
    final Attributed attribution;
    Instant last;
    int count;

    Acc(LiveProcesses.Owner owner, ProbedConnection first, Attributed attribution) {
      this.owner = owner;
      this.first = first;
      this.attribution = attribution;
      this.last = first.time();
    }

    Acc seen(ProbedConnection c) {
      count++;
      if (c.time().isAfter(last)) last = c.time();
      return this;
    }

    Observation observation() {
      return new Observation(owner.info(), owner.origin(), owner.script(), first.destination().ip(), first.destination().port(),
          attribution, first.time(), last, count, count);
    }
  }
}

package dev.wraith.tetragon;

import dev.wraith.attribution.Attributor;
import dev.wraith.host.EntryScripts;
import dev.wraith.model.Attributed;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.EntryScript;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a source once and aggregates its connect events into one observation per (process, AI destination).
 * Connections are folded in as they arrive and attributed on first sight of their destination, so memory grows
 * with distinct AI pairs and live processes, not with events; the order of events does not matter, because the
 * process tree is consulted only at the end, when every exec has been seen.
 *
 * <p>Memory is bounded: the process tree forgets processes that made no AI connection beyond {@link
 * #MAX_PROCESSES}; repeated connect events are recognised up to {@link #DEDUP_BUDGET} distinct ones and counted
 * without that check beyond; other destinations are remembered as hashes up to {@link #MAX_UNATTRIBUTED}
 * pairs. Each limit reached is a warning.
 */
public final class TetragonCollector {
  static final String LAYER = "tetragon";
  static final int MAX_PROCESSES = 100_000;
  static final long DEDUP_BUDGET = 2_000_000;
  static final int MAX_UNATTRIBUTED = 1_000_000;
  private static final int MAX_DESTINATIONS = 100_000;
  /** Beyond this many, data gaps are only counted. */
  private static final int MAX_GAP_WARNINGS = 20;

  private final Attributor attributor;

  public TetragonCollector(Attributor attributor) {
    this.attributor = attributor;
  }

  /**
   * What makes a pair: exec_id is unique per node over time, the node keeps streams of several nodes apart.
   * Written out rather than a record: it is built and compared once per event, and the readers hand out the
   * same String instances again and again, which the identity checks exploit.
   */
  private static final class PairKey {
    final String node, execId, ip;
    final int port;
    final int hash;

    PairKey(String node, String execId, String ip, int port) {
      this.node = node;
      this.execId = execId;
      this.ip = ip;
      this.port = port;
      this.hash = ((node.hashCode() * 31 + execId.hashCode()) * 31 + ip.hashCode()) * 31 + port;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof PairKey k && k.hash == hash && k.port == port && same(k.execId, execId) && same(k.ip, ip)
          && same(k.node, node);
    }
  }

  private static final class Destination {
    final String ip;
    final int port;

    Destination(String ip, int port) {
      this.ip = ip;
      this.port = port;
    }

    @Override
    public int hashCode() {
      return ip.hashCode() * 31 + port;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Destination d && d.port == port && same(d.ip, ip);
    }
  }

  private static boolean same(String a, String b) {
    return a.equals(b); // String.equals answers an identical reference at once
  }

  /** One (process, AI destination) pair being folded. */
  private static final class Pair {
    Proc process;
    Optional<Proc> parent;
    final String node;
    final String ip;
    final int port;
    final Attributed attribution;
    Instant first = Instant.MAX;
    Instant last = Instant.MIN;
    final LongSet seen = new LongSet();
    int connections;

    Pair(String node, String ip, int port, Attributed attribution) {
      this.node = node;
      this.ip = ip;
      this.port = port;
      this.attribution = attribution;
    }
  }

  /** Mutable state of one collect call. */
  private final class Fold {
    final ProcessTree tree = new ProcessTree(MAX_PROCESSES);
    final Map<PairKey, Pair> pairs = new HashMap<>();
    final Map<Destination, Optional<Attributed>> destinations = new HashMap<>();
    final LongSet unattributed = new LongSet();
    final List<Event.Gap> gaps = new ArrayList<>();
    long gapCount;
    long duplicates;
    long connects;
    long dedupUsed;
    boolean unattributedFull;
    boolean sawInitTree;
    boolean sawPod;
    Instant start = Instant.MAX;
    Instant end = Instant.MIN;

    void accept(Event e) {
      if (!e.time().equals(Instant.EPOCH)) {
        if (e.time().isBefore(start)) start = e.time();
        if (e.time().isAfter(end)) end = e.time();
      }
      if (e instanceof Event.Exec x) {
        x.parent().ifPresent(this::proc);
        proc(x.process());
      } else if (e instanceof Event.Exit x) {
        proc(x.process());
        tree.exited(x.process());
      } else if (e instanceof Event.Connect c) {
        connect(c);
      } else if (e instanceof Event.Gap g) {
        if (gapCount++ < MAX_GAP_WARNINGS) gaps.add(g);
      }
    }

    private void proc(Proc p) {
      tree.add(p);
      sawPod |= p.pod().isPresent();
      sawInitTree |= p.inInitTree();
    }

    /**
     * Connections to destinations no method attributes (most of a busy node's HTTPS) are only counted; the
     * process tree learns from a connect event only when it opens a pair or brings a new description of its
     * process, which keeps the common case (another connection of a known pair) to three lookups.
     */
    private void connect(Event.Connect c) {
      connects++;
      Optional<Attributed> a = attribution(c.daddr(), c.dport());
      if (a.isEmpty()) {
        if (unattributed.size() < MAX_UNATTRIBUTED) unattributed.add(hash(c));
        else unattributedFull = true;
        return;
      }
      PairKey key = new PairKey(c.node(), c.process().execId(), c.daddr(), c.dport());
      Pair p = pairs.get(key);
      if (p == null) {
        p = new Pair(c.node(), c.daddr(), c.dport(), a.get());
        pairs.put(key, p);
      }
      if (dedupUsed < DEDUP_BUDGET) {
        Instant t = c.time();
        long id = t.getEpochSecond() * 1_000_000_000L + t.getNano() + 31L * c.function().hashCode();
        if (!p.seen.add(id)) {
          duplicates++;
          connects--;
          return;
        }
        dedupUsed++;
      }
      // identity on purpose: the same reference again needs no work and is one compare on the hot path; an equal
      // copy only costs a merge that changes nothing, where comparing every field would cost each connect
      @SuppressWarnings("ReferenceEquality")
      boolean newDescription = p.process != c.process();
      @SuppressWarnings("ReferenceEquality")
      boolean newParent = c.parent().isPresent() && (p.parent == null || p.parent.orElse(null) != c.parent().get());
      if (newDescription) {
        proc(c.process());
        tree.keep(c.process());
        p.process = Proc.richer(p.process, c.process());
      }
      if (newParent) {
        proc(c.parent().get());
        p.parent = c.parent();
      } else if (p.parent == null) {
        p.parent = Optional.empty();
      }
      p.connections++;
      if (c.time().isBefore(p.first)) p.first = c.time();
      if (c.time().isAfter(p.last)) p.last = c.time();
    }

    private Optional<Attributed> attribution(String ip, int port) {
      Destination d = new Destination(ip, port);
      Optional<Attributed> a = destinations.get(d);
      if (a == null) {
        a = attribute(ip, port);
        if (destinations.size() >= MAX_DESTINATIONS) destinations.clear();
        destinations.put(d, a);
      }
      return a;
    }

    private static long hash(Event.Connect c) {
      long h = c.node().hashCode();
      h = h * 0x9E3779B97F4A7C15L + c.process().execId().hashCode();
      h = h * 0x9E3779B97F4A7C15L + c.daddr().hashCode();
      return h * 0x9E3779B97F4A7C15L + c.dport();
    }
  }

  /**
   * Reads the source on a thread of its own and folds what it reads on the calling thread, so reading
   * (parsing JSON, or converting gRPC messages) and folding use a core each. Events reach the fold in the
   * order the source read them, so the result is the same as a single thread's.
   */
  public TetragonScan collect(EventSource source) {
    ReadTally tally = new ReadTally();
    Fold fold = new Fold();
    Exception failure;
    try {
      failure = Handoff.run(source, tally, fold::accept);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = e;
    }
    if (failure != null) {
      String why = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
      return scan(source, fold, tally, List.of(), LayerStatus.failed(LAYER, "reading " + source.describe() + ": " + why));
    }
    List<TetragonObservation> out = new ArrayList<>();
    for (Pair p : fold.pairs.values()) out.add(observation(fold.tree, p));
    return scan(source, fold, tally, out, LayerStatus.ran(LAYER, warnings(source, fold, tally)));
  }

  private Optional<Attributed> attribute(String ip, int port) {
    try {
      // literal IPs only: Tetragon renders addresses as text, never names, so this does no DNS lookup
      if (!ip.matches("[0-9a-fA-F:.]+")) return Optional.empty();
      return attributor.attribute(InetAddress.getByName(ip), port, List.of());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static TetragonObservation observation(ProcessTree tree, Pair p) {
    Proc proc = tree.get(p.process.execId()).orElse(p.process);
    int ppid = tree.get(proc.parentExecId()).or(() -> p.parent).map(Proc::pid).orElse(0);
    Optional<ContainerRef> container = proc.pod().map(x -> new ContainerRef(x.uid(), x.containerId(), x.runtime(), "", ""));
    List<Integer> nsPids = proc.pod().filter(x -> x.containerPid() > 0).map(x -> List.of(proc.pid(), x.containerPid()))
        .orElse(List.of(proc.pid()));
    ProcessInfo info = new ProcessInfo(proc.pid(), 0, ppid, proc.uid(), nsPids, proc.binary(), proc.argv(), proc.cwd(),
        List.of(), container, "");
    // the file is on another node, if anywhere: the path is reported, never hashed
    Optional<EntryScript> script = EntryScripts.scriptPath(proc.argv(), proc.cwd().isEmpty() ? "/" : proc.cwd())
        .map(s -> new EntryScript(s, "", ""));
    var origin = ProcessTree.origin(proc);
    String launcher = origin == dev.wraith.model.ProcessOrigin.EXEC ? tree.launcher(proc) : "";
    int n = p.connections;
    Observation o = new Observation(info, origin, script, p.ip, p.port, p.attribution, p.first, p.last, n, n);
    return new TetragonObservation(p.node, proc.execId(), proc.pod(), proc.pod().map(PodRef::maybeExecProbe).orElse(false),
        launcher, o);
  }

  private static List<String> warnings(EventSource source, Fold fold, ReadTally tally) {
    List<String> w = new ArrayList<>(tally.warnings());
    for (Event.Gap g : fold.gaps) {
      w.add("data gap" + (g.node().isEmpty() ? "" : " on " + g.node()) + " at " + g.time() + ": " + g.what()
          + "; connections around then may be missing");
    }
    if (fold.gapCount > MAX_GAP_WARNINGS) w.add((fold.gapCount - MAX_GAP_WARNINGS) + " more data gaps");
    if (tally.stats().events() == 0) {
      w.add(source instanceof GrpcEventSource ? "no Tetragon events received in this window"
          : "no Tetragon events read: is the JSON export enabled?");
    }
    else if (fold.connects == 0) w.add("no connect events: is deploy/tetragon/tracingpolicy.yaml applied?");
    if (fold.sawPod && !fold.sawInitTree) {
      w.add("no process carried in_init_tree=true: Tetragon may predate the field, so pod processes may be marked exec'd wrongly");
    }
    if (fold.tree.forgotten() > 0) {
      w.add(fold.tree.forgotten() + " processes without AI connections were forgotten to bound memory (over "
          + MAX_PROCESSES + "); an exec'd process's launcher may be unknown");
    }
    if (fold.dedupUsed >= DEDUP_BUDGET) {
      w.add("more than " + DEDUP_BUDGET + " AI connect events: later ones are counted without checking for lines read twice");
    }
    if (fold.unattributedFull) w.add("more than " + MAX_UNATTRIBUTED + " unattributed pairs: the count stops there");
    return w;
  }

  private static TetragonScan scan(EventSource source, Fold fold, ReadTally tally, List<TetragonObservation> out,
      LayerStatus status) {
    var t = tally.stats();
    Instant start = fold.start.equals(Instant.MAX) ? Instant.EPOCH : fold.start;
    Instant end = fold.end.equals(Instant.MIN) ? Instant.EPOCH : fold.end;
    return new TetragonScan(source.describe(), start, end, out, status, new TetragonScan.Stats(t.lines(), t.events(),
        t.malformed(), t.ignored(), fold.duplicates, fold.connects, fold.tree.size(), fold.unattributed.size(),
        (int) Math.min(fold.gapCount, Integer.MAX_VALUE)));
  }
}

package dev.wraith.tetragon;

import dev.wraith.attribution.Attributor;
import dev.wraith.attribution.DnsAnswers;
import dev.wraith.files.FileProblem;
import dev.wraith.cmdline.EntryScripts;
import dev.wraith.model.Attributed;
import dev.wraith.model.Attribution;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.EntryScript;
import dev.wraith.model.InClusterConnection;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Observation;
import dev.wraith.model.PodRef;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.TetragonScan;
import dev.wraith.model.TetragonSeen;
import dev.wraith.model.UnattributedDestinations;
import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a source once and aggregates its connect events into one observation per (process, AI destination).
 * Connections are folded in as they arrive and each is judged at its own time ({@link Destinations}: recorded DNS
 * answers of its process first, then the address), so memory grows with distinct pairs and live processes, not with
 * events; the order of events does not matter, because the process tree is consulted only at the end, when every exec
 * has been seen. Connections to in-cluster addresses nothing attributed are kept per (process, address) too, for the
 * correlation to resolve through the cluster layer; the other destinations that are not AI are tallied and the busiest
 * listed, so a replay without pins or DNS answers says what it could not name.
 *
 * <p>Memory is bounded: the process tree forgets processes that made no AI connection beyond {@link
 * #MAX_PROCESSES}; repeated connect events are recognised up to {@link #DEDUP_BUDGET} distinct ones and counted
 * without that check beyond; other (process, destination) pairs are remembered as hashes up to {@link
 * #MAX_UNATTRIBUTED}; in-cluster pairs up to {@link #MAX_IN_CLUSTER}. Each limit reached is a warning.
 */
public final class TetragonCollector {
  static final String LAYER = "tetragon";
  static final int MAX_PROCESSES = 100_000;
  static final long DEDUP_BUDGET = 2_000_000;
  static final int MAX_UNATTRIBUTED = 1_000_000;
  static final int MAX_IN_CLUSTER = 20_000;
  /** Beyond this many, data gaps are only counted. */
  private static final int MAX_GAP_WARNINGS = 20;

  private final Attributor attributor;
  private final DnsAnswers dns;
  private final Redactor redactor;

  /**
   * Attribution by address only (no recorded DNS answers).
   *
   * @param redactor applied to each process's arguments when it becomes an observation or an in-cluster connection
   */
  public TetragonCollector(Attributor attributor, Redactor redactor) {
    this(attributor, new DnsAnswers(1), redactor);
  }

  /** @param dns recorded DNS answers ({@code --dns-log}): the names each process resolved decide first */
  public TetragonCollector(Attributor attributor, DnsAnswers dns, Redactor redactor) {
    this.attributor = attributor;
    this.dns = dns;
    this.redactor = redactor;
  }

  /** Mutable state of one collect call. */
  private final class Fold {
    final ProcessTree tree = new ProcessTree(MAX_PROCESSES);
    final Map<Pair.Key, Pair> pairs = new HashMap<>();
    final Map<Pair.Key, Pair> inCluster = new HashMap<>();
    final Destinations destinations = new Destinations(attributor, dns);
    final LongSet unattributed = new LongSet();
    final List<Event.Gap> gaps = new ArrayList<>();
    long gapCount;
    long duplicates;
    long connects;
    long dedupUsed;
    long inClusterDropped;
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
     * A connection that is not AI is tallied (most of a busy node's HTTPS) and, when the cluster may still name its
     * in-cluster address, folded into an in-cluster pair; an AI one into its pair. The process tree learns from a
     * connect event only when it opens a pair or brings a new description of its process, which keeps the common
     * case (another connection of a known pair) to a few lookups.
     */
    private void connect(Event.Connect c) {
      connects++;
      Attribution verdict = destinations.judge(c);
      Optional<Attributed> ai = verdict.ai();
      Map<Pair.Key, Pair> into = pairs;
      if (ai.isEmpty()) {
        boolean newPair = false;
        if (unattributed.size() < MAX_UNATTRIBUTED) newPair = unattributed.add(hash(c));
        else unattributedFull = true;
        destinations.tally(c, verdict, newPair);
        if (!(verdict instanceof Attribution.Unattributed) || !destinations.clusterMayName(c.daddr(), c.dport())) return;
        into = inCluster;
      }
      Pair.Key key = new Pair.Key(c.node(), c.process().execId(), c.daddr(), c.dport());
      Pair p = into.get(key);
      if (p == null) {
        if (into == inCluster && inCluster.size() >= MAX_IN_CLUSTER) {
          inClusterDropped++;
          return;
        }
        p = new Pair(c.node(), c.daddr(), c.dport());
        into.put(key, p);
      }
      ai.ifPresent(p::attribute);
      fold(p, c);
    }

    private void fold(Pair p, Event.Connect c) {
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
      return scan(source, fold, tally, LayerStatus.failed(LAYER, why(source, failure)));
    }
    List<String> warnings = TetragonNotes.warnings(source, fold.gaps, fold.gapCount, tally, fold.connects, fold.sawPod,
        fold.sawInitTree, fold.tree.forgotten());
    if (fold.dedupUsed >= DEDUP_BUDGET) {
      warnings.add("more than " + DEDUP_BUDGET + " AI connect events: later ones are counted without checking for lines read twice");
    }
    if (fold.unattributedFull) warnings.add("more than " + MAX_UNATTRIBUTED + " unattributed pairs: the count stops there");
    if (fold.destinations.full()) {
      warnings.add("more than " + Destinations.MAX_TALLIED + " destinations not attributed: the rest are only counted");
    }
    if (fold.inClusterDropped > 0) {
      warnings.add(fold.inClusterDropped + " connections to in-cluster addresses not kept: more than " + MAX_IN_CLUSTER
          + " (process, address) pairs; the cluster layer cannot name them");
    }
    UnattributedDestinations unattributed = fold.destinations.summary();
    LayerStatus status = new LayerStatus(LAYER, warnings.isEmpty() ? LayerStatus.State.RAN : LayerStatus.State.PARTIAL,
        TetragonNotes.unattributed(unattributed), warnings);
    return scan(source, fold, tally, status);
  }

  /** A read failure in words: a file problem says itself; a bug says so without its class name (--debug has it). */
  private static String why(EventSource source, Exception failure) {
    if (failure instanceof FileProblem p) return p.getMessage();
    if (failure instanceof IOException && failure.getMessage() != null) { // the gRPC source's own sentences
      return "reading " + source.describe() + ": " + failure.getMessage();
    }
    Throwable t = failure.getCause() instanceof Error e ? e : failure; // the reader thread hands Errors over wrapped
    return "reading " + source.describe() + ": " + dev.wraith.files.Failures.describe(t, "reading Tetragon events");
  }

  private TetragonScan scan(EventSource source, Fold fold, ReadTally tally, LayerStatus status) {
    boolean failed = status.state() == LayerStatus.State.FAILED;
    List<TetragonSeen<Observation>> out = new ArrayList<>();
    List<TetragonSeen<InClusterConnection>> inCluster = new ArrayList<>();
    if (!failed) {
      for (Pair p : fold.pairs.values()) out.add(observation(fold.tree, p));
      for (Pair p : fold.inCluster.values()) inCluster.add(inCluster(fold.tree, p));
    }
    var t = tally.stats();
    Instant start = fold.start.equals(Instant.MAX) ? Instant.EPOCH : fold.start;
    Instant end = fold.end.equals(Instant.MIN) ? Instant.EPOCH : fold.end;
    return new TetragonScan(source.describe(), start, end, out, inCluster,
        failed ? UnattributedDestinations.NONE : fold.destinations.summary(), status, new TetragonScan.Stats(t.lines(),
        t.events(), t.malformed(), t.ignored(), fold.duplicates, fold.connects, fold.tree.size(), fold.unattributed.size(),
        (int) Math.min(fold.gapCount, Integer.MAX_VALUE)));
  }

  private TetragonSeen<Observation> observation(ProcessTree tree, Pair p) {
    Described d = describe(tree, p);
    Observation o = new Observation(d.info(), d.origin(), d.script(), p.ip, p.port, p.attribution.orElseThrow(), p.first,
        p.last, p.connections, p.connections);
    return new TetragonSeen<>(p.node, d.proc().execId(), d.proc().pod(), d.probe(), d.launcher(), o);
  }

  private TetragonSeen<InClusterConnection> inCluster(ProcessTree tree, Pair p) {
    Described d = describe(tree, p);
    InClusterConnection c = new InClusterConnection(d.info(), d.origin(), d.script(), p.ip, p.port, p.first, p.last,
        p.connections, p.connections);
    return new TetragonSeen<>(p.node, d.proc().execId(), d.proc().pod(), d.probe(), d.launcher(), c);
  }

  /** A pair's process as the whole tree describes it. */
  private record Described(Proc proc, ProcessInfo info, ProcessOrigin origin, Optional<EntryScript> script, boolean probe,
      String launcher) {}

  private Described describe(ProcessTree tree, Pair p) {
    Proc proc = tree.get(p.process.execId()).orElse(p.process);
    int ppid = tree.get(proc.parentExecId()).or(() -> p.parent).map(Proc::pid).orElse(0);
    Optional<ContainerRef> container = proc.pod().map(x -> new ContainerRef(x.uid(), x.containerId(), x.runtime(), "", ""));
    List<Integer> nsPids = proc.pod().filter(x -> x.containerPid() > 0).map(x -> List.of(proc.pid(), x.containerPid()))
        .orElse(List.of(proc.pid()));
    ProcessInfo info = new ProcessInfo(proc.pid(), 0, ppid, proc.uid(), nsPids, proc.binary(), redactor.argv(proc.argv()), proc.cwd(),
        List.of(), container, "");
    // the file is on another node, if anywhere: the path is reported, never hashed
    Optional<EntryScript> script = EntryScripts.scriptPath(proc.argv(), proc.cwd())
        .map(s -> new EntryScript(s, "", ""));
    ProcessOrigin origin = ProcessTree.origin(proc);
    String launcher = origin == ProcessOrigin.EXEC ? tree.launcher(proc) : "";
    return new Described(proc, info, origin, script, proc.pod().map(PodRef::maybeExecProbe).orElse(false), launcher);
  }
}

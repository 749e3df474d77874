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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a source once and aggregates its connect events into one observation per (process, AI destination).
 * Connections are folded in as they arrive (memory grows with distinct pairs, not with events), so the order
 * of lines does not matter; the process tree is consulted only at the end, when every exec has been seen.
 */
public final class TetragonCollector {
  static final String LAYER = "tetragon";
  /** Beyond this many, data gaps are only counted. */
  private static final int MAX_GAP_WARNINGS = 20;

  private final Attributor attributor;

  public TetragonCollector(Attributor attributor) {
    this.attributor = attributor;
  }

  /** What makes a pair: exec_id is unique per node over time, the node keeps streams of several nodes apart. */
  private record PairKey(String node, String execId, String ip, int port) {}

  /** One (process, destination) pair being folded. */
  private static final class Pair {
    Proc process;
    Optional<Proc> parent;
    final String node;
    final String ip;
    final int port;
    Instant first = Instant.MAX;
    Instant last = Instant.MIN;
    final Set<Long> seen = new HashSet<>();

    Pair(String node, String ip, int port) {
      this.node = node;
      this.ip = ip;
      this.port = port;
    }
  }

  /** Mutable state of one collect call. */
  private static final class Fold {
    final ProcessTree tree = new ProcessTree();
    final Map<PairKey, Pair> pairs = new HashMap<>();
    final List<Event.Gap> gaps = new ArrayList<>();
    long duplicates;
    long connects;
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
      } else if (e instanceof Event.Connect c) {
        connect(c);
      } else if (e instanceof Event.Gap g) {
        gaps.add(g);
      }
    }

    private void proc(Proc p) {
      if (tree.get(p.execId()).orElse(null) != p) tree.add(p); // the parser hands out one instance per process
      sawPod |= p.pod().isPresent();
      sawInitTree |= p.inInitTree();
    }

    private void connect(Event.Connect c) {
      proc(c.process());
      c.parent().ifPresent(tree::add);
      PairKey key = new PairKey(c.node(), c.process().execId(), c.daddr(), c.dport());
      Pair p = pairs.computeIfAbsent(key, k -> new Pair(c.node(), c.daddr(), c.dport()));
      long id = c.time().getEpochSecond() * 1_000_000_000L + c.time().getNano() + 31L * c.function().hashCode();
      if (!p.seen.add(id)) {
        duplicates++;
        return;
      }
      connects++;
      p.process = c.process();
      if (p.parent == null || c.parent().isPresent()) p.parent = c.parent();
      if (c.time().isBefore(p.first)) p.first = c.time();
      if (c.time().isAfter(p.last)) p.last = c.time();
    }
  }

  public TetragonScan collect(EventSource source) {
    ReadTally tally = new ReadTally();
    Fold fold = new Fold();
    try {
      source.read(fold::accept, tally);
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return scan(source, fold, tally, List.of(), 0, LayerStatus.failed(LAYER, "reading " + source.describe() + ": " + why));
    }
    List<TetragonObservation> out = new ArrayList<>();
    int unattributed = 0;
    for (Pair p : fold.pairs.values()) {
      Optional<Attributed> a = attribute(p.ip, p.port);
      if (a.isEmpty()) unattributed++;
      else out.add(observation(fold.tree, p, a.get()));
    }
    return scan(source, fold, tally, out, unattributed, LayerStatus.ran(LAYER, warnings(fold, tally)));
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

  private static TetragonObservation observation(ProcessTree tree, Pair p, Attributed a) {
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
    int n = p.seen.size();
    Observation o = new Observation(info, origin, script, p.ip, p.port, a, p.first, p.last, n, n);
    return new TetragonObservation(p.node, proc.execId(), proc.pod(), proc.pod().map(PodRef::maybeExecProbe).orElse(false),
        launcher, o);
  }

  private static List<String> warnings(Fold fold, ReadTally tally) {
    List<String> w = new ArrayList<>(tally.warnings());
    for (int i = 0; i < fold.gaps.size() && i < MAX_GAP_WARNINGS; i++) {
      Event.Gap g = fold.gaps.get(i);
      w.add("data gap on " + (g.node().isEmpty() ? "?" : g.node()) + " at " + g.time() + ": " + g.what()
          + "; connections around then may be missing");
    }
    if (fold.gaps.size() > MAX_GAP_WARNINGS) w.add((fold.gaps.size() - MAX_GAP_WARNINGS) + " more data gaps");
    if (tally.stats().events() == 0) w.add("no Tetragon events read: is the JSON export enabled?");
    else if (fold.connects == 0) w.add("no connect events: is deploy/tetragon/tracingpolicy.yaml applied?");
    if (fold.sawPod && !fold.sawInitTree) {
      w.add("no process carried in_init_tree=true: Tetragon may predate the field, so pod processes may be marked exec'd wrongly");
    }
    return w;
  }

  private static TetragonScan scan(EventSource source, Fold fold, ReadTally tally, List<TetragonObservation> out,
      int unattributed, LayerStatus status) {
    var t = tally.stats();
    Instant start = fold.start.equals(Instant.MAX) ? Instant.EPOCH : fold.start;
    Instant end = fold.end.equals(Instant.MIN) ? Instant.EPOCH : fold.end;
    return new TetragonScan(source.describe(), start, end, out, status, new TetragonScan.Stats(t.lines(), t.events(),
        t.malformed(), t.ignored(), fold.duplicates, fold.connects, fold.tree.size(), unattributed, fold.gaps.size()));
  }
}

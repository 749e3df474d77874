package dev.wraith.host.ebpf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds kernel events into one {@link ProbedConnection} per connection: the connect names the process (at that
 * moment, so a process that exits right after is still named) and the destination; the first write adds what it
 * named; DNS answers the process or its namespace received for the destination address are attached. A
 * connection is complete at its first write, or {@code settle} after its connect without one. Bounded: at most
 * {@link #MAX_OPEN} connections wait for their first write (the oldest complete early). Not thread-safe.
 */
public final class ConnectionAggregator {
  static final int MAX_OPEN = 65_536;

  private final ProcessDirectory processes;
  private final String node;
  private final Duration settle;
  private final RecentAnswers recent = new RecentAnswers();
  private final Map<Long, Open> open = new LinkedHashMap<>();
  private final List<ProbedConnection> done = new ArrayList<>();
  private final List<DnsAnswer> answers = new ArrayList<>();
  private final Map<String, Long> lost = new TreeMap<>();
  private Counts counts = new Counts();

  /** Events seen, by kind, since the last {@link #takeCounts()}. */
  static final class Counts {
    long connects, firstWrites, dnsAnswers, execs, exits;
  }

  private record Open(long id, ProbedProcess process, Endpoint source, Endpoint destination, Instant time) {}

  ConnectionAggregator(ProcessDirectory processes, String node, Duration settle) {
    this.processes = processes;
    this.node = node;
    this.settle = settle;
  }

  /** One event, in ring-buffer order (Java 17: an instanceof chain over the sealed type's six records). */
  void accept(KernelEvent event) {
    if (event instanceof KernelEvent.Connect c) {
      connect(c);
    } else if (event instanceof KernelEvent.FirstBytes f) {
      firstBytes(f);
    } else if (event instanceof KernelEvent.DnsReply d) {
      dns(d);
    } else if (event instanceof KernelEvent.Exec x) {
      counts.execs++;
      processes.exec(x);
    } else if (event instanceof KernelEvent.Exit) {
      counts.exits++;
    } else if (event instanceof KernelEvent.Lost l) {
      lost.merge(l.what(), l.count(), Long::sum);
    }
  }

  /** Connections complete by {@code now} (in connect order), removed from the aggregator. */
  List<ProbedConnection> complete(Instant now) {
    for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
      Open o = it.next();
      if (!o.time().plus(settle).isBefore(now)) break; // in connect order: the rest are younger
      it.remove();
      done.add(finish(o, new RequestName.None("no bytes written within " + settle.toMillis() + " ms"), o.source()));
    }
    List<ProbedConnection> out = List.copyOf(done);
    done.clear();
    return out;
  }

  /** Completes every connection opened before {@code at}, written on or not (the end of a window). */
  List<ProbedConnection> completeBefore(Instant at) {
    for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
      Open o = it.next();
      if (!o.time().isBefore(at)) break;
      it.remove();
      done.add(finish(o, new RequestName.None("no bytes written before the window ended"), o.source()));
    }
    return complete(Instant.MIN);
  }

  /** Whether a connection opened before {@code at} still waits for its first write. */
  boolean waitingSince(Instant at) {
    return !open.isEmpty() && open.values().iterator().next().time().isBefore(at);
  }

  /** The DNS answers received since the last call. */
  List<DnsAnswer> answers() {
    List<DnsAnswer> out = List.copyOf(answers);
    answers.clear();
    return out;
  }

  /** Events lost (where, how many) since the last call. */
  Map<String, Long> lost() {
    Map<String, Long> out = new TreeMap<>(lost);
    lost.clear();
    return out;
  }

  Counts takeCounts() {
    Counts c = counts;
    counts = new Counts();
    return c;
  }

  private void connect(KernelEvent.Connect c) {
    counts.connects++;
    open.put(c.connection(), new Open(c.connection(), processes.of(c.task()), c.source(), c.destination(), c.task().time()));
    if (open.size() > MAX_OPEN) {
      Open oldest = open.values().iterator().next();
      open.remove(oldest.id());
      done.add(finish(oldest, new RequestName.None("not written on before " + MAX_OPEN + " newer connections"), oldest.source()));
    }
  }

  private void firstBytes(KernelEvent.FirstBytes f) {
    counts.firstWrites++;
    Open o = open.remove(f.connection());
    if (o == null) { // its connect was lost (ring buffer full): the write still names process and destination
      o = new Open(f.connection(), processes.of(f.task()), f.source(), f.destination(), f.task().time());
    }
    done.add(finish(o, f.name(), f.source()));
  }

  private void dns(KernelEvent.DnsReply d) {
    counts.dnsAnswers++;
    if (d.message().addresses().isEmpty()) return;
    ProbedProcess p = processes.of(d.task());
    var answerList = d.message().addresses().stream().map(a -> new DnsAnswer.Answer(a.ip(), a.ttl())).toList();
    DnsAnswer a = new DnsAnswer(d.task().time(), node, p.pid(), p.startTicks(), p.netns(),
        p.container().map(c -> c.podUid()).orElse(""), p.container().map(c -> c.containerId()).orElse(""),
        d.message().question(), answerList);
    recent.add(a);
    answers.add(a);
  }

  private ProbedConnection finish(Open o, RequestName name, Endpoint source) {
    Endpoint src = o.source().port() == 0 && source.port() != 0 ? source : o.source();
    ProbedProcess p = o.process();
    return new ProbedConnection(o.id(), p, src, o.destination(), o.time(), name,
        recent.naming(o.destination().ip(), p.pid(), p.startTicks(), p.netns(), o.time()));
  }
}

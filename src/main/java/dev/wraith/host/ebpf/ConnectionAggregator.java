package dev.wraith.host.ebpf;

import dev.wraith.attribution.DnsAnswerRecord;
import dev.wraith.attribution.DnsAnswers;
import dev.wraith.model.ContainerRef;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
 * named; the names that the DNS answers of the process, else its network namespace, else its pod gave the
 * destination address (within their TTL: {@link DnsAnswers#namesFor}) are attached. Every DNS answer goes into that
 * index (with the node's name, so that a recorded answer keeps its scope) and into the window's answers for the
 * sensor's {@code dns-answer} lines. A connection is complete at its first write, or {@code settle} after its connect
 * without one. Bounded: at most {@link #MAX_OPEN} connections wait for their first write (the oldest complete early);
 * the index holds at most {@link #DEFAULT_ANSWERS} answers and forgets expired ones at {@link #expire}.
 *
 * <p>The sensor's own connections and DNS answers are left out: its DNS cache's lookups of catalogue hosts are
 * {@code dns-lookup} evidence, weak; taken as its network namespace's answers they would name, strongly, every
 * nameless connection of the node's other processes to those (often CDN) addresses. Not thread-safe.
 */
public final class ConnectionAggregator {
  static final int MAX_OPEN = 65_536;
  /**
   * DNS answers held for attribution: about 300 bytes each, so 6 MB in a sensor whose heap is 64 MB. A full index
   * forgets its expired answers (at most once a second) before it drops new ones.
   */
  static final int DEFAULT_ANSWERS = 20_000;
  private static final long EXPIRE_EVERY_NANOS = 1_000_000_000L;

  private final ProcessDirectory processes;
  private final String node;
  private final Duration settle;
  private final DnsAnswers index;
  private final int capacity;
  private final int self;
  private long expiredAt = System.nanoTime() - EXPIRE_EVERY_NANOS;
  private final WindowAnswers window = new WindowAnswers();
  private final Map<Long, Open> open = new LinkedHashMap<>();
  private final List<ProbedConnection> done = new ArrayList<>();
  private final Map<String, Long> lost = new TreeMap<>();
  private Counts counts = new Counts();

  /** Events seen, by kind, since the last {@link #takeCounts()}. */
  static final class Counts {
    long connects, firstWrites, dnsAnswers, execs, exits, own;
  }

  private record Open(long id, ProbedProcess process, Endpoint source, Endpoint destination, Instant time) {}

  /** @param self the sensor's own pid, as the probe reports pids (0: none is left out) */
  ConnectionAggregator(ProcessDirectory processes, String node, Duration settle, int self) {
    this(processes, node, settle, DEFAULT_ANSWERS, self);
  }

  /** @param answers how many DNS answers (name, address, scope) the index may hold */
  ConnectionAggregator(ProcessDirectory processes, String node, Duration settle, int answers, int self) {
    this.self = self;
    this.processes = processes;
    this.node = node;
    this.settle = settle;
    this.index = new DnsAnswers(answers);
    this.capacity = answers;
  }

  /** One event, in ring-buffer order (Java 17: an instanceof chain over the sealed type's six records). */
  void accept(KernelEvent event) {
    if (isOwn(event)) {
      counts.own++;
    } else if (event instanceof KernelEvent.Connect c) {
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

  private boolean isOwn(KernelEvent e) {
    if (self == 0) return false;
    if (e instanceof KernelEvent.Connect c) return c.task().pid() == self;
    if (e instanceof KernelEvent.FirstBytes f) return f.task().pid() == self;
    return e instanceof KernelEvent.DnsReply d && d.task().pid() == self;
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

  /** The DNS answers received since the last call, repeats folded and bounded (see {@link WindowAnswers}). */
  WindowAnswers.Taken answers() {
    return window.take();
  }

  /** Forgets DNS answers that ended before {@code now} (with their grace): once per window. */
  void expire(Instant now) {
    index.expire(now);
    expiredAt = System.nanoTime();
  }

  /** Why some DNS answers were not kept for attribution, if any were not. */
  List<String> indexWarnings() {
    return index.warnings();
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
    var answerList = d.message().addresses().stream().map(a -> new DnsAnswerRecord.Answer(a.ip(), a.ttl())).toList();
    DnsAnswerRecord a = new DnsAnswerRecord(d.task().time(), node, p.pid(), p.startTicks(), p.netns(),
        p.container().map(ContainerRef::podUid).orElse(""), p.container().map(ContainerRef::containerId).orElse(""),
        d.message().question(), answerList);
    if (index.size() >= capacity && System.nanoTime() - expiredAt >= EXPIRE_EVERY_NANOS) expire(a.time());
    index.add(a);
    window.add(a);
  }

  private ProbedConnection finish(Open o, RequestName name, Endpoint source) {
    Endpoint src = o.source().port() == 0 && source.port() != 0 ? source : o.source();
    ProbedProcess p = o.process();
    return new ProbedConnection(o.id(), p, src, o.destination(), o.time(), name, resolvedNames(p, o.destination(), o.time()));
  }

  /** The names DNS answers gave the destination for this process, its namespace or its pod when it connected. */
  private List<String> resolvedNames(ProbedProcess p, Endpoint destination, Instant at) {
    InetAddress ip;
    try {
      ip = InetAddress.getByName(destination.ip()); // a literal: parsed, never looked up
    } catch (UnknownHostException e) {
      return List.of();
    }
    if (!index.knows(ip)) return List.of();
    DnsAnswers.Scope who = new DnsAnswers.Scope(node, p.pid(), p.startTicks(), p.netns(),
        p.container().map(ContainerRef::podUid).orElse(""), p.container().map(ContainerRef::containerId).orElse(""));
    return index.namesFor(who, ip, at);
  }
}

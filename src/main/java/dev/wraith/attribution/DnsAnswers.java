package dev.wraith.attribution;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recorded DNS answers, by address: which names a process, its network namespace or its pod resolved to an address,
 * and when that answer held. {@link #namesFor} applies an answer only within [answer time − {@link #SKEW}, answer
 * time + TTL + {@link #GRACE}] and only to its own scope, never to another pod's: that another workload resolved a CDN address
 * for api.openai.com says nothing about what this process talks to there.
 *
 * <p>Memory is bounded by {@code capacity} entries (one per name, address and scope; repeated answers that overlap in
 * time extend one entry). Beyond it new answers are dropped and counted, and {@link #warnings} says so; a live
 * recorder calls {@link #expire} to make room. Thread-safe (one lock): a recorder may add while a sampler reads.
 */
public final class DnsAnswers {
  /** Past the TTL, an answer still applies this long: clients connect a moment after the answer expired. */
  public static final Duration GRACE = Duration.ofSeconds(5);
  /**
   * Before its recorded time, an answer already applies this long: the answer and the connect that used it are stamped
   * by clocks converted separately (the probe's boot clock to wall time, each second; Tetragon's and a DNS log's own
   * clocks), so a connect a fraction of a millisecond after the answer can carry an earlier time.
   */
  public static final Duration SKEW = Duration.ofMillis(50);
  public static final int DEFAULT_CAPACITY = 200_000;
  /** How many entries of one address are searched for a run to extend, newest first. */
  private static final int MERGE_WINDOW = 16;

  /**
   * Who resolved, or who connects. Empty strings and zeros mean unknown. Process and network namespace identities
   * are per node ({@code node}, "" matching ""); a pod UID is cluster-wide.
   */
  public record Scope(String node, int pid, long startTicks, String netns, String podUid, String containerId) {
    public Scope {
      if (node == null || netns == null || podUid == null || containerId == null) throw new NullPointerException("scope");
    }
  }

  /** One name for one address in one scope, from its first answer to the end of its last one. */
  private static final class Entry {
    final String name;
    final Scope scope;
    final Instant from;
    Instant last;
    Instant until;

    Entry(String name, Scope scope, Instant from, Instant until) {
      this.name = name;
      this.scope = scope;
      this.from = from;
      this.last = from;
      this.until = until;
    }
  }

  private final int capacity;
  private final Map<InetAddress, List<Entry>> byIp = new HashMap<>();
  private int size;
  private long dropped;

  public DnsAnswers() {
    this(DEFAULT_CAPACITY);
  }

  public DnsAnswers(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
    this.capacity = capacity;
  }

  /** Adds every address of the answer; addresses that are not IP literals are ignored. */
  public synchronized void add(DnsAnswerRecord r) {
    for (DnsAnswerRecord.Answer a : r.answers()) {
      InetAddress ip;
      try {
        ip = Pin.literal(a.ip(), a.ip());
      } catch (IllegalArgumentException e) {
        continue;
      }
      add(ip, r.name(), r.scope(), r.time(), r.time().plusSeconds(a.ttl()).plus(GRACE));
    }
  }

  private void add(InetAddress ip, String name, Scope scope, Instant from, Instant until) {
    List<Entry> list = byIp.computeIfAbsent(ip, k -> new ArrayList<>(2));
    for (int i = list.size() - 1, seen = 0; i >= 0 && seen < MERGE_WINDOW; i--, seen++) {
      Entry e = list.get(i);
      if (e.name.equals(name) && e.scope.equals(scope) && !from.isBefore(e.from) && !from.isAfter(e.until)) {
        if (from.isAfter(e.last)) e.last = from;
        if (until.isAfter(e.until)) e.until = until;
        return;
      }
    }
    if (size >= capacity) {
      dropped++;
      if (list.isEmpty()) byIp.remove(ip);
      return;
    }
    list.add(new Entry(name, scope, from, until));
    size++;
  }

  /**
   * The names resolved to {@code ip} that hold at {@code time} for {@code who}, from the narrowest scope that has any:
   * the same process, else the same network namespace (on the same node), else the same pod. An answer recorded in
   * another pod never applies. Several names in that scope: the one resolved most recently before {@code time} first.
   */
  public synchronized List<String> namesFor(Scope who, InetAddress ip, Instant time) {
    List<Entry> list = byIp.get(ip);
    if (list == null) return List.of();
    List<Entry> process = new ArrayList<>(), netns = new ArrayList<>(), pod = new ArrayList<>();
    for (Entry e : list) {
      if (time.plus(SKEW).isBefore(e.from) || time.isAfter(e.until) || otherPod(e.scope, who)) continue;
      if (sameProcess(e.scope, who)) process.add(e);
      else if (sameNetns(e.scope, who)) netns.add(e);
      else if (samePod(e.scope, who)) pod.add(e);
    }
    List<Entry> best = !process.isEmpty() ? process : !netns.isEmpty() ? netns : pod;
    return best.stream()
        .sorted(Comparator.comparing((Entry e) -> e.last.isAfter(time) ? e.from : e.last).reversed()
            .thenComparing(e -> e.name))
        .map(e -> e.name).distinct().toList();
  }

  /** Whether any answer names this address (a cheap test before building a scope). */
  public synchronized boolean knows(InetAddress ip) {
    return byIp.containsKey(ip);
  }

  /** Forgets answers that ended before {@code now}. */
  public synchronized void expire(Instant now) {
    for (var it = byIp.values().iterator(); it.hasNext(); ) {
      List<Entry> list = it.next();
      int before = list.size();
      list.removeIf(e -> e.until.isBefore(now));
      size -= before - list.size();
      if (list.isEmpty()) it.remove();
    }
  }

  public synchronized int size() {
    return size;
  }

  /** What the index could not keep, for the layer status. */
  public synchronized List<String> warnings() {
    if (dropped == 0) return List.of();
    return List.of(dropped + " DNS answers dropped: more than " + capacity
        + " recorded answers in memory; connections they would have named stay unattributed");
  }

  private static boolean otherPod(Scope a, Scope b) {
    return !a.podUid().isEmpty() && !b.podUid().isEmpty() && !a.podUid().equals(b.podUid());
  }

  private static boolean sameProcess(Scope a, Scope b) {
    return a.pid() > 0 && a.pid() == b.pid() && a.node().equals(b.node())
        && (a.startTicks() == 0 || b.startTicks() == 0 || a.startTicks() == b.startTicks());
  }

  private static boolean sameNetns(Scope a, Scope b) {
    return !a.netns().isEmpty() && a.netns().equals(b.netns()) && a.node().equals(b.node());
  }

  private static boolean samePod(Scope a, Scope b) {
    return (!a.podUid().isEmpty() && a.podUid().equals(b.podUid()))
        || (!a.containerId().isEmpty() && a.containerId().equals(b.containerId()));
  }
}

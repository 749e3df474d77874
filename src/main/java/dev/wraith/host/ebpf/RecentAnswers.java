package dev.wraith.host.ebpf;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DNS answers received lately, indexed by address, to find which ones name a connection's destination.
 * Bounded: at most {@link #PER_ADDRESS} answers per address and {@link #MAX_ADDRESSES} addresses (least
 * recently answered dropped first).
 */
final class RecentAnswers {
  static final int PER_ADDRESS = 16, MAX_ADDRESSES = 16_384, MAX_MATCHES = 8;
  /** Seconds an answer is trusted beyond its TTL: a client may connect a moment after its cache expired. */
  static final long GRACE_SECONDS = 5;

  private final Map<String, Deque<DnsAnswer>> byIp = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Deque<DnsAnswer>> e) {
      return size() > MAX_ADDRESSES;
    }
  };

  void add(DnsAnswer a) {
    for (DnsAnswer.Answer x : a.answers()) {
      Deque<DnsAnswer> d = byIp.computeIfAbsent(x.ip(), k -> new ArrayDeque<>());
      d.addLast(a);
      if (d.size() > PER_ADDRESS) d.removeFirst();
    }
  }

  /**
   * Answers naming {@code ip} received by process (pid, startTicks) or in {@code netns} no later than {@code at}
   * and still valid then: the process's own first, then its namespace's, newest first within each.
   */
  List<DnsAnswer> naming(String ip, int pid, long startTicks, String netns, Instant at) {
    Deque<DnsAnswer> d = byIp.get(ip);
    if (d == null) return List.of();
    List<DnsAnswer> out = new ArrayList<>();
    for (DnsAnswer a : d) {
      boolean own = a.pid() == pid && a.startTicks() == startTicks;
      if ((own || a.netns().equals(netns)) && !a.time().isAfter(at) && a.names(ip, at, GRACE_SECONDS)) out.add(a);
    }
    out.sort(Comparator.comparing((DnsAnswer a) -> !(a.pid() == pid && a.startTicks() == startTicks))
        .thenComparing(DnsAnswer::time, Comparator.reverseOrder()));
    return out.size() > MAX_MATCHES ? List.copyOf(out.subList(0, MAX_MATCHES)) : out;
  }
}

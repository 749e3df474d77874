package dev.wraith.tetragon;

import dev.wraith.attribution.AskedNames;
import dev.wraith.attribution.Attributor;
import dev.wraith.attribution.DnsAnswers;
import dev.wraith.attribution.Pin;
import dev.wraith.model.Attribution;
import dev.wraith.model.PodRef;
import dev.wraith.model.UnattributedDestinations;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges the destination of each connect event and tallies those that are not AI. The address-only verdict is
 * computed once per (address, port) and cached; when recorded DNS answers name the address, the names the connecting
 * process, its network namespace or its pod resolved at that moment decide first (see {@link Attributor}), so a CDN
 * address is OpenAI for the process that resolved api.openai.com and not for its neighbour.
 *
 * <p>Bounded: at most {@link #MAX_CACHED} cached verdicts (the cache starts afresh beyond) and {@link #MAX_TALLIED}
 * tallied destinations (beyond, connections are only counted).
 */
final class Destinations {
  static final int MAX_CACHED = 100_000;
  static final int MAX_TALLIED = 50_000;
  static final int LISTED = 20;

  private record Key(String ip, int port) {}

  /** A tallied destination: the address, and the non-AI name when one settled it ("" when nothing named it). */
  private record Tallied(String ip, int port, String named) {}

  /** The address (null when the text is not an IP literal), its address-only verdict, and whether it is in-cluster. */
  private record Known(InetAddress address, Attribution byAddress, boolean inCluster) {}

  private static final class Tally {
    long connections;
    int processes;
    Optional<Attribution.NotAi> named = Optional.empty();
  }

  private final Attributor attributor;
  private final DnsAnswers dns;
  private final Map<Key, Known> cache = new HashMap<>();
  private final Map<Tallied, Tally> tallies = new HashMap<>();
  private long untalliedConnections;

  Destinations(Attributor attributor, DnsAnswers dns) {
    this.attributor = attributor;
    this.dns = dns;
  }

  /** The verdict for one connection of this event's process at this event's time. */
  Attribution judge(Event.Connect c) {
    Known k = known(c.daddr(), c.dport());
    if (k.address() == null || !dns.knows(k.address())) return k.byAddress();
    Optional<PodRef> pod = c.process().pod();
    DnsAnswers.Scope who = new DnsAnswers.Scope(c.node(), c.process().pid(), 0, "", pod.map(PodRef::uid).orElse(""),
        pod.map(PodRef::containerId).orElse(""));
    List<String> names = dns.namesFor(who, k.address(), c.time());
    if (names.isEmpty()) return k.byAddress();
    return attributor.attribute(k.address(), c.dport(), List.of(), AskedNames.dnsAnswers(names));
  }

  /**
   * Whether this unattributed destination may still be named by the cluster layer: a private or ULA address, not
   * loopback or link-local (no Service or pod has those).
   */
  boolean clusterMayName(String ip, int port) {
    Known k = known(ip, port);
    return k.inCluster() && !k.address().isLoopbackAddress() && !k.address().isLinkLocalAddress();
  }

  /**
   * Counts a connection that is not AI, apart for each non-AI name it was given (one address, several names: a CDN);
   * {@code newProcess} when it is the first from its process to there.
   */
  void tally(Event.Connect c, Attribution verdict, boolean newProcess) {
    Tallied key = new Tallied(c.daddr(), c.dport(), verdict instanceof Attribution.NotAi n ? n.name() : "");
    Tally t = tallies.get(key);
    if (t == null) {
      if (tallies.size() >= MAX_TALLIED) {
        untalliedConnections++;
        return;
      }
      t = new Tally();
      tallies.put(key, t);
    }
    t.connections++;
    if (newProcess) t.processes++;
    if (t.named.isEmpty() && verdict instanceof Attribution.NotAi n) t.named = Optional.of(n);
  }

  /** The {@link #LISTED} destinations with the most connections, and the totals. */
  UnattributedDestinations summary() {
    List<UnattributedDestinations.Destination> all = new ArrayList<>();
    long connections = untalliedConnections;
    for (var e : tallies.entrySet()) {
      Tally t = e.getValue();
      connections += t.connections;
      all.add(new UnattributedDestinations.Destination(e.getKey().ip(), e.getKey().port(), t.connections,
          Math.max(t.processes, 1), t.named, known(e.getKey().ip(), e.getKey().port()).inCluster()));
    }
    List<UnattributedDestinations.Destination> top = new UnattributedDestinations(all, 0, 0).listed();
    return new UnattributedDestinations(top.subList(0, Math.min(LISTED, top.size())), tallies.size(), connections);
  }

  /** Whether more destinations came than are tallied (the rest are only counted). */
  boolean full() {
    return untalliedConnections > 0;
  }

  private Known known(String ip, int port) {
    Key key = new Key(ip, port);
    Known k = cache.get(key);
    if (k == null) {
      k = compute(ip, port);
      if (cache.size() >= MAX_CACHED) cache.clear();
      cache.put(key, k);
    }
    return k;
  }

  private Known compute(String ip, int port) {
    InetAddress address;
    try {
      // literal IPs only: Tetragon renders addresses as text, never names, so this does no DNS lookup
      address = Pin.literal(ip, ip);
    } catch (IllegalArgumentException e) {
      return new Known(null, Attribution.Unattributed.NONE, false);
    }
    return new Known(address, attributor.attribute(address, port, List.of(), AskedNames.NONE), Attributor.isInCluster(address));
  }
}

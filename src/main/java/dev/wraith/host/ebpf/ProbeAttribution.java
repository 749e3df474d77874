package dev.wraith.host.ebpf;

import dev.wraith.attribution.AskedNames;
import dev.wraith.attribution.Attributor;
import dev.wraith.attribution.HostsFile;
import dev.wraith.model.Attributed;
import dev.wraith.model.Attribution;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Attributes each probed connection with what its process asked for: the TLS SNI, the CONNECT target or the HTTP Host
 * of its first write, and the names DNS answers gave its destination address for the process, its network namespace or
 * its pod; then the address ({@link Attributor}: a name decides before any address evidence). A verdict is computed
 * once per window for each (network namespace, destination, names asked): two connections to one CDN address that
 * name two hosts get two verdicts, and a connection that asked for nothing gets its address's. Counts what decided,
 * for the window's status. Not thread-safe.
 */
final class ProbeAttribution {
  /** Verdicts remembered per window; past this many distinct inputs the rest are computed each time. */
  static final int MAX_MEMO = 50_000;

  private final Attributor attributor;
  private final BiFunction<String, Integer, List<HostsFile>> hostsFiles;
  private final Map<Dest, Attribution> byAddress = new HashMap<>();
  private final Map<Asked, Attribution> byNames = new HashMap<>();
  private final Map<Attributed.Method, Long> ai = new EnumMap<>(Attributed.Method.class);
  private long notAi, notAiOnAiAddress, unattributed;

  private static final RequestName NOTHING = new RequestName.None("");

  private record Dest(String netns, Endpoint destination) {}

  /** Everything a verdict depends on: the hosts files are the namespace's, the names the connection's. */
  private record Asked(String netns, Endpoint destination, RequestName request, List<String> resolvedNames) {}

  /** @param hostsFiles the hosts files that apply to a process, by (network namespace, pid) */
  ProbeAttribution(Attributor attributor, BiFunction<String, Integer, List<HostsFile>> hostsFiles) {
    this.attributor = attributor;
    this.hostsFiles = hostsFiles;
  }

  /** The names the connection's process asked for, as attribution takes them. */
  static AskedNames asked(ProbedConnection c) {
    Optional<String> sni = Optional.empty(), connect = Optional.empty(), host = Optional.empty();
    RequestName r = c.request();
    if (r instanceof RequestName.Sni s) {
      sni = Optional.of(s.host());
    } else if (r instanceof RequestName.ProxyConnect p) {
      connect = Optional.of(p.host());
    } else if (r instanceof RequestName.HttpRequest h && !h.host().isEmpty()) {
      host = Optional.of(h.host());
    }
    return new AskedNames(sni, connect, host, c.resolvedNames());
  }

  /** The verdict for one connection; empty when its destination is not an IP address (never, from the probe). */
  Attribution attribute(ProbedConnection c) {
    Asked key = new Asked(c.process().netns(), c.destination(), nameOnly(c.request()), c.resolvedNames());
    Attribution a = byNames.get(key);
    if (a == null) {
      a = decide(c);
      if (byNames.size() < MAX_MEMO) byNames.put(key, a);
    }
    if (a instanceof Attribution.NotAi && addressOnly(c) instanceof Attributed) notAiOnAiAddress++;
    return count(a);
  }

  /** The part of a request name a verdict depends on: an HTTP request's Host, not its method or path. */
  private static RequestName nameOnly(RequestName r) {
    if (r instanceof RequestName.HttpRequest h) return new RequestName.HttpRequest("", h.host(), "");
    return r instanceof RequestName.None ? NOTHING : r; // a None's reason decides nothing
  }

  private Attribution decide(ProbedConnection c) {
    Optional<InetAddress> ip = address(c.destination());
    if (ip.isEmpty()) return Attribution.NONE;
    AskedNames asked = asked(c);
    return asked.isEmpty() ? addressOnly(c) : attributor.attribute(ip.get(), c.destination().port(), hosts(c), asked);
  }

  /**
   * What decided this window's connections, then starts the next window: "names: 12 AI by name (sni 9, dns-answer 3),
   * 1 AI by address only (published-range 1), 4 named non-AI hosts (2 on addresses an address method calls AI), 30
   * unattributed".
   */
  String takeSummary() {
    long byName = 0, byAddr = 0;
    List<String> named = new ArrayList<>(), weak = new ArrayList<>();
    for (var e : ai.entrySet()) {
      boolean strong = e.getKey().strength() == Attributed.Strength.STRONG;
      (strong ? named : weak).add(e.getKey().id() + " " + e.getValue());
      if (strong) byName += e.getValue();
      else byAddr += e.getValue();
    }
    String s = "names: " + byName + " connections AI by name or pin" + (named.isEmpty() ? "" : " (" + String.join(", ", named) + ")")
        + ", " + byAddr + " AI by address only" + (weak.isEmpty() ? "" : " (" + String.join(", ", weak) + ")")
        + ", " + notAi + " named non-AI hosts" + (notAiOnAiAddress == 0 ? "" : " (" + notAiOnAiAddress
        + " of them on an address that address evidence calls AI: a shared address, not AI)")
        + ", " + unattributed + " unattributed";
    byAddress.clear();
    byNames.clear();
    ai.clear();
    notAi = 0;
    notAiOnAiAddress = 0;
    unattributed = 0;
    return s;
  }

  private Attribution addressOnly(ProbedConnection c) {
    Dest key = new Dest(c.process().netns(), c.destination());
    Attribution a = byAddress.get(key);
    if (a == null) {
      a = address(c.destination()).<Attribution>map(ip -> attributor.attribute(ip, c.destination().port(), hosts(c),
          AskedNames.NONE)).orElse(Attribution.NONE);
      if (byAddress.size() < MAX_MEMO) byAddress.put(key, a);
    }
    return a;
  }

  private List<HostsFile> hosts(ProbedConnection c) {
    return hostsFiles.apply(c.process().netns(), c.process().pid());
  }

  private Attribution count(Attribution a) {
    if (a instanceof Attributed x) ai.merge(x.method(), 1L, Long::sum);
    else if (a instanceof Attribution.NotAi) notAi++;
    else unattributed++;
    return a;
  }

  private static Optional<InetAddress> address(Endpoint e) {
    try {
      return Optional.of(InetAddress.getByName(e.ip())); // a literal: parsed, never looked up
    } catch (UnknownHostException x) {
      return Optional.empty();
    }
  }
}

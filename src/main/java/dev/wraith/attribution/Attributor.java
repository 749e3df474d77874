package dev.wraith.attribution;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Cidr;
import dev.wraith.catalogue.HostPattern;
import dev.wraith.catalogue.Provider;
import dev.wraith.model.Attributed;
import dev.wraith.model.Attributed.Method;
import dev.wraith.model.Attribution;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attributes a destination IP:port, trying the evidence in order of trust: first what the process itself asked for
 * (TLS SNI, the host of a proxy CONNECT line, a plain-HTTP Host header, the names it or its network namespace resolved
 * to this address), then the address: operator pins, hosts files (the process's container first, then the node's), the
 * DNS cache of wraith's own lookups, published ranges, and last a distinctive model-server port on an in-cluster
 * address.
 *
 * <p><b>A name decides.</b> The first name the process asked for settles the matter: a catalogue host is AI by that
 * evidence; any other name is {@link Attribution.NotAi}, even where a pin, the DNS cache or a published range would say
 * AI, because a CDN or proxy address serves many names. One exception: on an in-cluster (private, ULA, loopback)
 * address a name the catalogue does not know ("litellm.ai-platform.svc", "llm.corp.internal") decides nothing, since
 * it may be an internal alias of an AI gateway; the next evidence and, later, the cluster's own address map do.
 *
 * <p>It never guesses from wide address blocks: a cloud or CDN address that no evidence names stays unattributed. Pure
 * and thread-safe; no I/O.
 */
public final class Attributor {
  private final Catalogue catalogue;
  private final List<Pin> pins;
  private final Optional<DnsCache> dns;
  private final Map<Integer, Provider> distinctivePorts;

  public Attributor(Catalogue catalogue, List<Pin> pins, Optional<DnsCache> dns) {
    this.catalogue = catalogue;
    this.pins = List.copyOf(pins);
    this.dns = dns;
    this.distinctivePorts = catalogue.distinctiveServerPorts();
  }

  /** The catalogue's concrete hostnames: what the DNS cache resolves. */
  public static List<String> resolvableHosts(Catalogue catalogue) {
    return catalogue.providers().stream().flatMap(p -> p.hosts().stream())
        .filter(h -> !h.isWildcard()).map(Object::toString).distinct().toList();
  }

  /**
   * The full decision: names first (see the class contract), then the address.
   *
   * @param hostsFiles the hosts files that apply to the connecting process, most specific first
   * @param asked what the process asked for on this connection ({@link AskedNames#NONE} when nothing is known)
   */
  public Attribution attribute(InetAddress ip, int port, List<HostsFile> hostsFiles, AskedNames asked) {
    boolean inCluster = isInCluster(ip);
    for (Named n : named(asked)) {
      Optional<Attributed> a = byHost(n.name(), n.method());
      if (a.isPresent()) return a.get();
      if (!inCluster) return new Attribution.NotAi(n.name(), n.method());
    }
    return byAddress(ip, port, hostsFiles);
  }

  /** By the address alone: the AI attribution, if any evidence about the address gives one. */
  public Optional<Attributed> attribute(InetAddress ip, int port, List<HostsFile> hostsFiles) {
    return byAddress(ip, port, hostsFiles).ai();
  }

  private Attribution byAddress(InetAddress ip, int port, List<HostsFile> hostsFiles) {
    for (Pin pin : pins) {
      if (pin.covers(ip, port)) {
        Optional<Attributed> a = byHost(pin.host(), Method.PIN);
        if (a.isPresent()) return a.get();
      }
    }
    for (HostsFile hosts : hostsFiles) {
      for (String name : hosts.namesOf(ip)) {
        Optional<Attributed> a = byHost(name, Method.HOSTS_FILE);
        if (a.isPresent()) return a.get();
      }
    }
    if (dns.isPresent()) {
      Optional<Attributed> a = dns.get().hostOf(ip).flatMap(h -> byHost(h, Method.DNS_LOOKUP));
      if (a.isPresent()) return a.get();
    }
    for (Provider p : catalogue.providers()) {
      for (Cidr range : p.ipRanges()) {
        if (range.contains(ip)) return new Attributed(p.id(), "", Method.PUBLISHED_RANGE);
      }
    }
    Provider server = distinctivePorts.get(port);
    if (server != null && isInCluster(ip)) return new Attributed(server.id(), "", Method.PORT);
    return Attribution.NONE;
  }

  private record Named(String name, Method method) {}

  /** The names asked for, in order of trust. */
  private static List<Named> named(AskedNames asked) {
    if (asked.isEmpty()) return List.of();
    List<Named> out = new ArrayList<>();
    asked.sni().ifPresent(n -> out.add(new Named(n, Method.SNI)));
    asked.proxyConnect().ifPresent(n -> out.add(new Named(n, Method.PROXY_CONNECT)));
    asked.httpHost().ifPresent(n -> out.add(new Named(n, Method.HTTP_HOST)));
    for (String n : asked.dnsAnswers()) out.add(new Named(n, Method.DNS_ANSWER));
    return out;
  }

  private Optional<Attributed> byHost(String host, Method method) {
    return catalogue.providerForHost(host).map(p -> new Attributed(p.id(), HostPattern.normalise(host), method));
  }

  /**
   * Loopback, private (RFC 1918, RFC 6598 shared, IPv6 ULA) and link-local: where in-cluster Services live, and
   * where a name the catalogue does not know decides nothing.
   */
  public static boolean isInCluster(InetAddress ip) {
    if (ip.isLoopbackAddress() || ip.isSiteLocalAddress() || ip.isLinkLocalAddress()) return true;
    byte[] b = ip.getAddress();
    if (b.length == 4) return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    return (b[0] & 0xfe) == 0xfc;
  }

  /**
   * Private or ULA: an address a Service, pod or EndpointSlice may have, for the cluster's address map to name
   * (loopback and link-local never are).
   */
  public static boolean clusterMayName(InetAddress ip) {
    return isInCluster(ip) && !ip.isLoopbackAddress() && !ip.isLinkLocalAddress();
  }
}

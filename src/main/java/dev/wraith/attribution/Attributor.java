package dev.wraith.attribution;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Cidr;
import dev.wraith.catalogue.Provider;
import dev.wraith.model.Attributed;
import dev.wraith.model.Attributed.Method;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attributes a destination IP:port to a catalogue provider, trying the sources in order of trust: operator
 * pins, hosts files (the process's container first, then the node's), the DNS cache, published ranges, and
 * last a distinctive model-server port on an in-cluster address. It never guesses from wide address blocks:
 * a cloud or CDN address that no source names stays unattributed. Pure and thread-safe; no I/O.
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
    this.distinctivePorts = distinctivePorts(catalogue);
  }

  /** The catalogue's concrete hostnames: what the DNS cache resolves. */
  public static List<String> resolvableHosts(Catalogue catalogue) {
    return catalogue.providers().stream().flatMap(p -> p.hosts().stream())
        .filter(h -> !h.isWildcard()).map(Object::toString).distinct().toList();
  }

  /**
   * The provider this destination belongs to, by the first method that knows it.
   *
   * @param hostsFiles the hosts files that apply to the connecting process, most specific first
   */
  public Optional<Attributed> attribute(InetAddress ip, int port, List<HostsFile> hostsFiles) {
    for (Pin pin : pins) {
      if (pin.covers(ip, port)) {
        Optional<Attributed> a = byHost(pin.host(), Method.PIN);
        if (a.isPresent()) return a;
      }
    }
    for (HostsFile hosts : hostsFiles) {
      for (String name : hosts.namesOf(ip)) {
        Optional<Attributed> a = byHost(name, Method.HOSTS_FILE);
        if (a.isPresent()) return a;
      }
    }
    if (dns.isPresent()) {
      Optional<Attributed> a = dns.get().hostOf(ip).flatMap(h -> byHost(h, Method.DNS));
      if (a.isPresent()) return a;
    }
    for (Provider p : catalogue.providers()) {
      for (Cidr range : p.ipRanges()) {
        if (range.contains(ip)) return Optional.of(new Attributed(p.id(), "", Method.PUBLISHED_RANGE));
      }
    }
    Provider server = distinctivePorts.get(port);
    if (server != null && isInCluster(ip)) return Optional.of(new Attributed(server.id(), "", Method.MODEL_SERVER_PORT));
    return Optional.empty();
  }

  private Optional<Attributed> byHost(String host, Method method) {
    return catalogue.providerForHost(host).map(p -> new Attributed(p.id(), dev.wraith.catalogue.HostPattern.normalise(host), method));
  }

  /**
   * Ports that identify a self-hosted server on their own: claimed by exactly one self-hosted provider
   * (model server, vector DB, gateway), by no hosted API, and not a well-known port (below 1024). vLLM,
   * Triton and Chroma share 8000, so 8000 identifies nothing; Ollama's 11434 does.
   */
  private static Map<Integer, Provider> distinctivePorts(Catalogue catalogue) {
    Map<Integer, Provider> only = new HashMap<>();
    Map<Integer, Integer> claims = new HashMap<>();
    for (Provider p : catalogue.providers()) {
      for (int port : p.ports()) {
        claims.merge(port, 1, Integer::sum);
        if (p.category() != Provider.Category.LLM) only.put(port, p);
      }
    }
    only.keySet().removeIf(port -> port < 1024 || claims.get(port) > 1);
    return Map.copyOf(only);
  }

  /** Loopback, private (RFC 1918, RFC 6598 shared, IPv6 ULA) and link-local: where in-cluster Services live. */
  static boolean isInCluster(InetAddress ip) {
    if (ip.isLoopbackAddress() || ip.isSiteLocalAddress() || ip.isLinkLocalAddress()) return true;
    byte[] b = ip.getAddress();
    if (b.length == 4) return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    return (b[0] & 0xfe) == 0xfc;
  }
}

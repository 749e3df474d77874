package dev.wraith.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A destination IP:port attributed to a catalogue provider, and by which evidence.
 *
 * @param host the name that maps to the destination (the SNI, CONNECT or Host name, the resolved or pinned name), the
 *     in-cluster workload ("ai-platform/litellm") for {@link Method#CLUSTER_ADDRESS}, or "" when the evidence gives
 *     none (published range, port)
 */
public record Attributed(String providerId, String host, Method method) implements Attribution {
  public Attributed {
    if (providerId == null || host == null || method == null) throw new NullPointerException("attribution fields are never null");
  }

  /**
   * How firmly a piece of evidence names a destination. STRONG evidence names it: what the process itself asked for
   * (a name) or the cluster's own address map. WEAK evidence only says what an address usually is: an address can serve
   * many names (CDNs, proxies), so a weak attribution may be wrong.
   */
  public enum Strength {
    STRONG, WEAK;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The evidence that attributed a destination, most trusted first. The {@link #id()}s are the same in every output.
   * {@link #CLUSTER_ADDRESS} comes from the correlation (the cluster layer's Services, EndpointSlices and pod IPs), the
   * others from {@code attribution.Attributor}.
   */
  public enum Method {
    /** The server name the process sent in its TLS ClientHello. */
    SNI("sni", Strength.STRONG),
    /** The host of the {@code CONNECT host:port} line the process wrote to an HTTP proxy. */
    PROXY_CONNECT("proxy-connect", Strength.STRONG),
    /** The {@code Host:} header of a plain-HTTP request the process wrote. */
    HTTP_HOST("http-host", Strength.STRONG),
    /** A name this process, its network namespace or its pod resolved to this address, within the answer's TTL. */
    DNS_ANSWER("dns-answer", Strength.STRONG),
    /** A --resolve HOST=IP pin given by the operator. */
    PIN("pin", Strength.STRONG),
    /** The cluster's own address map: a Service ClusterIP, EndpointSlice address or pod IP of a known AI server. */
    CLUSTER_ADDRESS("cluster-address", Strength.STRONG),
    /** An /etc/hosts entry on the node or in the process's container. */
    HOSTS_FILE("hosts-file", Strength.WEAK),
    /** wraith resolved a catalogue hostname itself and got this address, within its TTL. */
    DNS_LOOKUP("dns-lookup", Strength.WEAK),
    /** The address lies in a range the provider publishes for its API. */
    PUBLISHED_RANGE("published-range", Strength.WEAK),
    /** An in-cluster (private or loopback) address on a port only one self-hosted server claims. */
    PORT("port", Strength.WEAK);

    private final String id;
    private final Strength strength;

    Method(String id, Strength strength) {
      this.id = id;
      this.strength = strength;
    }

    public String id() {
      return id;
    }

    public Strength strength() {
      return strength;
    }

    /** The method with this id; also the ids of wraith before evidence grading ("dns", "model-server-port"). */
    public static Optional<Method> byId(String id) {
      for (Method m : values()) if (m.id.equals(id)) return Optional.of(m);
      return switch (id) {
        case "dns", "dns-cache" -> Optional.of(DNS_LOOKUP);
        case "model-server-port" -> Optional.of(PORT);
        default -> Optional.empty();
      };
    }
  }

  public Strength strength() {
    return method.strength();
  }
}

package dev.wraith.model;

import java.util.Locale;

/**
 * A destination IP:port attributed to a catalogue provider, and how.
 *
 * @param host the hostname that maps to the IP, or "" when the method gives none (published range, port)
 */
public record Attributed(String providerId, String host, Method method) {
  /** How a destination was attributed, most trusted first. */
  public enum Method {
    /** A --resolve HOST=IP pin given by the operator. */
    PIN,
    /** An /etc/hosts entry on the node or in the process's container. */
    HOSTS_FILE,
    /** The IP was an answer of a forward lookup of a catalogue hostname, within its TTL. */
    DNS,
    /** The IP lies in a range the provider publishes for its API. */
    PUBLISHED_RANGE,
    /** An in-cluster (private or loopback) address on a port only one self-hosted server claims. */
    MODEL_SERVER_PORT;

    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}

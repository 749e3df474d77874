package dev.wraith.model;

/**
 * An address and a port as people and URLs write them: {@code 10.0.0.9:443}, {@code [2606:4700::6810:84e5]:443} (an
 * IPv6 literal in brackets, so its colons are not read as the port's).
 */
public record HostPort(String host, int port) {
  /** The host as it stands before {@code :port} in text and URLs: an IPv6 literal in brackets, anything else as is. */
  public static String bracketed(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  @Override
  public String toString() {
    return bracketed(host) + ":" + port;
  }
}

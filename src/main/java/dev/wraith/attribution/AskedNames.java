package dev.wraith.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The names a process itself asked for on one connection, each normalised (lower case, no trailing dot, no port):
 * the TLS ClientHello's server name, the host of an HTTP {@code CONNECT host:port} line (egress proxies), the
 * {@code Host:} header of a plain-HTTP request, and the names this process, its network namespace or its pod resolved
 * to the destination address within the answers' TTL (most recent first; see {@link DnsAnswers#namesFor}). IP literals
 * name nothing and are dropped; so are empty and overlong values.
 */
public record AskedNames(Optional<String> sni, Optional<String> proxyConnect, Optional<String> httpHost,
    List<String> dnsAnswers) {
  /** Nothing asked for: attribution falls back to the address. */
  public static final AskedNames NONE = new AskedNames(Optional.empty(), Optional.empty(), Optional.empty(), List.of());

  private static final int MAX_NAME = 253;

  public AskedNames {
    sni = sni.flatMap(AskedNames::name);
    proxyConnect = proxyConnect.flatMap(AskedNames::authorityHost).flatMap(AskedNames::name);
    httpHost = httpHost.flatMap(AskedNames::authorityHost).flatMap(AskedNames::name);
    List<String> names = new ArrayList<>();
    for (String d : dnsAnswers) name(d).filter(n -> !names.contains(n)).ifPresent(names::add);
    dnsAnswers = List.copyOf(names);
  }

  public static AskedNames sni(String serverName) {
    return new AskedNames(Optional.of(serverName), Optional.empty(), Optional.empty(), List.of());
  }

  /**
   * What a proxy client asked for.
   *
   * @param authority the target of a {@code CONNECT} line: {@code host:port} or {@code [v6]:port}
   */
  public static AskedNames proxyConnect(String authority) {
    return new AskedNames(Optional.empty(), Optional.of(authority), Optional.empty(), List.of());
  }

  /**
   * What a plain-HTTP client asked for.
   *
   * @param hostHeader the value of a {@code Host:} header, with or without a port
   */
  public static AskedNames httpHost(String hostHeader) {
    return new AskedNames(Optional.empty(), Optional.empty(), Optional.of(hostHeader), List.of());
  }

  public static AskedNames dnsAnswers(List<String> names) {
    return new AskedNames(Optional.empty(), Optional.empty(), Optional.empty(), names);
  }

  public boolean isEmpty() {
    return sni.isEmpty() && proxyConnect.isEmpty() && httpHost.isEmpty() && dnsAnswers.isEmpty();
  }

  /** "host:443" → "host"; "[::1]:443" → "::1" (then dropped as a literal); a bare host is kept. */
  static Optional<String> authorityHost(String authority) {
    String a = authority.trim();
    if (a.startsWith("[")) {
      int close = a.indexOf(']');
      return close < 0 ? Optional.empty() : Optional.of(a.substring(1, close));
    }
    int colon = a.indexOf(':');
    if (colon >= 0 && colon == a.lastIndexOf(':')) a = a.substring(0, colon);
    return Optional.of(a);
  }

  /** A DNS name, normalised; empty for IP literals, blanks, overlong values and anything with other characters. */
  static Optional<String> name(String raw) {
    String n = raw.trim().toLowerCase(Locale.ROOT);
    if (n.endsWith(".")) n = n.substring(0, n.length() - 1);
    if (n.isEmpty() || n.length() > MAX_NAME || !n.matches("[a-z0-9_.-]+") || n.matches("[0-9.]+")) return Optional.empty();
    return Optional.of(n);
  }
}

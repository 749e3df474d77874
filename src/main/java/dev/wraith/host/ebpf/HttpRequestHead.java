package dev.wraith.host.ebpf;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an HTTP/1 request line and its Host header from a connection's first bytes: {@code CONNECT host:port}
 * (an egress proxy's tunnel) or a method, Host and path. Every other header, the query string and the body are
 * skipped without being kept.
 */
final class HttpRequestHead {
  private static final int MAX_LINE = 4096;

  private HttpRequestHead() {}

  /** The request's name, or empty when the bytes do not start with an HTTP/1 request line. */
  static Optional<RequestName> parse(byte[] b, int len) {
    int eol = lineEnd(b, 0, len);
    if (eol < 0) {
      return startsWithMethod(b, len) ? Optional.of(new RequestName.None("HTTP request line cut short")) : Optional.empty();
    }
    String[] parts = ascii(b, 0, eol).split(" ", -1);
    if (parts.length != 3 || !method(parts[0]) || !parts[2].startsWith("HTTP/1.")) return Optional.empty();
    String method = parts[0];
    if (method.equals("CONNECT")) return Optional.of(connect(parts[1]));
    Optional<String> host = hostHeader(b, next(b, eol), len);
    return Optional.of(request(method, parts[1], host));
  }

  private static RequestName connect(String authority) {
    int colon = authority.lastIndexOf(':');
    if (colon <= 0 || colon == authority.length() - 1) return new RequestName.None("CONNECT target without a port");
    Optional<String> host = RequestNames.hostname(authority.substring(0, colon));
    int port = port(authority.substring(colon + 1));
    if (host.isEmpty() || port <= 0) return new RequestName.None("CONNECT target that is not host:port");
    return new RequestName.ProxyConnect(host.get(), port);
  }

  private static RequestName request(String method, String target, Optional<String> hostHeader) {
    String host = hostHeader.orElse("");
    String path = target;
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) { // absolute form, as sent to a plain proxy
      String rest = target.substring(target.indexOf("//") + 2);
      int slash = firstOf(rest, "/?#");
      String authority = slash < 0 ? rest : rest.substring(0, slash);
      path = slash < 0 ? "/" : rest.substring(slash);
      if (host.isEmpty()) host = withoutPort(authority).flatMap(RequestNames::hostname).orElse("");
    }
    int cut = firstOf(path, "?#");
    if (cut >= 0) path = path.substring(0, cut);
    if (path.length() > RequestNames.MAX_PATH) path = path.substring(0, RequestNames.MAX_PATH);
    if (!path.chars().allMatch(c -> c > 0x20 && c < 0x7f)) return new RequestName.None("HTTP request target that is not printable");
    return new RequestName.HttpRequest(method, host, path);
  }

  /** The Host header's host (without port), read only from complete lines before the blank line. */
  private static Optional<String> hostHeader(byte[] b, int from, int len) {
    for (int start = from; start < len; ) {
      int eol = lineEnd(b, start, len);
      if (eol < 0 || eol == start) return Optional.empty(); // cut short, or the end of the head
      if (eol - start > 5 && ascii(b, start, start + 5).equalsIgnoreCase("host:")) {
        return withoutPort(ascii(b, start + 5, eol).trim()).flatMap(RequestNames::hostname);
      }
      start = next(b, eol);
    }
    return Optional.empty();
  }

  private static Optional<String> withoutPort(String hostPort) {
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      return close < 0 ? Optional.empty() : Optional.of(hostPort.substring(0, close + 1));
    }
    int colon = hostPort.indexOf(':');
    if (colon < 0) return Optional.of(hostPort);
    return port(hostPort.substring(colon + 1)) > 0 ? Optional.of(hostPort.substring(0, colon)) : Optional.empty();
  }

  private static int port(String s) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(Character::isDigit)) return -1;
    int p = Integer.parseInt(s);
    return p >= 1 && p <= 65535 ? p : -1;
  }

  /** Index of the '\n' (or of the '\r' before it) ending the line at {@code from}, or -1 if not within len. */
  private static int lineEnd(byte[] b, int from, int len) {
    int stop = Math.min(len, from + MAX_LINE);
    for (int i = from; i < stop; i++) {
      if (b[i] == '\n') return i > from && b[i - 1] == '\r' ? i - 1 : i;
    }
    return -1;
  }

  private static int next(byte[] b, int eol) {
    return b[eol] == '\r' ? eol + 2 : eol + 1;
  }

  private static boolean startsWithMethod(byte[] b, int len) {
    int sp = -1;
    for (int i = 0; i < Math.min(len, 13); i++) if (b[i] == ' ') { sp = i; break; }
    return sp > 0 && method(ascii(b, 0, sp));
  }

  /** A method token as clients send them: 3 to 12 capital letters (GET, POST, CONNECT, PROPFIND, ...). */
  private static boolean method(String s) {
    if (s.length() < 3 || s.length() > 12) return false;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) < 'A' || s.charAt(i) > 'Z') return false;
    return true;
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
    return -1;
  }

  private static String ascii(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }
}

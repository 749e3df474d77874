package dev.wraith.host.ebpf;

import java.util.Locale;
import java.util.Optional;

/**
 * Reduces the first bytes a process wrote on a connection to a {@link RequestName}: a TLS ClientHello's SNI,
 * an HTTP CONNECT target, or a plain-HTTP request's method, Host and path. The bytes are read here and
 * dropped; nothing else of them is returned.
 */
public final class RequestNames {
  /** The longest path kept of a plain-HTTP request; longer ones are cut. */
  public static final int MAX_PATH = 256;

  private RequestNames() {}

  /** What {@code len} captured bytes of a first write name. */
  public static RequestName of(byte[] bytes, int len) {
    int n = Math.max(0, Math.min(len, bytes.length));
    if (n == 0) return new RequestName.None("no bytes written");
    if (TlsClientHello.looksLikeTls(bytes, n)) return TlsClientHello.parse(bytes, n);
    return HttpRequestHead.parse(bytes, n).orElse(new RequestName.None("not TLS or HTTP/1"));
  }

  /**
   * {@code s} as a hostname or IP literal, lower case, without a trailing dot; empty when it is neither
   * (so a hostile name with control characters, spaces or markup never reaches a report). Labels of letters,
   * digits, '-' and '_', 1 to 63 long, not starting with '-'; an IPv6 literal in brackets.
   */
  static Optional<String> hostname(String s) {
    String h = s.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
    if (h.isEmpty() || h.length() > 253) return Optional.empty();
    if (h.charAt(0) == '[') return v6Literal(h) ? Optional.of(h) : Optional.empty();
    int label = 0;
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      if (c == '.') {
        if (label == 0) return Optional.empty();
        label = 0;
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (c == '-' && label > 0)) {
        if (++label > 63) return Optional.empty();
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(h);
  }

  private static boolean v6Literal(String h) {
    if (h.length() < 4 || h.length() > 47 || !h.endsWith("]") || h.indexOf(':') < 0) return false;
    for (int i = 1; i < h.length() - 1; i++) {
      char c = h.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.')) return false;
    }
    return true;
  }
}

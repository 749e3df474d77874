package dev.wraith.host.ebpf;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reduces the first bytes a process wrote on a connection to a {@link RequestName}: a TLS ClientHello's SNI,
 * an HTTP CONNECT target, or a plain-HTTP request's method, Host and path. The bytes are read here and
 * dropped; nothing else of them is returned.
 */
public final class RequestNames {
  /** The longest path kept of a plain-HTTP request; longer ones are cut. */
  public static final int MAX_PATH = 256;

  private static final Pattern NAME = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,62})(\\.[a-z0-9_]([a-z0-9_-]{0,62}))*");
  private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern V6 = Pattern.compile("[0-9a-f:.]{2,45}");

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
   * (so a hostile name with control characters, spaces or markup never reaches a report).
   */
  static Optional<String> hostname(String s) {
    String h = s.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
    if (h.isEmpty() || h.length() > 253) return Optional.empty();
    if (h.startsWith("[") && h.endsWith("]")) {
      return V6.matcher(h.substring(1, h.length() - 1)).matches() && h.contains(":") ? Optional.of(h) : Optional.empty();
    }
    if (V4.matcher(h).matches() || NAME.matcher(h).matches()) return Optional.of(h);
    return Optional.empty();
  }
}

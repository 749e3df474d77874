package dev.wraith.attribution;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An operator's {@code --resolve HOST=IP[:PORT]}: connections to IP (on PORT, or any port when absent) are
 * to HOST. IPv6 with a port is written {@code [::1]:443}. Parsed without DNS.
 */
public record Pin(String host, InetAddress ip, int port) {
  public static Pin parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) throw new IllegalArgumentException("expected HOST=IP[:PORT], got '" + text + "'");
    String host = text.substring(0, eq).trim();
    String addr = text.substring(eq + 1).trim();
    int port = 0;
    if (addr.startsWith("[")) {
      int close = addr.indexOf(']');
      if (close < 0) throw new IllegalArgumentException("unclosed '[' in '" + text + "'");
      if (close + 1 < addr.length()) port = parsePort(addr.substring(close + 1), text);
      addr = addr.substring(1, close);
    } else if (addr.indexOf(':') >= 0 && addr.indexOf(':') == addr.lastIndexOf(':')) {
      port = parsePort(addr.substring(addr.indexOf(':')), text);
      addr = addr.substring(0, addr.indexOf(':'));
    }
    return new Pin(host, literal(addr, text), port);
  }

  /** True when this pin covers a connection to ip:port. */
  public boolean covers(InetAddress address, int destPort) {
    return ip.equals(address) && (port == 0 || port == destPort);
  }

  private static int parsePort(String colonPort, String text) {
    if (!colonPort.matches(":[0-9]{1,5}")) throw new IllegalArgumentException("bad port in '" + text + "'");
    int p = Integer.parseInt(colonPort.substring(1));
    if (p < 1 || p > 65535) throw new IllegalArgumentException("port out of range in '" + text + "'");
    return p;
  }

  /**
   * An IP literal only: InetAddress.getByName would otherwise do a DNS lookup for a name. Throws
   * {@link IllegalArgumentException} naming {@code context} for anything else.
   */
  public static InetAddress literal(String addr, String context) {
    if (!addr.matches("[0-9a-fA-F:.]+") || addr.isEmpty()) {
      throw new IllegalArgumentException("not an IP address in '" + context + "'");
    }
    try {
      return InetAddress.getByName(addr);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address in '" + context + "'");
    }
  }
}

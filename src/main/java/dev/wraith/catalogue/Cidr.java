package dev.wraith.catalogue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 CIDR block, parsed without DNS. */
public record Cidr(String text, byte[] network, int prefix) {
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) throw new IllegalArgumentException("CIDR needs a /prefix: '" + text + "'");
    String addr = text.substring(0, slash);
    if (!addr.matches("[0-9a-fA-F:.]+")) throw new IllegalArgumentException("not an IP address: '" + text + "'");
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(addr).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: '" + text + "'");
    }
    int prefix;
    try {
      prefix = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad prefix in '" + text + "'");
    }
    if (prefix < 0 || prefix > bytes.length * 8) throw new IllegalArgumentException("prefix out of range in '" + text + "'");
    return new Cidr(text, bytes, prefix);
  }

  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length != network.length) return false;
    BigInteger mask = BigInteger.ONE.shiftLeft(a.length * 8).subtract(BigInteger.ONE)
        .shiftRight(prefix).not();
    BigInteger x = new BigInteger(1, a).and(mask);
    BigInteger n = new BigInteger(1, network).and(mask);
    return x.equals(n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}

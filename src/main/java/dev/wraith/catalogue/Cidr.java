package dev.wraith.catalogue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 CIDR block, parsed without DNS. {@code addressBytes} is 4 or 16; {@code network} is the address with
 * its host bits cleared. Equal when the text is.
 */
public record Cidr(String text, int addressBytes, BigInteger network, int prefix) {
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
    return new Cidr(text, bytes.length, new BigInteger(1, bytes).and(mask(bytes.length, prefix)), prefix);
  }

  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length != addressBytes) return false;
    return new BigInteger(1, a).and(mask(addressBytes, prefix)).equals(network);
  }

  private static BigInteger mask(int addressBytes, int prefix) {
    return BigInteger.ONE.shiftLeft(addressBytes * 8).subtract(BigInteger.ONE).shiftRight(prefix).not();
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

package dev.wraith.host.ebpf;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address and port. {@code ip} is Java's canonical text ({@link InetAddress#getHostAddress()}): an
 * IPv4-mapped IPv6 address reads as the IPv4 address, so a dual-stack socket's peer compares equal to the
 * address a DNS A record gave.
 */
public record Endpoint(String ip, int port) {
  public static final Endpoint NONE = new Endpoint("", 0);

  /** From 4 or 16 address bytes (network order). IPv4 is formatted here: it is most of a busy node's traffic. */
  static Endpoint of(byte[] address, int port) {
    if (address.length == 4) {
      return new Endpoint((address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff), port);
    }
    try {
      return new Endpoint(InetAddress.getByAddress(address).getHostAddress(), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("address of " + address.length + " bytes", e);
    }
  }
}

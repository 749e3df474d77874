package dev.wraith.host;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses /proc/net/tcp and tcp6. Addresses are the kernel's 32-bit words printed with %08X in host byte
 * order; on the little-endian hosts wraith supports each word's bytes are reversed ("0100007F" is
 * 127.0.0.1). Ports are plain host-order hex. Malformed rows are skipped, counted by the caller.
 */
final class TcpTable {
  private TcpTable() {}

  static List<TcpRow> parse(String text) {
    List<TcpRow> rows = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 1; i < lines.length; i++) {
      TcpRow row = parseRow(lines[i]);
      if (row != null) rows.add(row);
    }
    return rows;
  }

  /** One row, or null when it is not a socket row. */
  static TcpRow parseRow(String line) {
    String[] f = line.trim().split("\\s+", -1);
    if (f.length < 10 || !f[0].endsWith(":")) return null;
    try {
      String[] local = f[1].split(":", -1);
      String[] remote = f[2].split(":", -1);
      return new TcpRow(address(local[0]), Integer.parseInt(local[1], 16), address(remote[0]),
          Integer.parseInt(remote[1], 16), Integer.parseInt(f[3], 16), Integer.parseInt(f[7]), Long.parseLong(f[9]));
    } catch (RuntimeException | UnknownHostException e) {
      return null;
    }
  }

  /** 8 hex digits (IPv4) or 32 (IPv6), each 32-bit word byte-reversed. */
  static InetAddress address(String hex) throws UnknownHostException {
    if (hex.length() != 8 && hex.length() != 32) throw new IllegalArgumentException("bad address " + hex);
    byte[] b = new byte[hex.length() / 2];
    for (int w = 0; w < hex.length() / 8; w++) {
      int word = Integer.reverseBytes(Integer.parseUnsignedInt(hex.substring(w * 8, w * 8 + 8), 16));
      b[w * 4] = (byte) (word >>> 24);
      b[w * 4 + 1] = (byte) (word >>> 16);
      b[w * 4 + 2] = (byte) (word >>> 8);
      b[w * 4 + 3] = (byte) word;
    }
    return InetAddress.getByAddress(b);
  }
}

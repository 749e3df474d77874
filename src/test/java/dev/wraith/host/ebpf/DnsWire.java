package dev.wraith.host.ebpf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Builds DNS responses on the wire for tests, with name compression as servers write it. */
final class DnsWire {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Map<String, Integer> names = new HashMap<>();

  /** A response header: id, flags (QR set, RD/RA), rcode, one question, {@code answers} answer records. */
  static DnsWire response(int id, int rcode, int answers) {
    DnsWire w = new DnsWire();
    w.u16(id).u16(0x8180 | rcode).u16(1).u16(answers).u16(0).u16(0);
    return w;
  }

  DnsWire question(String name, int type) {
    return name(name).u16(type).u16(1);
  }

  DnsWire a(String owner, long ttl, int... octets) {
    name(owner).u16(1).u16(1).u32(ttl).u16(4);
    for (int o : octets) out.write(o);
    return this;
  }

  DnsWire aaaa(String owner, long ttl, byte[] address) {
    name(owner).u16(28).u16(1).u32(ttl).u16(16);
    out.writeBytes(address);
    return this;
  }

  DnsWire cname(String owner, long ttl, String target) {
    name(owner).u16(5).u16(1).u32(ttl);
    int lenAt = out.size();
    u16(0);
    int start = out.size();
    name(target);
    byte[] b = out.toByteArray();
    int len = out.size() - start;
    b[lenAt] = (byte) (len >> 8);
    b[lenAt + 1] = (byte) len;
    out.reset();
    out.writeBytes(b);
    return this;
  }

  DnsWire raw(int... bytes) {
    for (int b : bytes) out.write(b);
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  /** With the 2-byte length prefix of DNS over TCP. */
  byte[] tcp() {
    byte[] m = bytes();
    byte[] t = new byte[m.length + 2];
    t[0] = (byte) (m.length >> 8);
    t[1] = (byte) m.length;
    System.arraycopy(m, 0, t, 2, m.length);
    return t;
  }

  /** A name, compressed against the names written before (suffix by suffix). */
  DnsWire name(String name) {
    String rest = name;
    while (!rest.isEmpty()) {
      Integer at = names.get(rest);
      if (at != null) return u16(0xc000 | at);
      names.put(rest, out.size());
      int dot = rest.indexOf('.');
      String label = dot < 0 ? rest : rest.substring(0, dot);
      out.write(label.length());
      out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
      rest = dot < 0 ? "" : rest.substring(dot + 1);
    }
    out.write(0);
    return this;
  }

  private DnsWire u16(int v) {
    out.write(v >> 8 & 0xff);
    out.write(v & 0xff);
    return this;
  }

  private DnsWire u32(long v) {
    return u16((int) (v >> 16 & 0xffff)).u16((int) (v & 0xffff));
  }
}

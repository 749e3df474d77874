package dev.wraith.host.ebpf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a DNS response (RFC 1035 4.1) from the bytes a process received: header, the first question, and the
 * answer section's A, AAAA and CNAME records, following the CNAME chain from the question. Compression pointers
 * are followed at most {@link #MAX_JUMPS} times and only within the captured bytes; a message cut short keeps
 * the records before the cut. Anything that is not a response, or whose question is unreadable, is empty.
 */
final class DnsParser {
  static final int MAX_JUMPS = 16, MAX_ANSWERS = 64, MAX_CHAIN = 16;
  private static final int A = 1, CNAME = 5, AAAA = 28, IN = 1;

  private DnsParser() {}

  /** @param tcp the bytes came from a TCP socket: they may start with the 2-byte message length */
  static Optional<DnsMessage> parse(byte[] b, int len, boolean tcp) {
    int n = Math.max(0, Math.min(len, b.length));
    if (tcp && n >= 2 && (((b[0] & 0xff) << 8) | (b[1] & 0xff)) >= n - 2 && n > 2) {
      Optional<DnsMessage> framed = parseAt(b, 2, n);
      if (framed.isPresent()) return framed;
    }
    return parseAt(b, 0, n);
  }

  private record Rr(String owner, int type, long ttl, String value) {}

  private static Optional<DnsMessage> parseAt(byte[] b, int base, int end) {
    Cursor c = new Cursor(b, base, end);
    String question;
    int rcode;
    int answers;
    try {
      c.skip(2);
      int flags = c.u16();
      if ((flags & 0x8000) == 0 || (flags >> 11 & 0xf) != 0) return Optional.empty(); // a query, or not QUERY
      rcode = flags & 0xf;
      int qd = c.u16();
      answers = c.u16();
      c.skip(4);
      if (qd != 1) return Optional.empty();
      question = name(b, base, end, c);
      c.skip(4);
    } catch (Cursor.CutShort e) {
      return Optional.empty();
    }
    if (question == null || question.isEmpty()) return Optional.empty();
    List<Rr> rrs = records(b, base, end, c, Math.min(answers, MAX_ANSWERS));
    return Optional.of(follow(question, rcode, rrs));
  }

  /** The answer records before the first one cut short or unreadable. */
  private static List<Rr> records(byte[] b, int base, int end, Cursor c, int count) {
    List<Rr> out = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        String owner = name(b, base, end, c);
        int type = c.u16(), cls = c.u16();
        long ttl = c.u32();
        if (ttl > Integer.MAX_VALUE) ttl = 0; // RFC 2181 8: the top bit set means zero
        Cursor rdata = c.sub(c.u16());
        if (owner == null || cls != IN) continue;
        String value = switch (type) {
          case A -> rdata.remaining() == 4 ? address(rdata.take(4)) : null;
          case AAAA -> rdata.remaining() == 16 ? address(rdata.take(16)) : null;
          case CNAME -> name(b, base, end, rdata);
          default -> null;
        };
        if (value != null) out.add(new Rr(owner, type, ttl, value));
      }
    } catch (Cursor.CutShort e) {
      // cut short: the records read so far stand
    }
    return out;
  }

  private static DnsMessage follow(String question, int rcode, List<Rr> rrs) {
    Map<String, Rr> cname = new HashMap<>();
    for (Rr r : rrs) if (r.type() == CNAME) cname.putIfAbsent(r.owner(), r);
    List<String> chain = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    Map<String, Long> ttlTo = new HashMap<>();
    String at = question;
    long ttl = Long.MAX_VALUE;
    for (int i = 0; i <= MAX_CHAIN && names.add(at); i++) {
      ttlTo.put(at, ttl);
      Rr next = cname.get(at);
      if (next == null) break;
      ttl = Math.min(ttl, next.ttl());
      at = next.value();
      chain.add(at);
    }
    List<DnsMessage.Address> addresses = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Rr r : rrs) {
      if (r.type() == CNAME || !ttlTo.containsKey(r.owner()) || !seen.add(r.value())) continue;
      addresses.add(new DnsMessage.Address(r.value(), Math.min(ttlTo.get(r.owner()), r.ttl())));
    }
    return new DnsMessage(question, rcode, chain, addresses);
  }

  /**
   * A (possibly compressed) name starting at the cursor, which ends up after the name's in-place part; null when
   * the name is not a hostname. Pointers may only go backwards in the message, at most {@link #MAX_JUMPS} times.
   */
  private static String name(byte[] b, int base, int end, Cursor c) throws Cursor.CutShort {
    StringBuilder out = new StringBuilder();
    Cursor at = c;
    int jumps = 0, limit = c.pos();
    while (true) {
      int len = at.u8();
      if (len == 0) break;
      if ((len & 0xc0) == 0xc0) {
        int target = base + ((len & 0x3f) << 8 | at.u8());
        if (++jumps > MAX_JUMPS || target >= limit) throw new Cursor.CutShort();
        limit = target;
        at = new Cursor(b, target, end);
        continue;
      }
      if ((len & 0xc0) != 0) throw new Cursor.CutShort();
      if (out.length() > 0) out.append('.');
      out.append(new String(at.take(len), StandardCharsets.ISO_8859_1));
      if (out.length() > 255) throw new Cursor.CutShort();
    }
    return out.length() == 0 ? "" : RequestNames.hostname(out.toString()).orElse(null);
  }

  private static String address(byte[] raw) {
    try {
      return InetAddress.getByAddress(raw).getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}

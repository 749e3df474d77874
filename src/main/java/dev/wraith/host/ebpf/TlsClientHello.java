package dev.wraith.host.ebpf;

import java.nio.charset.StandardCharsets;

/**
 * Reads the server_name of a TLS ClientHello (RFC 8446 4.1.2, RFC 6066 3) from the first bytes written on a
 * connection, and nothing else of it. Lengths are trusted only as far as the captured bytes go; a hello cut
 * before its server_name extension says so.
 */
final class TlsClientHello {
  private static final int HANDSHAKE = 22, CLIENT_HELLO = 1, SERVER_NAME = 0, HOST_NAME = 0;

  private TlsClientHello() {}

  /** Whether the bytes start like a TLS handshake record (content type 22, version 3.x). */
  static boolean looksLikeTls(byte[] b, int len) {
    return len >= 3 && (b[0] & 0xff) == HANDSHAKE && b[1] == 3 && (b[2] & 0xff) <= 4;
  }

  static RequestName parse(byte[] b, int len) {
    Cursor record = new Cursor(b, 0, len);
    try {
      record.skip(3);
      Cursor hs = record.clipped(record.u16());
      if (hs.u8() != CLIENT_HELLO) return new RequestName.None("TLS handshake that is not a ClientHello");
      Cursor hello = hs.clipped(hs.u24());
      hello.skip(2 + 32);               // legacy_version, random
      hello.skip(hello.u8());           // legacy_session_id
      hello.skip(hello.u16());          // cipher_suites
      hello.skip(hello.u8());           // legacy_compression_methods
      if (hello.remaining() == 0) return new RequestName.None("TLS ClientHello without extensions");
      Cursor exts = hello.clipped(hello.u16());
      while (exts.remaining() > 0) {
        int type = exts.u16();
        int n = exts.u16();
        if (type == SERVER_NAME) return serverName(exts.sub(n));
        exts.skip(n);
      }
      return new RequestName.None("TLS ClientHello without server_name");
    } catch (Cursor.CutShort e) {
      return new RequestName.None("TLS ClientHello cut at " + len + " bytes before its server_name");
    }
  }

  private static RequestName serverName(Cursor ext) throws Cursor.CutShort {
    Cursor list = ext.sub(ext.u16());
    while (list.remaining() > 0) {
      int type = list.u8();
      byte[] name = list.take(list.u16());
      if (type != HOST_NAME) continue;
      String host = new String(name, StandardCharsets.ISO_8859_1);
      return RequestNames.hostname(host).<RequestName>map(RequestName.Sni::new)
          .orElse(new RequestName.None("TLS server_name that is not a hostname"));
    }
    return new RequestName.None("TLS server_name extension without a host name");
  }
}

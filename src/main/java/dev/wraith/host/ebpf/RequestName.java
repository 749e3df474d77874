package dev.wraith.host.ebpf;

/**
 * What the first bytes a process wrote on a connection say about where it meant to go. Only these fields are
 * ever kept of a payload: never a body, never a header other than Host, never a query string.
 */
public sealed interface RequestName {
  /** The server_name of a TLS ClientHello, lower case. */
  record Sni(String host) implements RequestName {}

  /** An HTTP {@code CONNECT host:port} line: the client asks a proxy for a tunnel to host. */
  record ProxyConnect(String host, int port) implements RequestName {}

  /**
   * A plain-HTTP request head: method, the Host header ("" when absent; an absolute-form target's host when
   * there is no header) and the path without query or fragment, at most {@link RequestNames#MAX_PATH} characters.
   */
  record HttpRequest(String method, String host, String path) implements RequestName {}

  /** Nothing recognised; {@code why} says what was seen ("no bytes written", "not TLS or HTTP", ...). */
  record None(String why) implements RequestName {}
}

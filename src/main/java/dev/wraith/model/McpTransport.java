package dev.wraith.model;

import java.util.Locale;

/** How a client reaches the server. */
public enum McpTransport {
  STDIO, HTTP, SSE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package dev.wraith.model;

/** A server, its publisher verdict and, when {@code --probe} asked for it, what its probe saw. */
public record McpFinding(McpServer server, McpVerdict verdict, McpProbe probe) {
  public McpFinding {
    if (server == null || verdict == null || probe == null) throw new NullPointerException("finding fields are never null");
  }

  /** A finding that was not probed. */
  public McpFinding(McpServer server, McpVerdict verdict) {
    this(server, verdict, McpProbe.NOT_PROBED);
  }

  public McpFinding withProbe(McpProbe p) {
    return new McpFinding(server, verdict, p);
  }
}

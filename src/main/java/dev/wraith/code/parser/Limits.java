package dev.wraith.code.parser;

/**
 * Bounds on one parse. A parse that runs longer than {@code timeoutMillis} is cancelled and yields no tree; the
 * table keeps nodes down to {@code maxDepth} (the root is depth 0) and at most {@code maxNodes} nodes, and marks
 * the nodes whose children it dropped. Together they bound the time and memory any input can cost.
 */
public record Limits(int maxDepth, int maxNodes, long timeoutMillis) {
  /** The child count shares a word with the flags in the table: 24 bits. */
  static final int MAX_NODES = (1 << 24) - 1;

  /**
   * wraith's defaults: real code nests far less than 400 levels (the deepest file of a Python install, a
   * TypeScript compiler and vercel/ai is under 150); 4 million nodes is more than a 4 MiB file of ordinary
   * code has; 10 s is over 100× what such a file takes to parse.
   */
  public static final Limits DEFAULT = new Limits(400, 4_000_000, 10_000);

  public Limits {
    if (maxDepth < 1 || maxNodes < 1 || maxNodes > MAX_NODES || timeoutMillis < 1) {
      throw new IllegalArgumentException("bad parse limits: depth " + maxDepth + ", nodes " + maxNodes + ", ms " + timeoutMillis);
    }
  }
}

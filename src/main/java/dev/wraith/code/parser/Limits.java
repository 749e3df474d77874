package dev.wraith.code.parser;

/**
 * Bounds on one parse, so that no input costs unbounded time or memory:
 *
 * <ul>
 *   <li>{@code maxBrackets}: a region of (), [] or {} opening deeper than this is blanked before parsing (its
 *       bytes become spaces, newlines stay), since tree-sitter's memory grows with bracket depth;
 *   <li>{@code timeoutMillis}: a longer parse is cancelled and yields no tree;
 *   <li>{@code maxDepth}, {@code maxNodes}: the table keeps nodes down to this depth (the root is 0) and at most
 *       this many nodes, and marks the nodes whose children it dropped.
 * </ul>
 */
public record Limits(int maxBrackets, int maxDepth, int maxNodes, long timeoutMillis) {
  /** The child count shares a word with the flags in the table: 24 bits. */
  static final int MAX_NODES = (1 << 24) - 1;

  /**
   * wraith's defaults. Measured: the deepest syntax tree in a Python 3.11 install is 808 levels (CPython's
   * test_exceptions.py, which nests on purpose), in vercel/ai's examples 63; brackets nest at most 206 levels
   * there even counting those inside strings, 32 in the examples. 4 million nodes is more than a 4 MiB file of
   * ordinary code has; 10 s is over 50 times what the slowest such file takes to parse.
   */
  public static final Limits DEFAULT = new Limits(256, 1000, 4_000_000, 10_000);

  public Limits {
    if (maxBrackets < 1 || maxDepth < 1 || maxNodes < 1 || maxNodes > MAX_NODES || timeoutMillis < 1) {
      throw new IllegalArgumentException("bad parse limits: brackets " + maxBrackets + ", depth " + maxDepth + ", nodes "
          + maxNodes + ", ms " + timeoutMillis);
    }
  }
}

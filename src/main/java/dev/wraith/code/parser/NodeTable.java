package dev.wraith.code.parser;

/**
 * A parsed file as one flat table: every node in pre-order (document order), {@code 0} the root. A node's
 * subtree is the index range {@code [n, end(n))}: its first child is {@code n + 1} when it has children, and the
 * next sibling of a child {@code c} is {@code end(c)} while that is below its parent's end. Positions are
 * 0-based UTF-8 byte offsets, rows and byte columns.
 *
 * <p>The layout is the native library's (src/main/c/wraith_ts.c): {@link #HEADER} words, then {@link #STRIDE}
 * words per node. The fallback backend builds the same table. Immutable once built; thread-safe to read.
 */
public final class NodeTable {
  static final int HEADER = 4, STRIDE = 8;

  /** Status bits: the parse ran out of time and produced no tree. */
  public static final int TIMED_OUT = 1;
  /** Status bits: nodes deeper than the depth limit were dropped. */
  public static final int DEPTH_LIMIT = 2;
  /** Status bits: nodes beyond the node limit were dropped. */
  public static final int NODE_LIMIT = 4;
  /** Status bits: the parser recovered from syntax errors somewhere in the tree. */
  public static final int SYNTAX_ERRORS = 8;
  /** Status bits: the native side ran out of memory; no tree. */
  public static final int NO_MEMORY = 16;
  /** Status bits: the parser could not run (no grammar, bad arguments); no tree. */
  public static final int FAILED = 32;
  /** Status bits: brackets nested deeper than the bracket limit were blanked before parsing. */
  public static final int NESTING_CUT = 64;

  static final int NAMED = 1, MISSING = 2, EXTRA = 4, ERROR = 8, HAS_ERROR = 16, TRUNCATED = 32;

  private final int[] w;
  private final Vocabulary vocabulary;

  NodeTable(int[] words, Vocabulary vocabulary) {
    if (words.length < HEADER || (words.length - HEADER) % STRIDE != 0 || words[1] != (words.length - HEADER) / STRIDE) {
      throw new IllegalStateException("malformed node table of " + words.length + " words");
    }
    this.w = words;
    this.vocabulary = vocabulary;
  }

  public int status() {
    return w[0];
  }

  /** How many nodes the table holds; 0 when the parse produced no tree. */
  public int size() {
    return w[1];
  }

  /** The depth of the deepest node kept (the root is 0). */
  public int deepest() {
    return w[2];
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The node's type name (interned). */
  public String type(int n) {
    return vocabulary.type(word(n, 0) & 0xffff);
  }

  /** The field id under which the node sits in its parent, 0 for none. */
  public int field(int n) {
    return word(n, 0) >>> 16;
  }

  public boolean isNamed(int n) {
    return flag(n, NAMED);
  }

  public boolean isMissing(int n) {
    return flag(n, MISSING);
  }

  public boolean isExtra(int n) {
    return flag(n, EXTRA);
  }

  /** True for an ERROR node (the parser's recovery), false for a node that merely contains one. */
  public boolean isError(int n) {
    return flag(n, ERROR);
  }

  public boolean hasError(int n) {
    return flag(n, HAS_ERROR);
  }

  /** True when the node had children that the depth or node limit dropped. */
  public boolean isTruncated(int n) {
    return flag(n, TRUNCATED);
  }

  private boolean flag(int n, int bit) {
    return (word(n, 1) & bit) != 0;
  }

  public int childCount(int n) {
    return word(n, 1) >>> 8;
  }

  /** The parent's index, -1 for the root. */
  public int parent(int n) {
    return word(n, 2);
  }

  /** The index just past the node's subtree. */
  public int end(int n) {
    return word(n, 3);
  }

  public int startByte(int n) {
    return word(n, 4);
  }

  public int endByte(int n) {
    return word(n, 5);
  }

  public int row(int n) {
    return word(n, 6);
  }

  public int column(int n) {
    return word(n, 7);
  }

  /** Word {@code i} (0 to {@link #STRIDE} - 1) of node {@code n}'s record. */
  private int word(int n, int i) {
    return w[HEADER + n * STRIDE + i];
  }

  /** A table with no nodes and only a status (timed out, failed). */
  static NodeTable empty(int status, Vocabulary vocabulary) {
    return new NodeTable(new int[] {status, 0, 0, 0}, vocabulary);
  }

  /** The raw words, for tests that compare backends. */
  int[] words() {
    return w.clone();
  }
}

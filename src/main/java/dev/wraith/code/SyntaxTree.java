package dev.wraith.code;

import dev.wraith.code.parser.Grammar;
import dev.wraith.code.parser.Limits;
import dev.wraith.code.parser.NodeTable;
import dev.wraith.code.parser.Parsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.IntPredicate;

/**
 * A parsed file: its {@link NodeTable} plus the UTF-8 bytes its offsets refer to. Nodes are {@code int}s
 * (indexes into the table, {@link #root()} is 0) and {@link #NONE} (-1) stands for "no node"; every accessor
 * takes NONE and answers "", 0 or NONE. Walking and navigation are plain Java on one int array: the file
 * crossed into native code once, to be parsed.
 *
 * <p>Trees are bounded by {@link Limits#DEFAULT}: a file nested deeper than the limit keeps its outer levels
 * (the nodes at the limit become leaves, {@link #truncated()}), a file that takes longer than the time limit is
 * not parsed at all ({@link #timedOut()}); {@link #warnings(String)} says so for the layer status. Thread-safe
 * to read; cheap to drop (no native resources are held).
 */
public final class SyntaxTree {
  public static final int NONE = -1;

  /**
   * At most this many KiB of source are being parsed at once, whatever the thread count: tree-sitter needs
   * about 100 bytes of memory per byte of dense code while it parses, so this bounds the parsers' memory to that
   * of one large file (a file this size or larger parses alone; small files never wait for each other).
   */
  private static final int IN_FLIGHT_KIB = 2048;
  private static final Semaphore IN_FLIGHT = new Semaphore(IN_FLIGHT_KIB, true);

  private final NodeTable t;
  private final byte[] utf8;
  private final int length;
  private final Limits limits;

  private SyntaxTree(NodeTable table, byte[] utf8, int length, Limits limits) {
    this.t = table;
    this.utf8 = utf8;
    this.length = length;
    this.limits = limits;
  }

  /** Parses a whole file's bytes (UTF-8) with the process's parser backend and the default limits. */
  public static SyntaxTree parse(Grammar grammar, byte[] utf8) {
    return parse(grammar, utf8, Limits.DEFAULT);
  }

  public static SyntaxTree parse(Grammar grammar, byte[] utf8, Limits limits) {
    int kib = Math.max(1, Math.min(IN_FLIGHT_KIB, utf8.length >> 10));
    IN_FLIGHT.acquireUninterruptibly(kib);
    try {
      return new SyntaxTree(Parsers.backend().parse(grammar, utf8, utf8.length, limits), utf8, utf8.length, limits);
    } finally {
      IN_FLIGHT.release(kib);
    }
  }

  /** The root node, or NONE when the parse produced no tree (it timed out). */
  public int root() {
    return t.size() > 0 ? 0 : NONE;
  }

  /** Whether the parser had to recover from syntax errors. */
  public boolean hasErrors() {
    return (t.status() & NodeTable.SYNTAX_ERRORS) != 0;
  }

  /** Whether nodes were dropped for nesting deeper than the depth limit or beyond the node limit. */
  public boolean truncated() {
    return (t.status() & (NodeTable.DEPTH_LIMIT | NodeTable.NODE_LIMIT)) != 0;
  }

  /** Whether the parse produced no tree: it ran out of time (or, rarely, out of native memory). */
  public boolean timedOut() {
    return (t.status() & (NodeTable.TIMED_OUT | NodeTable.NO_MEMORY | NodeTable.FAILED)) != 0;
  }

  /** Warnings for the layer status when a limit cut this file's tree short; empty otherwise. */
  public List<String> warnings(String path) {
    List<String> out = new ArrayList<>();
    int s = t.status();
    if ((s & NodeTable.TIMED_OUT) != 0) out.add(path + ": parsing took longer than " + duration(limits.timeoutMillis()) + "; not scanned");
    if ((s & (NodeTable.NO_MEMORY | NodeTable.FAILED)) != 0) out.add(path + ": the parser could not run on this file; not scanned");
    if ((s & NodeTable.NESTING_CUT) != 0) {
      out.add(path + ": brackets nested deeper than " + limits.maxBrackets() + " levels; those regions were not scanned");
    }
    if ((s & NodeTable.DEPTH_LIMIT) != 0) {
      out.add(path + ": syntax nested deeper than " + limits.maxDepth() + " levels; scanned down to that depth");
    }
    if ((s & NodeTable.NODE_LIMIT) != 0) out.add(path + ": more than " + limits.maxNodes() + " syntax nodes; scanned the first ones");
    return out;
  }

  private static String duration(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  /** Visits every node in document order; the visitor returns false to skip a node's children. */
  public void walk(IntPredicate visitor) {
    int n = 0, size = t.size();
    while (n < size) n = visitor.test(n) ? n + 1 : t.end(n);
  }

  /** The node's type name, interned (so {@code switch} and {@code equals} cost a hash lookup at most); "" for NONE. */
  public String type(int n) {
    return n < 0 ? "" : t.type(n);
  }

  public boolean isNamed(int n) {
    return n >= 0 && t.isNamed(n);
  }

  public int parent(int n) {
    return n < 0 ? NONE : t.parent(n);
  }

  public int childCount(int n) {
    return n < 0 ? 0 : t.childCount(n);
  }

  public int firstChild(int n) {
    return n < 0 || t.childCount(n) == 0 ? NONE : n + 1;
  }

  public int nextSibling(int n) {
    if (n <= 0) return NONE;
    int next = t.end(n);
    return next < t.end(t.parent(n)) ? next : NONE;
  }

  /** The i-th child (0-based), or NONE; walks the siblings, so iterate with {@link #nextSibling} over many. */
  public int child(int n, int i) {
    if (i < 0 || i >= childCount(n)) return NONE;
    int c = n + 1;
    for (int k = 0; k < i; k++) c = t.end(c);
    return c;
  }

  public int firstNamedChild(int n) {
    int c = firstChild(n);
    while (c != NONE && !t.isNamed(c)) c = nextSibling(c);
    return c;
  }

  public int nextNamedSibling(int n) {
    int c = nextSibling(n);
    while (c != NONE && !t.isNamed(c)) c = nextSibling(c);
    return c;
  }

  public int namedChildCount(int n) {
    int count = 0;
    for (int c = firstChild(n); c != NONE; c = nextSibling(c)) if (t.isNamed(c)) count++;
    return count;
  }

  /** The first named child of the given type, or NONE. */
  public int firstNamedChild(int n, String type) {
    int c = firstNamedChild(n);
    while (c != NONE && !type(c).equals(type)) c = nextNamedSibling(c);
    return c;
  }

  /** The last named child, or NONE when there is none. */
  public int lastNamedChild(int n) {
    int last = NONE;
    for (int c = firstNamedChild(n); c != NONE; c = nextNamedSibling(c)) last = c;
    return last;
  }

  /** The i-th named child (0-based), or NONE. */
  public int namedChild(int n, int i) {
    if (i < 0) return NONE;
    int c = firstNamedChild(n);
    for (int k = 0; k < i && c != NONE; k++) c = nextNamedSibling(c);
    return c;
  }

  /** The first child under a field name, or NONE when absent (or the grammar has no such field). */
  public int field(int n, String name) {
    if (n < 0) return NONE;
    int id = t.vocabulary().fieldId(name);
    if (id == 0) return NONE;
    for (int c = firstChild(n); c != NONE; c = nextSibling(c)) if (t.field(c) == id) return c;
    return NONE;
  }

  public int startByte(int n) {
    return n < 0 ? 0 : t.startByte(n);
  }

  public int endByte(int n) {
    return n < 0 ? 0 : t.endByte(n);
  }

  /** 1-based line of the node's start. */
  public int line(int n) {
    return n < 0 ? 0 : t.row(n) + 1;
  }

  /** 1-based column (in bytes) of the node's start. */
  public int column(int n) {
    return n < 0 ? 0 : t.column(n) + 1;
  }

  /** The node's source text ("" for NONE); invalid UTF-8 is decoded with replacement characters. */
  public String text(int n) {
    if (n < 0) return "";
    int start = t.startByte(n), end = Math.min(t.endByte(n), length);
    return start >= end ? "" : new String(utf8, start, end - start, StandardCharsets.UTF_8);
  }
}

package dev.wraith.code;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * A parsed file: the tree-sitter tree plus the UTF-8 bytes its offsets refer to. Gives node text, 1-based
 * positions and an iterative pre-order walk (no recursion, so deeply nested input cannot overflow the
 * stack here). Not thread-safe; one per file.
 */
public final class SyntaxTree implements AutoCloseable {
  private final TSTree tree;
  private final byte[] utf8;

  private SyntaxTree(TSTree tree, byte[] utf8) {
    this.tree = tree;
    this.utf8 = utf8;
  }

  /** Parses {@code text} with the calling thread's parser for {@code language}. */
  public static SyntaxTree parse(ThreadLocal<TSParser> parser, String text) {
    TSTree t = parser.get().parseString(null, text);
    return new SyntaxTree(t, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A per-thread parser factory for one grammar; parsers are not thread-safe. */
  public static ThreadLocal<TSParser> parsers(java.util.function.Supplier<TSLanguage> language) {
    return ThreadLocal.withInitial(() -> {
      TSParser p = new TSParser();
      p.setLanguage(language.get());
      return p;
    });
  }

  public TSNode root() {
    return tree.getRootNode();
  }

  public boolean hasErrors() {
    return root().hasError();
  }

  public String text(TSNode node) {
    if (node == null || node.isNull()) return "";
    int start = node.getStartByte(), end = Math.min(node.getEndByte(), utf8.length);
    return start >= end ? "" : new String(utf8, start, end - start, StandardCharsets.UTF_8);
  }

  public static int line(TSNode node) {
    return node.getStartPoint().getRow() + 1;
  }

  public static int column(TSNode node) {
    return node.getStartPoint().getColumn() + 1;
  }

  /** A child by field name, or null when absent. */
  public static TSNode field(TSNode node, String name) {
    TSNode c = node.getChildByFieldName(name);
    return c == null || c.isNull() ? null : c;
  }

  /** Visits every node in document order; the visitor returns false to skip a node's children. */
  public void walk(Predicate<TSNode> visitor) {
    try (TSTreeCursor cursor = new TSTreeCursor(root())) {
      boolean descend = visitor.test(cursor.currentNode());
      while (true) {
        if (descend && cursor.gotoFirstChild()) {
          descend = visitor.test(cursor.currentNode());
          continue;
        }
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return;
        }
        descend = visitor.test(cursor.currentNode());
      }
    }
  }

  @Override
  public void close() {
    tree.close();
  }
}

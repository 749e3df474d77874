package dev.wraith.code.parser;

import java.util.Arrays;
import org.treesitter.TSNode;
import org.treesitter.TSPoint;
import org.treesitter.TSTreeCursor;

/**
 * Builds a {@link NodeTable}'s words from a bonede tree, with the native library's algorithm (wraith_ts.c,
 * {@code build}): a pre-order cursor walk with an explicit stack, the same limits and the same flags.
 */
final class FallbackTable {
  private int[] w = new int[NodeTable.HEADER + 1024 * NodeTable.STRIDE];
  private int count;
  private final int errorSymbol;

  private FallbackTable(int errorSymbol) {
    this.errorSymbol = errorSymbol;
  }

  static int[] build(TSNode root, int errorSymbol, Limits limits) {
    FallbackTable t = new FallbackTable(errorSymbol);
    int status = t.walk(root, limits);
    if ((t.get(0, 1) & NodeTable.HAS_ERROR) != 0) status |= NodeTable.SYNTAX_ERRORS;
    int[] out = Arrays.copyOf(t.w, NodeTable.HEADER + t.count * NodeTable.STRIDE);
    out[0] = status;
    out[1] = t.count;
    return out;
  }

  private int walk(TSNode root, Limits limits) {
    int status = 0, deepest = 0;
    int[] stack = new int[limits.maxDepth() + 2];
    int sp = 0;
    try (TSTreeCursor c = new TSTreeCursor(root)) {
      stack[sp++] = emit(c, -1);
      while (true) {
        int top = stack[sp - 1];
        if (sp - 1 < limits.maxDepth()) {
          if (c.gotoFirstChild()) {
            if (count < limits.maxNodes()) {
              stack[sp++] = emit(c, top);
              deepest = Math.max(deepest, sp - 1);
              continue;
            }
            c.gotoParent();
            set(top, 1, get(top, 1) | NodeTable.TRUNCATED);
            status |= NodeTable.NODE_LIMIT;
          }
        } else if (c.currentNode().getChildCount() > 0) {
          set(top, 1, get(top, 1) | NodeTable.TRUNCATED);
          status |= NodeTable.DEPTH_LIMIT;
        }
        while (true) {
          int done = stack[--sp];
          set(done, 3, count);
          if (sp == 0) {
            w[2] = deepest;
            return status;
          }
          if (c.gotoNextSibling()) {
            if (count < limits.maxNodes()) {
              int parent = stack[sp - 1];
              stack[sp++] = emit(c, parent);
              break;
            }
            set(stack[sp - 1], 1, get(stack[sp - 1], 1) | NodeTable.TRUNCATED);
            status |= NodeTable.NODE_LIMIT;
          }
          c.gotoParent();
        }
      }
    }
  }

  private int emit(TSTreeCursor c, int parent) {
    TSNode n = c.currentNode();
    int symbol = n.getSymbol() & 0xffff;
    int sym = symbol == 0xffff ? errorSymbol : symbol;
    int field = parent < 0 ? 0 : c.currentFieldId();
    int flags = (n.isNamed() ? NodeTable.NAMED : 0) | (n.isMissing() ? NodeTable.MISSING : 0)
        | (n.isExtra() ? NodeTable.EXTRA : 0) | (n.isError() ? NodeTable.ERROR : 0) | (n.hasError() ? NodeTable.HAS_ERROR : 0);
    TSPoint start = n.getStartPoint();
    int index = count++;
    int at = NodeTable.HEADER + index * NodeTable.STRIDE;
    if (at + NodeTable.STRIDE > w.length) w = Arrays.copyOf(w, w.length * 2);
    w[at] = sym | (field << 16);
    w[at + 1] = flags;
    w[at + 2] = parent;
    w[at + 3] = index + 1;
    w[at + 4] = n.getStartByte();
    w[at + 5] = n.getEndByte();
    w[at + 6] = start.getRow();
    w[at + 7] = start.getColumn();
    if (parent >= 0) w[NodeTable.HEADER + parent * NodeTable.STRIDE + 1] += 1 << 8;
    return index;
  }

  private int get(int node, int word) {
    return w[NodeTable.HEADER + node * NodeTable.STRIDE + word];
  }

  private void set(int node, int word, int value) {
    w[NodeTable.HEADER + node * NodeTable.STRIDE + word] = value;
  }
}

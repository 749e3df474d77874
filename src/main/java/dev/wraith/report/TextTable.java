package dev.wraith.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Left-aligned plain-text columns for terminals; cells longer than the column cap are cut with '…'. Every cell is
 * made {@link #printable} first: cells carry text from scanned files, processes and servers, and an escape sequence or
 * bidi control in them must not repaint or rearrange the user's terminal.
 */
final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final int maxCell;

  TextTable(int maxCell, String... header) {
    this.header = List.of(header);
    this.maxCell = maxCell;
  }

  /** Adds a row. The first cell is a path or location: it is cut at the front, so the file name and line stay. */
  void add(String... cells) {
    List<String> row = new ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      String c = printable(cells[i]);
      if (c.length() <= maxCell) row.add(c);
      else row.add(i == 0 ? "…" + c.substring(c.length() - maxCell + 1) : c.substring(0, maxCell - 1) + "…");
    }
    rows.add(row);
  }

  /**
   * Control, format (zero-width, bidi), private-use and unassigned characters shown as {@code \\u{XXXX}}; everything
   * else as it is.
   */
  static String printable(String s) {
    boolean clean = true;
    for (int i = 0; i < s.length() && clean; i++) {
      char ch = s.charAt(i);
      clean = ch >= 0x20 && ch < 0x7f;
    }
    if (clean) return s;
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      if (type == Character.FORMAT || type == Character.CONTROL || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
          || type == Character.SURROGATE) {
        b.append(String.format("\\u{%04X}", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.toString();
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String render() {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) w[i] = header.get(i).length();
    for (List<String> r : rows) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], r.get(i).length());
    StringBuilder b = new StringBuilder();
    line(b, header, w);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < w.length; i++) rule.append(i == 0 ? "" : "  ").append("─".repeat(w[i]));
    b.append(rule).append('\n');
    for (List<String> r : rows) line(b, r, w);
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells, int[] w) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      if (i > 0) l.append("  ");
      l.append(cells.get(i));
      if (i < w.length - 1) l.append(" ".repeat(w[i] - cells.get(i).length()));
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }
}

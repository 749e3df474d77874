package dev.wraith.report;

import java.util.ArrayList;
import java.util.List;

/** Left-aligned plain-text columns for terminals; cells longer than the column cap are cut with '…'. */
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
      String c = cells[i];
      if (c.length() <= maxCell) row.add(c);
      else row.add(i == 0 ? "…" + c.substring(c.length() - maxCell + 1) : c.substring(0, maxCell - 1) + "…");
    }
    rows.add(row);
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

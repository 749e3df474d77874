package dev.wraith.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Left-aligned plain-text columns for terminals, the one table renderer every terminal report uses. A table fits the
 * width it is rendered at: the widest columns give up space first, down to a floor (their header, or 20 characters
 * for a path). Paths lose their middle ({@code src/…/crew.py}), so the top directory and the file name stay; other
 * cells lose their end. Two rows that differ never read the same: when cutting makes them equal, their paths are cut
 * another way, or the rows are printed whole. Every cell is made {@link #printable} first: cells carry text from scanned files,
 * processes and servers, and an escape sequence or bidi control in them must not repaint or rearrange the terminal.
 */
final class TextTable {
  /** Rendering without a width keeps each cell under the column cap only. */
  static final int UNLIMITED = Integer.MAX_VALUE;
  private static final int PATH_FLOOR = 20;
  private static final int TEXT_FLOOR = 8;

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final int maxCell;
  private final boolean[] path;
  private final boolean[] name;
  private final int[] floors;

  /** A table whose first column is a path or location; cells are capped at {@code maxCell} characters. */
  TextTable(int maxCell, String... header) {
    this.header = List.of(header);
    this.maxCell = maxCell;
    this.path = new boolean[header.length];
    this.path[0] = true;
    this.name = new boolean[header.length];
    this.floors = new int[header.length];
  }

  /** Marks columns that name the row: two names that would cut to the same text keep their start and end instead. */
  TextTable names(int... columns) {
    for (int c : columns) name[c] = true;
    return this;
  }

  /**
   * A column that shrinks only once the others are at their floors, and not below {@code floor} characters (or its
   * widest cell): a name that identifies the row.
   */
  TextTable floor(int column, int floor) {
    floors[column] = floor;
    return this;
  }

  /** Marks which columns hold paths (cut in the middle); replaces the default of the first column. */
  TextTable paths(int... columns) {
    java.util.Arrays.fill(path, false);
    for (int c : columns) path[c] = true;
    return this;
  }

  void add(String... cells) {
    List<String> row = new ArrayList<>();
    for (String c : cells) row.add(printable(c));
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
    return render(UNLIMITED);
  }

  /**
   * The table in at most {@code width} columns where the floors allow it (see the class contract). A column that is
   * empty in every row is left out, so its header's width goes to the columns that say something.
   */
  String render(int width) {
    List<Integer> shown = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      int col = i;
      if (rows.isEmpty() || rows.stream().anyMatch(r -> !r.get(col).isEmpty())) shown.add(i);
    }
    return shown.size() == header.size() ? renderAll(width) : only(shown).renderAll(width);
  }

  /** This table with only the given columns, their kinds and floors kept. */
  private TextTable only(List<Integer> columns) {
    TextTable t = new TextTable(maxCell, columns.stream().map(header::get).toArray(String[]::new));
    for (int i = 0; i < columns.size(); i++) {
      int c = columns.get(i);
      t.path[i] = path[c];
      t.name[i] = name[c];
      t.floors[i] = floors[c];
    }
    for (List<String> r : rows) t.rows.add(columns.stream().map(r::get).toList());
    return t;
  }

  private String renderAll(int width) {
    int[] w = widths(width);
    List<List<String>> cut = new ArrayList<>();
    for (List<String> r : rows) cut.add(cut(r, w, Elision.BALANCED));
    distinguishNames(cut, w);
    distinguish(cut, w);
    StringBuilder b = new StringBuilder();
    line(b, header, w);
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < w.length; i++) rule.append(i == 0 ? "" : "  ").append("─".repeat(w[i]));
    b.append(rule).append('\n');
    for (List<String> r : cut) line(b, r, w);
    return b.toString();
  }

  private int[] widths(int width) {
    int n = header.size();
    int[] w = new int[n];
    int[] floor = new int[n];
    for (int i = 0; i < n; i++) w[i] = header.get(i).length();
    for (List<String> r : rows) for (int i = 0; i < n; i++) w[i] = Math.max(w[i], Math.min(maxCell, r.get(i).length()));
    int total = 2 * (n - 1);
    for (int i = 0; i < n; i++) {
      int least = floors[i] > 0 ? floors[i] : path[i] ? PATH_FLOOR : TEXT_FLOOR;
      floor[i] = Math.min(w[i], Math.max(header.get(i).length(), least));
      total += w[i];
    }
    while (total > width) {
      int widest = widest(w, floor, false);
      if (widest < 0) widest = widest(w, floor, true);
      if (widest < 0) break;
      w[widest]--;
      total--;
    }
    return w;
  }

  /** The widest column above its floor among the pinned ({@link #floor}) or the other columns; -1 if none. */
  private int widest(int[] w, int[] floor, boolean pinned) {
    int widest = -1;
    for (int i = 0; i < w.length; i++) {
      if ((floors[i] > 0) == pinned && w[i] > floor[i] && (widest < 0 || w[i] > w[widest])) widest = i;
    }
    return widest;
  }

  private enum Elision { BALANCED, TAIL, NONE }

  private List<String> cut(List<String> row, int[] w, Elision how) {
    List<String> out = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      String c = row.get(i);
      if (c.length() <= w[i] || how == Elision.NONE) out.add(c);
      else if (path[i]) out.add(how == Elision.BALANCED ? middle(c, w[i]) : tail(c, w[i]));
      else out.add(c.substring(0, Math.max(0, w[i] - 1)) + "…");
    }
    return out;
  }

  /** Rows that read the same though they differ: their paths cut from the end only, then, if need be, whole. */
  private void distinguish(List<List<String>> cut, int[] w) {
    for (Elision how : List.of(Elision.TAIL, Elision.NONE)) {
      Map<List<String>, List<Integer>> same = new HashMap<>();
      for (int i = 0; i < cut.size(); i++) same.computeIfAbsent(cut.get(i), k -> new ArrayList<>()).add(i);
      for (List<Integer> group : same.values()) {
        if (group.size() < 2 || group.stream().map(rows::get).distinct().count() < 2) continue;
        for (int i : group) cut.set(i, cut(rows.get(i), w, how));
      }
    }
  }

  /**
   * Two different names ({@link #names}) that cut to the same ("billing (azure-o…" twice) keep their start and their
   * end instead ("billing (a…ai-sdk)"), so a name's distinguishing suffix stays readable.
   */
  private void distinguishNames(List<List<String>> cut, int[] w) {
    for (int col = 0; col < w.length; col++) {
      if (!name[col] || path[col] || collisions(cut, col, null) == 0) continue;
      Map<String, java.util.Set<String>> byText = new HashMap<>();
      for (int i = 0; i < cut.size(); i++) {
        byText.computeIfAbsent(cut.get(i).get(col), k -> new java.util.HashSet<>()).add(rows.get(i).get(col));
      }
      // the most balanced cut that tells the colliding ones apart: a longer end where the ends alone still collide
      for (int head = (w[col] - 1) / 2; head >= 1; head--) {
        List<String> tried = new ArrayList<>();
        for (int i = 0; i < cut.size(); i++) {
          String shown = cut.get(i).get(col);
          String full = rows.get(i).get(col);
          tried.add(byText.get(shown).size() > 1 && full.length() > w[col] ? ends(full, w[col], head) : shown);
        }
        if (collisions(cut, col, tried) > 0) continue;
        for (int i = 0; i < cut.size(); i++) cut.get(i).set(col, tried.get(i));
        break;
      }
    }
  }

  /** How many shown texts of a column stand for more than one name ({@code shown} null: as cut now). */
  private int collisions(List<List<String>> cut, int col, List<String> shown) {
    Map<String, java.util.Set<String>> names = new HashMap<>();
    for (int i = 0; i < cut.size(); i++) {
      String text = shown == null ? cut.get(i).get(col) : shown.get(i);
      names.computeIfAbsent(text, k -> new java.util.HashSet<>()).add(rows.get(i).get(col));
    }
    return (int) names.values().stream().filter(v -> v.size() > 1).count();
  }

  /** The start and the end of {@code s} around "…", in {@code width} characters: both ends say something. */
  static String ends(String s, int width) {
    return ends(s, width, (width - 1) / 2);
  }

  /** As {@link #ends(String, int)} with {@code head} characters of the start. */
  static String ends(String s, int width, int head) {
    if (s.length() <= width) return s;
    if (width < 3) return s.substring(0, Math.max(0, width - 1)) + "…";
    int tail = width - 1 - head;
    return s.substring(0, head) + "…" + s.substring(s.length() - tail);
  }

  /** "first/…/parent/file.py": the first segment and as many trailing ones as fit; else {@link #tail}. */
  static String middle(String p, int width) {
    if (p.endsWith("/") && p.length() > 1) return middle(p.substring(0, p.length() - 1), width - 1) + "/";
    String[] segs = p.split("/", -1);
    if (segs.length < 3) return tail(p, width);
    String head = segs[0] + "/…/";
    String tail = segs[segs.length - 1];
    if (head.length() + tail.length() > width) return tail(p, width);
    for (int i = segs.length - 2; i >= 1; i--) {
      String longer = segs[i] + "/" + tail;
      if (head.length() + longer.length() > width) break;
      tail = longer;
    }
    return head + tail;
  }

  /** "…" and the last {@code width - 1} characters: the file name and line stay. */
  static String tail(String p, int width) {
    if (p.length() <= width) return p;
    return "…" + p.substring(p.length() - Math.max(1, width - 1));
  }

  private static void line(StringBuilder b, List<String> cells, int[] w) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      if (i > 0) l.append("  ");
      l.append(cells.get(i));
      if (i < w.length - 1) l.append(" ".repeat(Math.max(0, w[i] - cells.get(i).length())));
    }
    b.append(l.toString().stripTrailing()).append('\n');
  }
}

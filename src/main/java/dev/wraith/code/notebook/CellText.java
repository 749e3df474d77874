package dev.wraith.code.notebook;

import dev.wraith.model.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A virtual source file made of notebook cells, one cell after the other, that remembers where each of its lines
 * came from, so a finding at a line and column of the virtual file can be put at the line and column of the
 * notebook's JSON where that text is written (inside a JSON string, escapes counted). Not thread-safe; one per file.
 */
final class CellText {
  /** Where a virtual line starts: the JSON string (by the offset of its quote) and the index in its decoded text. */
  private record Origin(int quote, int index) {}

  /** A cell run by the shell: its lines are shell lines, a backslash at the end of one goes on at the next. */
  private static final Pattern SHELL_CELL = Pattern.compile("\\s*%%(?:bash|sh|script\\s+(?:ba|z)?sh)\\b");
  private final String json;
  private final int[] jsonLineStarts;
  private final StringBuilder text = new StringBuilder();
  private final List<Origin> origins = new ArrayList<>();

  CellText(String json) {
    this.json = json;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < json.length(); i++) if (json.charAt(i) == '\n') starts.add(i + 1);
    this.jsonLineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Appends a cell, each of its lines replaced by what {@code line} makes of it: itself, an empty line for a magic,
   * the requirements of a {@code %pip install}, or nothing. Every line made keeps the origin of the line it came from.
   * A shell escape or magic ({@code !pip install a \}, {@code %pip ...}) whose line ends in a backslash goes on at the
   * next line, as IPython reads it (so does every line of a {@code %%bash}/{@code %%sh} cell): {@code line} gets the
   * whole command, the backslash-newlines made spaces, at the origin of its first line.
   */
  void add(NotebookReader.Cell cell, Function<String, List<String>> line) {
    boolean shellCell = SHELL_CELL.matcher(cell.text()).lookingAt();
    StringBuilder current = new StringBuilder();
    StringBuilder logical = new StringBuilder();
    Origin start = null;
    Origin logicalStart = null;
    for (NotebookReader.Fragment f : cell.source()) {
      String s = f.text();
      for (int i = 0; i < s.length(); i++) {
        if (start == null) start = new Origin(f.quote(), i);
        char c = s.charAt(i);
        if (c != '\n') {
          current.append(c);
          continue;
        }
        if (logicalStart == null) logicalStart = start;
        logical.append(current);
        String sofar = logical.toString();
        if (continues(sofar, shellCell)) {
          logical.setLength(logical.length() - 1);
          logical.append(' ');
        } else {
          append(line.apply(sofar), logicalStart);
          logical.setLength(0);
          logicalStart = null;
        }
        current.setLength(0);
        start = null;
      }
    }
    if (start != null || logicalStart != null) {
      append(line.apply(logical.append(current).toString()), logicalStart != null ? logicalStart : start);
    }
  }

  /** Whether a line so far ends in a backslash that continues a shell command or magic on the next line. */
  private static boolean continues(String sofar, boolean shellCell) {
    if (!sofar.endsWith("\\")) return false;
    String t = sofar.stripLeading();
    return shellCell || t.startsWith("!") || t.startsWith("%");
  }

  /** Adds a line that comes from no cell (a frame the virtual file needs, such as an XML root): it maps to line 0. */
  void synthetic(String line) {
    text.append(line).append('\n');
    origins.add(null);
  }

  /** How many lines the virtual file has. */
  int lines() {
    return origins.size();
  }

  boolean isEmpty() {
    return text.isEmpty();
  }

  String text() {
    return text.toString();
  }

  /** The notebook location of a 1-based line and column of the virtual text; line 0 (the file) stays line 0. */
  Location map(String path, int line, int column) {
    if (line < 1 || line > origins.size()) return new Location(path, 0, 0);
    Origin o = origins.get(line - 1);
    if (o == null) return new Location(path, 0, 0);
    int at = rawOffset(o.quote(), o.index() + Math.max(0, column - 1));
    int row = Arrays.binarySearch(jsonLineStarts, at);
    if (row < 0) row = -row - 2;
    return new Location(path, row + 1, column > 0 ? at - jsonLineStarts[row] + 1 : 0);
  }

  private void append(List<String> lines, Origin start) {
    for (String l : lines) {
      text.append(l).append('\n');
      origins.add(start);
    }
  }

  /** The offset in the JSON of the {@code index}-th decoded character of the string whose quote is at {@code quote}. */
  private int rawOffset(int quote, int index) {
    int i = quote + 1;
    for (int decoded = 0; decoded < index && i < json.length(); decoded++) {
      char c = json.charAt(i);
      if (c == '"') break; // the string ended first: stay at its end
      i += c != '\\' ? 1 : i + 1 < json.length() && json.charAt(i + 1) == 'u' ? 6 : 2;
    }
    return Math.min(i, Math.max(0, json.length() - 1));
  }
}

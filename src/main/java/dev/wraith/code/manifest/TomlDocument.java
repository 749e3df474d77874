package dev.wraith.code.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TOML document parsed by Jackson, plus a line index to find declarations again. Jackson's TOML parser
 * builds a tree without locations, so lines are found in the text: within the region of a table header, the
 * line where a key is assigned or a string literal occurs. Lines are best effort; 0 when not found.
 * Not thread-safe (it remembers which occurrences it handed out); one instance per parse.
 */
final class TomlDocument {
  private static final TomlMapper MAPPER = new TomlMapper(TomlFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build());
  private static final Pattern HEADER = Pattern.compile("^\\s*(\\[\\[?)\\s*([^\\[\\]]+?)\\s*\\]\\]?\\s*(#.*)?$");

  private final JsonNode root;
  private final List<String> lines;
  /** 0-based line index of each header, with its normalised name and whether it is an array of tables. */
  private final List<Header> headers = new ArrayList<>();
  private final Map<String, Integer> lastHit = new HashMap<>();

  private record Header(int index, String name, boolean array) {}

  private TomlDocument(JsonNode root, String text) {
    this.root = root;
    this.lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = HEADER.matcher(lines.get(i));
      if (m.matches()) headers.add(new Header(i, m.group(2).replaceAll("[\\s\"']", ""), m.group(1).equals("[[")));
    }
  }

  static TomlDocument parse(String text) throws MalformedManifestException {
    try {
      return new TomlDocument(MAPPER.readTree(text), text);
    } catch (JsonProcessingException e) {
      int at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new MalformedManifestException("not valid TOML" + (at > 0 ? " near line " + at : ""));
    }
  }

  JsonNode root() {
    return root;
  }

  /** 1-based lines of every {@code [[table]]} header, in order (they match the array's elements). */
  List<Integer> arrayTableLines(String table) {
    return headers.stream().filter(h -> h.array() && h.name().equals(table)).map(h -> h.index() + 1).toList();
  }

  /** The 1-based line of the first {@code [table]} header with this (normalised) name, or 0. */
  int tableLine(String table) {
    for (Header h : headers) if (!h.array() && h.name().equals(table)) return h.index() + 1;
    return 0;
  }

  /** The line where {@code key} is assigned in the table region starting at a 1-based header line. */
  int keyLineAfter(int headerLine, String key) {
    Pattern p = keyPattern(key);
    for (int i = headerLine; i < regionEnd(headerLine - 1); i++) if (p.matcher(lines.get(i)).find()) return i + 1;
    return 0;
  }

  /** The line where {@code key} is assigned in the first of the tables that has it, else anywhere, else 0. */
  int keyLine(List<String> tables, String key) {
    return find(tables, "k\u0000" + key, keyPattern(key));
  }

  /** The line where the string literal {@code value} occurs in the first of the tables that has it, else 0. */
  int stringLine(List<String> tables, String value) {
    String q = Pattern.quote(value);
    return find(tables, "s\u0000" + value, Pattern.compile("\"" + q + "\"|'" + q + "'"));
  }

  private static Pattern keyPattern(String key) {
    String q = Pattern.quote(key);
    return Pattern.compile("^\\s*(?:" + q + "|\"" + q + "\"|'" + q + "')\\s*[=.]");
  }

  /** Searches the tables' regions (after the previous hit for the same needle first), then the whole file. */
  private int find(List<String> tables, String needle, Pattern p) {
    int after = lastHit.getOrDefault(needle, -1);
    for (String t : tables) {
      for (Header h : headers) {
        if (!h.name().equals(t)) continue;
        int hit = scan(h.index() + 1, regionEnd(h.index()), after, p);
        if (hit >= 0) return remember(needle, hit);
      }
    }
    int hit = scan(0, lines.size(), after, p);
    return hit < 0 ? 0 : remember(needle, hit);
  }

  private int scan(int from, int to, int after, Pattern p) {
    int first = -1;
    for (int i = from; i < to; i++) {
      if (!p.matcher(lines.get(i)).find()) continue;
      if (i > after) return i;
      if (first < 0) first = i;
    }
    return first;
  }

  private int remember(String needle, int index) {
    lastHit.put(needle, index);
    return index + 1;
  }

  /** The index of the first header after {@code headerIndex} (binary search: lockfiles have thousands). */
  private int regionEnd(int headerIndex) {
    int lo = 0;
    int hi = headers.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (headers.get(mid).index() <= headerIndex) lo = mid + 1;
      else hi = mid;
    }
    return lo < headers.size() ? headers.get(lo).index() : lines.size();
  }
}

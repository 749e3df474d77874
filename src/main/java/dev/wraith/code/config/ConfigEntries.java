package dev.wraith.code.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * An application config file (YAML or Java properties) flattened to dotted keys with their scalar values and
 * lines: {@code spring: {ai: {openai: {api-key: x}}}} is {@code spring.ai.openai.api-key}; list items are
 * {@code key[0]}, {@code key[1]}. All documents of a YAML stream are read. YAML aliases are not expanded, and
 * the parser has explicit size, depth and alias limits.
 */
final class ConfigEntries {
  /** One scalar: its dotted key as written, its value ("" for null), and the 1-based line of the key. */
  record Entry(String key, String value, int line) {}

  private static final int MAX_DEPTH = 100;
  private static final int MAX_ENTRIES = 100_000;
  private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(limits())
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(1 << 20).build()).build();

  private ConfigEntries() {}

  static List<Entry> yaml(String text) throws IOException {
    List<Entry> out = new ArrayList<>();
    try (JsonParser p = YAML.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null && out.size() < MAX_ENTRIES; t = p.nextToken()) value(p, "", 0, out);
    }
    return out;
  }

  /**
   * Java properties: {@code key=value}, {@code key: value} or {@code key value}; {@code #} and {@code !} comments;
   * a line ending in an odd number of backslashes continues on the next. Escapes are kept as written, except
   * that an escaped separator belongs to the key.
   */
  static List<Entry> properties(String text) {
    List<Entry> out = new ArrayList<>();
    String[] lines = text.split("\r?\n|\r", -1);
    StringBuilder logical = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.length && out.size() < MAX_ENTRIES; i++) {
      String line = lines[i].stripLeading();
      if (logical.isEmpty()) {
        if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) continue;
        start = i + 1;
      }
      if (trailingBackslashes(line) % 2 == 1) {
        logical.append(line, 0, line.length() - 1);
        continue;
      }
      logical.append(line);
      property(logical.toString(), start, out);
      logical.setLength(0);
    }
    if (!logical.isEmpty()) property(logical.toString(), start, out);
    return out;
  }

  private static void property(String line, int at, List<Entry> out) {
    int sep = -1;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
        sep = i;
        break;
      }
    }
    String key = (sep < 0 ? line : line.substring(0, sep)).replace("\\", "");
    String value = "";
    if (sep >= 0) {
      String rest = line.substring(sep).stripLeading();
      if (!rest.isEmpty() && (rest.charAt(0) == '=' || rest.charAt(0) == ':')) rest = rest.substring(1);
      value = rest.strip();
    }
    if (!key.isEmpty()) out.add(new Entry(key, value, at));
  }

  private static int trailingBackslashes(String s) {
    int n = 0;
    for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) n++;
    return n;
  }

  private static void value(JsonParser p, String key, int depth, List<Entry> out) throws IOException {
    JsonToken t = p.currentToken();
    if (depth > MAX_DEPTH || out.size() >= MAX_ENTRIES) {
      p.skipChildren();
      return;
    }
    if (t == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        value(p, key.isEmpty() ? name : key + "." + name, depth + 1, out);
      }
    } else if (t == JsonToken.START_ARRAY) {
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) value(p, key + "[" + i++ + "]", depth + 1, out);
    } else if (!key.isEmpty()) {
      String v = t == JsonToken.VALUE_NULL ? "" : p.getText();
      out.add(new Entry(key, v == null ? "" : v, p.currentTokenLocation().getLineNr()));
    }
  }

  private static LoaderOptions limits() {
    LoaderOptions o = new LoaderOptions();
    o.setMaxAliasesForCollections(50);
    o.setAllowRecursiveKeys(false);
    o.setNestingDepthLimit(MAX_DEPTH);
    o.setCodePointLimit(8 << 20);
    o.setAllowDuplicateKeys(true);
    return o;
  }
}

package dev.wraith.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A YAML or JSON value with the 1-based line it starts on, so findings point at the declaring line.
 * Built by {@link YamlReader}; aliases share nodes rather than copy them, so walkers must stay bounded.
 */
public sealed interface YamlNode {
  int line();

  /** A scalar as its text; null and numbers become their plain text. */
  record Scalar(String text, int line) implements YamlNode {}

  /** A sequence. */
  record Sequence(List<YamlNode> items, int line) implements YamlNode {}

  /** A mapping in document order; keys are scalar texts, each with its own line. */
  record Mapping(List<Entry> entries, int line) implements YamlNode {
    /** The value under {@code key}, if present (first occurrence). */
    public Optional<YamlNode> get(String key) {
      for (Entry e : entries) if (e.key().equals(key)) return Optional.of(e.value());
      return Optional.empty();
    }

    /** The mapping under a path of keys, if every step is a mapping. */
    public Optional<Mapping> mapping(String... path) {
      YamlNode n = this;
      for (String k : path) {
        if (!(n instanceof Mapping m)) return Optional.empty();
        Optional<YamlNode> next = m.get(k);
        if (next.isEmpty()) return Optional.empty();
        n = next.get();
      }
      return n instanceof Mapping m ? Optional.of(m) : Optional.empty();
    }

    /** The scalar text under {@code key}, or "" when absent or not a scalar. */
    public String text(String key) {
      return get(key).map(YamlNode::scalar).orElse("");
    }

    /** The sequence items under {@code key}, or none. */
    public List<YamlNode> items(String key) {
      return get(key).map(YamlNode::items).orElse(List.of());
    }
  }

  /** A mapping entry: its key, the key's line, its value. */
  record Entry(String key, int line, YamlNode value) {}

  /** This node's text if it is a scalar, else "". */
  static String scalar(YamlNode n) {
    return n instanceof Scalar s ? s.text() : "";
  }

  /** This node's entries if it is a mapping, else none. */
  static List<Entry> entries(YamlNode n) {
    return n instanceof Mapping m ? m.entries() : List.of();
  }

  /** This node's items if it is a sequence, else none. */
  static List<YamlNode> items(YamlNode n) {
    return n instanceof Sequence s ? s.items() : List.of();
  }

  /** Scalar texts of a sequence (or the one scalar), skipping nested structures. */
  static List<String> texts(YamlNode n) {
    if (n instanceof Scalar s) return List.of(s.text());
    List<String> out = new ArrayList<>();
    for (YamlNode i : items(n)) if (i instanceof Scalar s) out.add(s.text());
    return out;
  }
}

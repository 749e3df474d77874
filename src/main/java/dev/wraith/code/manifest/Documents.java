package dev.wraith.code.manifest;

import dev.wraith.code.YamlNode;
import dev.wraith.code.YamlReader;
import java.util.List;
import java.util.Optional;

/**
 * Manifests and lockfiles through the code layer's one line-aware YAML/JSON reader ({@link YamlReader}: its limits,
 * aliases shared, errors by line only). A file with any error is malformed as a whole: no half-read findings.
 */
final class Documents {
  private static final YamlNode EMPTY = new YamlNode.Mapping(List.of(), 0);

  private Documents() {}

  /** The JSON document, or an empty mapping for an empty file. */
  static YamlNode json(String text) throws MalformedManifestException {
    List<YamlNode> docs = read(YamlReader.json(text));
    return docs.isEmpty() ? EMPTY : docs.get(0);
  }

  /** Every document of a YAML stream ({@code ---} separated). */
  static List<YamlNode> yaml(String text) throws MalformedManifestException {
    return read(YamlReader.yaml(text));
  }

  /** The value under {@code key} of a mapping, if any. */
  static Optional<YamlNode> get(YamlNode n, String key) {
    return n instanceof YamlNode.Mapping m ? m.get(key) : Optional.empty();
  }

  /** The scalar text under {@code key}; {@code absent} when there is no such key, "" when it is not a scalar. */
  static String text(YamlNode n, String key, String absent) {
    return get(n, key).map(YamlNode::scalar).orElse(absent);
  }

  /** Whether the value under {@code key} is the boolean true. */
  static boolean flag(YamlNode n, String key) {
    return text(n, key, "").equals("true");
  }

  /** The entries of the mapping under {@code key}, or none. */
  static List<YamlNode.Entry> entries(YamlNode n, String key) {
    return get(n, key).map(YamlNode::entries).orElse(List.of());
  }

  private static List<YamlNode> read(YamlReader.Result r) throws MalformedManifestException {
    if (!r.error().isEmpty()) throw new MalformedManifestException(r.error());
    return r.documents();
  }
}

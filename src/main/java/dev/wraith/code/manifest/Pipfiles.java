package dev.wraith.code.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wraith.code.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pipenv's Pipfile (TOML) and Pipfile.lock (JSON). Every table other than pipenv's own settings is a package
 * category: {@code packages} is the default (no scope), {@code dev-packages} / {@code develop} are "dev", custom
 * categories keep their name. Pipfile.lock does not record which packages are direct.
 */
final class Pipfiles {
  private static final Set<String> NOT_CATEGORIES = Set.of("source", "requires", "scripts", "pipenv", "_meta");

  private Pipfiles() {}

  static List<Dependency> pipfile(String text) throws MalformedManifestException {
    TomlDocument doc = TomlDocument.parse(text);
    List<Dependency> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> category : doc.root().properties()) {
      if (NOT_CATEGORIES.contains(category.getKey()) || !category.getValue().isObject()) continue;
      String scope = scope(category.getKey());
      for (Map.Entry<String, JsonNode> e : category.getValue().properties()) {
        out.add(Dependency.of(e.getKey(), version(e.getValue()), scope, doc.keyLine(List.of(category.getKey()), e.getKey())));
      }
    }
    return out;
  }

  static List<Dependency> lock(String text) throws MalformedManifestException {
    List<Dependency> out = new ArrayList<>();
    for (YamlNode.Entry category : YamlNode.entries(Documents.json(text))) {
      if (NOT_CATEGORIES.contains(category.key()) || !(category.value() instanceof YamlNode.Mapping packages)) continue;
      String scope = scope(category.key());
      for (YamlNode.Entry e : packages.entries()) {
        String version = e.value() instanceof YamlNode.Scalar s ? s.text() : Documents.text(e.value(), "version", "");
        out.add(Dependency.of(e.key(), version, scope, e.line()));
      }
    }
    return out;
  }

  private static String scope(String category) {
    return switch (category) {
      case "packages", "default" -> "";
      case "dev-packages", "develop" -> "dev";
      default -> category;
    };
  }

  private static String version(JsonNode spec) {
    if (spec.isTextual()) return spec.asText();
    return spec.path("version").isTextual() ? spec.path("version").asText() : "";
  }
}

package dev.wraith.code.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Composer's composer.json ({@code require}, {@code require-dev}) and composer.lock ({@code packages},
 * {@code packages-dev}, each with its resolved version). Platform requirements ({@code php}, {@code ext-*},
 * {@code lib-*}) are not packages. The lockfile does not say which packages are direct.
 */
final class ComposerFiles {
  private ComposerFiles() {}

  static List<Dependency> manifest(String text) throws MalformedManifestException {
    LocatedTree tree = LocatedTree.json(text);
    List<Dependency> out = new ArrayList<>();
    for (String section : List.of("require", "require-dev")) {
      for (Map.Entry<String, JsonNode> e : tree.root().path(section).properties()) {
        if (!e.getKey().contains("/")) continue; // php, ext-json, composer-plugin-api: the platform
        out.add(Dependency.of(e.getKey(), e.getValue().asText(""), section.equals("require-dev") ? "dev" : "",
            tree.line(section, e.getKey())));
      }
    }
    return out;
  }

  static List<Dependency> lock(String text) throws MalformedManifestException {
    LocatedTree tree = LocatedTree.json(text);
    List<Dependency> out = new ArrayList<>();
    for (String section : List.of("packages", "packages-dev")) {
      int i = 0;
      for (JsonNode p : tree.root().path(section)) {
        String index = String.valueOf(i++);
        String name = p.path("name").asText("");
        if (name.isEmpty()) continue;
        int line = tree.line(section, index, "name");
        out.add(Dependency.of(name, p.path("version").asText(""), section.equals("packages-dev") ? "dev" : "",
            line > 0 ? line : tree.line(section, index)));
      }
    }
    return out;
  }
}

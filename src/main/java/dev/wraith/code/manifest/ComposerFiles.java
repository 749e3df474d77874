package dev.wraith.code.manifest;

import dev.wraith.code.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Composer's composer.json ({@code require}, {@code require-dev}) and composer.lock ({@code packages},
 * {@code packages-dev}, each with its resolved version). Platform requirements ({@code php}, {@code ext-*},
 * {@code lib-*}) are not packages. The lockfile does not say which packages are direct.
 */
final class ComposerFiles {
  private ComposerFiles() {}

  static List<Dependency> manifest(String text) throws MalformedManifestException {
    YamlNode root = Documents.json(text);
    List<Dependency> out = new ArrayList<>();
    for (String section : List.of("require", "require-dev")) {
      for (YamlNode.Entry e : Documents.entries(root, section)) {
        if (!e.key().contains("/")) continue; // php, ext-json, composer-plugin-api: the platform
        out.add(Dependency.of(e.key(), YamlNode.scalar(e.value()), section.equals("require-dev") ? "dev" : "", e.line()));
      }
    }
    return out;
  }

  static List<Dependency> lock(String text) throws MalformedManifestException {
    YamlNode root = Documents.json(text);
    List<Dependency> out = new ArrayList<>();
    for (String section : List.of("packages", "packages-dev")) {
      for (YamlNode p : Documents.get(root, section).map(YamlNode::items).orElse(List.of())) {
        String name = Documents.text(p, "name", "");
        if (name.isEmpty()) continue;
        int line = YamlNode.entries(p).stream().filter(e -> e.key().equals("name")).mapToInt(YamlNode.Entry::line)
            .findFirst().orElse(p.line());
        out.add(Dependency.of(name, Documents.text(p, "version", ""), section.equals("packages-dev") ? "dev" : "", line));
      }
    }
    return out;
  }
}

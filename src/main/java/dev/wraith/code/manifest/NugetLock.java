package dev.wraith.code.manifest;

import dev.wraith.code.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * NuGet's packages.lock.json: {@code dependencies.<target framework>.<package>} with {@code type} Direct,
 * Transitive or CentralTransitive (Project entries are the solution's own projects) and the {@code resolved}
 * version. A package locked for several target frameworks at one version is reported once, at its first entry.
 */
final class NugetLock {
  private NugetLock() {}

  static List<Dependency> parse(String text) throws MalformedManifestException {
    YamlNode root = Documents.json(text);
    List<Dependency> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlNode.Entry framework : Documents.entries(root, "dependencies")) {
      for (YamlNode.Entry e : YamlNode.entries(framework.value())) {
        YamlNode p = e.value();
        String type = Documents.text(p, "type", "");
        if (type.equalsIgnoreCase("Project")) continue;
        String version = Documents.text(p, "resolved", Documents.text(p, "requested", ""));
        if (!seen.add(e.key().toLowerCase(java.util.Locale.ROOT) + "@" + version)) continue;
        String direct = type.equalsIgnoreCase("Direct") ? "true" : type.isEmpty() ? "" : "false";
        out.add(new Dependency(e.key(), version, "", direct, e.line()));
      }
    }
    return out;
  }
}

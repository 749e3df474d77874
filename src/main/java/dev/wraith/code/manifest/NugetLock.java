package dev.wraith.code.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NuGet's packages.lock.json: {@code dependencies.<target framework>.<package>} with {@code type} Direct,
 * Transitive or CentralTransitive (Project entries are the solution's own projects) and the {@code resolved}
 * version. A package locked for several target frameworks at one version is reported once, at its first entry.
 */
final class NugetLock {
  private NugetLock() {}

  static List<Dependency> parse(String text) throws MalformedManifestException {
    LocatedTree tree = LocatedTree.json(text);
    List<Dependency> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, JsonNode> framework : tree.root().path("dependencies").properties()) {
      for (Map.Entry<String, JsonNode> e : framework.getValue().properties()) {
        JsonNode p = e.getValue();
        String type = p.path("type").asText("");
        if (type.equalsIgnoreCase("Project")) continue;
        String version = p.path("resolved").asText(p.path("requested").asText(""));
        if (!seen.add(e.getKey().toLowerCase(java.util.Locale.ROOT) + "@" + version)) continue;
        String direct = type.equalsIgnoreCase("Direct") ? "true" : type.isEmpty() ? "" : "false";
        out.add(new Dependency(e.getKey(), version, "", direct, tree.line("dependencies", framework.getKey(), e.getKey())));
      }
    }
    return out;
  }
}

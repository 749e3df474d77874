package dev.wraith.code.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * package.json and npm's package-lock.json / npm-shrinkwrap.json. Lockfile v2 and v3 are read from
 * {@code packages} (keys {@code node_modules/...}, nested and workspace ones too); v1 from the nested
 * {@code dependencies} tree. v1 cannot tell a hoisted transitive package from a direct one, so only nested
 * v1 entries get {@code direct=false}.
 */
final class PackageJson {
  /** package.json sections and the scope each gives. */
  static final Map<String, String> SECTIONS = Map.of(
      "dependencies", "", "devDependencies", "dev", "peerDependencies", "peer", "optionalDependencies", "optional");
  private static final String NODE_MODULES = "node_modules/";

  private PackageJson() {}

  static List<Dependency> manifest(String text) throws MalformedManifestException {
    LocatedTree tree = LocatedTree.json(text);
    List<Dependency> out = new ArrayList<>();
    for (String section : List.of("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")) {
      for (Map.Entry<String, JsonNode> e : tree.root().path(section).properties()) {
        NpmSpec spec = new NpmSpec(e.getKey(), e.getValue().asText("")).dealiased();
        out.add(Dependency.of(spec.name(), spec.range(), SECTIONS.get(section), tree.line(section, e.getKey())));
      }
    }
    return out;
  }

  static List<Dependency> lock(String text) throws MalformedManifestException {
    LocatedTree tree = LocatedTree.json(text);
    List<Dependency> out = new ArrayList<>();
    JsonNode packages = tree.root().path("packages");
    if (packages.isObject()) packages(tree, packages, out);
    else legacy(tree, tree.root().path("dependencies"), List.of("dependencies"), 0, out);
    return out;
  }

  private static void packages(LocatedTree tree, JsonNode packages, List<Dependency> out) {
    Set<String> direct = new HashSet<>();
    for (Map.Entry<String, JsonNode> e : packages.properties()) {
      if (e.getKey().contains(NODE_MODULES)) continue; // the root ("") and workspace members declare the direct ones
      for (String section : SECTIONS.keySet()) e.getValue().path(section).fieldNames().forEachRemaining(direct::add);
    }
    for (Map.Entry<String, JsonNode> e : packages.properties()) {
      String key = e.getKey();
      JsonNode p = e.getValue();
      int last = key.lastIndexOf(NODE_MODULES);
      if (last < 0 || p.path("link").asBoolean(false)) continue;
      String installedAs = key.substring(last + NODE_MODULES.length());
      String name = p.path("name").asText(installedAs);
      boolean topLevel = key.indexOf(NODE_MODULES) == last;
      String isDirect = String.valueOf(topLevel && direct.contains(installedAs));
      out.add(new Dependency(name, p.path("version").asText(""), flags(p), isDirect, tree.line("packages", key)));
    }
  }

  private static void legacy(LocatedTree tree, JsonNode deps, List<String> path, int depth, List<Dependency> out) {
    if (depth > 64) return;
    for (Map.Entry<String, JsonNode> e : deps.properties()) {
      List<String> at = new ArrayList<>(path);
      at.add(e.getKey());
      NpmSpec spec = new NpmSpec(e.getKey(), e.getValue().path("version").asText("")).dealiased();
      out.add(new Dependency(spec.name(), spec.range(), flags(e.getValue()), depth > 0 ? "false" : "",
          tree.line(at.toArray(String[]::new))));
      at.add("dependencies");
      legacy(tree, e.getValue().path("dependencies"), at, depth + 1, out);
    }
  }

  private static String flags(JsonNode p) {
    if (p.path("dev").asBoolean(false) || p.path("devOptional").asBoolean(false)) return "dev";
    if (p.path("optional").asBoolean(false)) return "optional";
    if (p.path("peer").asBoolean(false)) return "peer";
    return "";
  }
}

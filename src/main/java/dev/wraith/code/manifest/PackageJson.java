package dev.wraith.code.manifest;

import dev.wraith.code.YamlNode;
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
    YamlNode root = Documents.json(text);
    List<Dependency> out = new ArrayList<>();
    for (String section : List.of("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")) {
      for (YamlNode.Entry e : Documents.entries(root, section)) {
        NpmSpec spec = new NpmSpec(e.key(), YamlNode.scalar(e.value())).dealiased();
        out.add(Dependency.of(spec.name(), spec.range(), SECTIONS.get(section), e.line()));
      }
    }
    return out;
  }

  static List<Dependency> lock(String text) throws MalformedManifestException {
    YamlNode root = Documents.json(text);
    List<Dependency> out = new ArrayList<>();
    if (Documents.get(root, "packages").orElse(null) instanceof YamlNode.Mapping packages) packages(packages, out);
    else legacy(Documents.entries(root, "dependencies"), 0, out);
    return out;
  }

  private static void packages(YamlNode.Mapping packages, List<Dependency> out) {
    Set<String> direct = new HashSet<>();
    for (YamlNode.Entry e : packages.entries()) {
      if (e.key().contains(NODE_MODULES)) continue; // the root ("") and workspace members declare the direct ones
      for (String section : SECTIONS.keySet()) Documents.entries(e.value(), section).forEach(d -> direct.add(d.key()));
    }
    for (YamlNode.Entry e : packages.entries()) {
      String key = e.key();
      YamlNode p = e.value();
      int last = key.lastIndexOf(NODE_MODULES);
      if (last < 0 || Documents.flag(p, "link")) continue;
      String installedAs = key.substring(last + NODE_MODULES.length());
      String name = Documents.text(p, "name", installedAs);
      boolean topLevel = key.indexOf(NODE_MODULES) == last;
      String isDirect = String.valueOf(topLevel && direct.contains(installedAs));
      out.add(new Dependency(name, Documents.text(p, "version", ""), flags(p), isDirect, e.line()));
    }
  }

  private static void legacy(List<YamlNode.Entry> deps, int depth, List<Dependency> out) {
    if (depth > 64) return;
    for (YamlNode.Entry e : deps) {
      NpmSpec spec = new NpmSpec(e.key(), Documents.text(e.value(), "version", "")).dealiased();
      out.add(new Dependency(spec.name(), spec.range(), flags(e.value()), depth > 0 ? "false" : "", e.line()));
      legacy(Documents.entries(e.value(), "dependencies"), depth + 1, out);
    }
  }

  private static String flags(YamlNode p) {
    if (Documents.flag(p, "dev") || Documents.flag(p, "devOptional")) return "dev";
    if (Documents.flag(p, "optional")) return "optional";
    if (Documents.flag(p, "peer")) return "peer";
    return "";
  }
}

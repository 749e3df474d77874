package dev.wraith.code.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cargo.toml and Cargo.lock. The manifest's {@code [dependencies]}, {@code [dev-dependencies]} (scope dev),
 * {@code [build-dependencies]} (scope build), their {@code [target.'cfg'.*]} variants and
 * {@code [workspace.dependencies]} (scope workspace); a renamed dependency ({@code oai = { package = "async-openai" }})
 * is reported under the crate's real name, and {@code workspace = true} takes its version from the workspace root,
 * another file, so none is given. In the lockfile every {@code [[package]]} with a registry or git source is a
 * resolved crate; those the workspace members (packages without a source) list are direct.
 */
final class CargoFiles {
  private static final List<String> SECTIONS = List.of("dependencies", "dev-dependencies", "build-dependencies");

  private CargoFiles() {}

  static List<Dependency> manifest(String text) throws MalformedManifestException {
    TomlDocument doc = TomlDocument.parse(text);
    JsonNode root = doc.root();
    List<Dependency> out = new ArrayList<>();
    for (String section : SECTIONS) table(doc, root.path(section), section, section, out);
    for (Map.Entry<String, JsonNode> target : root.path("target").properties()) {
      for (String section : SECTIONS) {
        String header = "target." + target.getKey().replaceAll("[\\s\"']", "") + "." + section;
        table(doc, target.getValue().path(section), header, section, out);
      }
    }
    table(doc, root.path("workspace").path("dependencies"), "workspace.dependencies", "workspace", out);
    return out;
  }

  private static void table(TomlDocument doc, JsonNode deps, String header, String section, List<Dependency> out) {
    String base = section.equals("dev-dependencies") ? "dev" : section.equals("build-dependencies") ? "build"
        : section.equals("workspace") ? "workspace" : "";
    for (Map.Entry<String, JsonNode> e : deps.properties()) {
      JsonNode spec = e.getValue();
      String name = spec.path("package").isTextual() ? spec.path("package").asText() : e.getKey();
      String version = spec.isTextual() ? spec.asText() : spec.path("version").asText("");
      String scope = base.isEmpty() && spec.path("optional").asBoolean(false) ? "optional" : base;
      int line = doc.keyLine(List.of(header), e.getKey());
      if (line == 0) line = doc.tableLine(header + "." + e.getKey());
      out.add(Dependency.of(name, version, scope, line));
    }
  }

  static List<Dependency> lock(String text) throws MalformedManifestException {
    TomlDocument doc = TomlDocument.parse(text);
    List<Integer> headers = doc.arrayTableLines("package");
    Set<String> direct = new HashSet<>();
    boolean knowsDirect = false;
    for (JsonNode p : doc.root().path("package")) {
      if (p.has("source")) continue;
      knowsDirect = true;
      for (JsonNode d : p.path("dependencies")) direct.add(d.asText("").split(" ", -1)[0]);
    }
    List<Dependency> out = new ArrayList<>();
    int i = 0;
    for (JsonNode p : doc.root().path("package")) {
      int header = i < headers.size() ? headers.get(i) : 0;
      i++;
      if (!p.has("source")) continue; // a workspace member: the project's own crate
      String name = p.path("name").asText("");
      int line = header > 0 ? doc.keyLineAfter(header, "name") : 0;
      String isDirect = knowsDirect ? String.valueOf(direct.contains(name)) : "";
      out.add(new Dependency(name, p.path("version").asText(""), "", isDirect, line > 0 ? line : header));
    }
    return out;
  }
}

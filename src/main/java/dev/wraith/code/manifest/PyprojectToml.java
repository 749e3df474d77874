package dev.wraith.code.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * pyproject.toml: PEP 621 {@code project.dependencies} and {@code optional-dependencies} (scope = the extra),
 * PEP 735 {@code dependency-groups} (scope = the group), uv and PDM dev dependencies, and Poetry's
 * {@code tool.poetry.dependencies}, {@code dev-dependencies} and {@code group.<name>.dependencies}, and the
 * same PEP 621 lists under hatch's {@code uv-dynamic-versioning} hook (used when they are templated).
 * {@code build-system.requires} is build tooling, not the project's, and is ignored.
 */
final class PyprojectToml {
  private PyprojectToml() {}

  static List<Dependency> parse(String text) throws MalformedManifestException {
    TomlDocument doc = TomlDocument.parse(text);
    JsonNode root = doc.root();
    List<Dependency> out = new ArrayList<>();
    JsonNode project = root.path("project");
    requirements(doc, project.path("dependencies"), "", List.of("project"), out);
    for (Map.Entry<String, JsonNode> e : project.path("optional-dependencies").properties()) {
      requirements(doc, e.getValue(), e.getKey(), List.of("project.optional-dependencies", "project"), out);
    }
    for (Map.Entry<String, JsonNode> e : root.path("dependency-groups").properties()) {
      requirements(doc, e.getValue(), e.getKey(), List.of("dependency-groups"), out);
    }
    JsonNode tool = root.path("tool");
    // hatch's uv-dynamic-versioning hook: PEP 621 lists kept outside [project] so they can be templated
    JsonNode dynamic = tool.path("hatch").path("metadata").path("hooks").path("uv-dynamic-versioning");
    String hook = "tool.hatch.metadata.hooks.uv-dynamic-versioning";
    requirements(doc, dynamic.path("dependencies"), "", List.of(hook), out);
    for (Map.Entry<String, JsonNode> e : dynamic.path("optional-dependencies").properties()) {
      requirements(doc, e.getValue(), e.getKey(), List.of(hook + ".optional-dependencies", hook), out);
    }
    requirements(doc, tool.path("uv").path("dev-dependencies"), "dev", List.of("tool.uv"), out);
    for (Map.Entry<String, JsonNode> e : tool.path("pdm").path("dev-dependencies").properties()) {
      requirements(doc, e.getValue(), e.getKey(), List.of("tool.pdm.dev-dependencies"), out);
    }
    JsonNode poetry = tool.path("poetry");
    poetry(doc, poetry.path("dependencies"), "", "tool.poetry.dependencies", out);
    poetry(doc, poetry.path("dev-dependencies"), "dev", "tool.poetry.dev-dependencies", out);
    for (Map.Entry<String, JsonNode> g : poetry.path("group").properties()) {
      poetry(doc, g.getValue().path("dependencies"), g.getKey(), "tool.poetry.group." + g.getKey() + ".dependencies", out);
    }
    return out;
  }

  /** A list of PEP 508 strings; tables in it ({@code {include-group = ...}}) are not packages. */
  private static void requirements(TomlDocument doc, JsonNode list, String scope, List<String> tables, List<Dependency> out) {
    for (JsonNode item : list) {
      if (!item.isTextual()) continue;
      String spec = item.asText();
      PythonRequirement.parse(spec).ifPresent(r ->
          out.add(Dependency.of(r.name(), r.version(), scope, doc.stringLine(tables, spec))));
    }
  }

  /** Poetry's name = constraint table; a constraint is a string, a table or a list of tables (multiple constraints). */
  private static void poetry(TomlDocument doc, JsonNode deps, String scope, String table, List<Dependency> out) {
    for (Map.Entry<String, JsonNode> e : deps.properties()) {
      String name = e.getKey();
      if (name.equalsIgnoreCase("python")) continue;
      JsonNode spec = e.getValue();
      List<String> versions = new ArrayList<>();
      boolean optional = false;
      for (JsonNode c : spec.isArray() ? spec : List.of(spec)) {
        if (c.isTextual()) versions.add(c.asText());
        else if (c.path("version").isTextual()) versions.add(c.path("version").asText());
        optional |= c.path("optional").asBoolean(false);
      }
      String s = scope.isEmpty() && optional ? "optional" : scope;
      out.add(Dependency.of(name, String.join(" || ", versions), s, doc.keyLine(List.of(table), name)));
    }
  }
}

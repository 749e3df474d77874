package dev.wraith.code.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wraith.catalogue.Ecosystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * poetry.lock and uv.lock, both TOML with one {@code [[package]]} table per resolved distribution. uv.lock
 * lists the project itself as an editable or virtual package whose dependencies are the direct ones; poetry.lock
 * does not say what is direct, only (by version) a category or groups, reported as scope.
 */
final class PythonLockfiles {
  private PythonLockfiles() {}

  static List<Dependency> poetry(String text) throws MalformedManifestException {
    TomlDocument doc = TomlDocument.parse(text);
    List<Integer> headers = doc.arrayTableLines("package");
    List<Dependency> out = new ArrayList<>();
    int i = 0;
    for (JsonNode p : doc.root().path("package")) {
      int line = i < headers.size() ? nameLine(doc, headers.get(i)) : 0;
      i++;
      String scope = p.path("category").asText("");
      if (scope.equals("main")) scope = "";
      List<String> groups = new ArrayList<>();
      p.path("groups").forEach(g -> groups.add(g.asText()));
      if (!groups.isEmpty() && !groups.equals(List.of("main"))) scope = String.join(",", groups);
      out.add(Dependency.of(p.path("name").asText(""), p.path("version").asText(""), scope, line));
    }
    return out;
  }

  static List<Dependency> uv(String text) throws MalformedManifestException {
    TomlDocument doc = TomlDocument.parse(text);
    List<Integer> headers = doc.arrayTableLines("package");
    Map<String, String> directScopes = new HashMap<>();
    boolean knowsDirect = false; // a lock of a script or tool may list no project package
    for (JsonNode p : doc.root().path("package")) {
      if (!isProject(p)) continue;
      knowsDirect = true;
      names(p.path("dependencies"), "", directScopes);
      p.path("optional-dependencies").properties().forEach(e -> names(e.getValue(), e.getKey(), directScopes));
      p.path("dev-dependencies").properties().forEach(e -> names(e.getValue(), e.getKey(), directScopes));
    }
    List<Dependency> out = new ArrayList<>();
    int i = 0;
    for (JsonNode p : doc.root().path("package")) {
      int line = i < headers.size() ? nameLine(doc, headers.get(i)) : 0;
      i++;
      if (isProject(p)) continue;
      String name = p.path("name").asText("");
      String key = Ecosystem.PYPI.normalisePackage(name);
      String direct = knowsDirect ? String.valueOf(directScopes.containsKey(key)) : "";
      out.add(new Dependency(name, p.path("version").asText(""), directScopes.getOrDefault(key, ""), direct, line));
    }
    return out;
  }

  /** A workspace member (the project or one of its packages), not a resolved third-party distribution. */
  private static boolean isProject(JsonNode p) {
    JsonNode source = p.path("source");
    return source.has("editable") || source.has("virtual");
  }

  private static void names(JsonNode deps, String scope, Map<String, String> into) {
    for (JsonNode d : deps) {
      String name = d.path("name").asText("");
      if (!name.isEmpty()) into.merge(Ecosystem.PYPI.normalisePackage(name), scope, (a, b) -> a.isEmpty() ? a : b.isEmpty() ? b : a);
    }
  }

  private static int nameLine(TomlDocument doc, int header) {
    int line = doc.keyLineAfter(header, "name");
    return line > 0 ? line : header;
  }
}

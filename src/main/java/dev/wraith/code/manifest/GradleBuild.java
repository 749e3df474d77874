package dev.wraith.code.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gradle build scripts (Groovy and Kotlin DSL) and version catalogs ({@code libs.versions.toml}). Scripts are
 * programs, so they are read lexically, line by line, not evaluated: string notation {@code "g:a:v"} and map
 * notation {@code group: 'g', name: 'a', version: 'v'} in any configuration (its name becomes the scope), with
 * {@code $var} versions resolved from simple assignments in the same file. Comments are skipped.
 */
final class GradleBuild {
  private static final Pattern STRING_NOTATION =
      Pattern.compile("([\"'])([\\w.\\-]+):([\\w.\\-]+)(?::([^\"'\\s:@]*))?(?::[^\"'\\s:@]+)?(?:@\\w+)?\\1");
  private static final Pattern CONFIGURATION = Pattern.compile("^\\s*\"?([A-Za-z_]\\w*)\"?\\s*[(\\s]");
  private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(?:def|val|var|ext\\.)?\\s*(\\w+)\\s*=\\s*[\"']([^\"'$]+)[\"']\\s*$");
  private static final Pattern VARIABLE = Pattern.compile("^\\$\\{?([\\w.]+)\\}?$");
  private static final Pattern GROUP = namedArgument("group");
  private static final Pattern NAME = namedArgument("name");
  private static final Pattern VERSION = namedArgument("version");

  private GradleBuild() {}

  static List<Dependency> script(String text) {
    List<String> lines = stripComments(text.lines().toList());
    Map<String, String> variables = new HashMap<>();
    for (String l : lines) {
      Matcher a = ASSIGNMENT.matcher(l);
      if (a.matches()) variables.putIfAbsent(a.group(1), a.group(2));
    }
    List<Dependency> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank()) continue;
      Matcher c = CONFIGURATION.matcher(l);
      String scope = c.find() ? c.group(1) : "";
      Matcher s = STRING_NOTATION.matcher(l);
      while (s.find()) {
        String version = s.group(4) == null ? "" : resolve(s.group(4), variables);
        out.add(Dependency.of(s.group(2) + ":" + s.group(3), version, scope, i + 1));
      }
      String group = named(l, GROUP);
      String name = named(l, NAME);
      if (!group.isEmpty() && !name.isEmpty()) out.add(Dependency.of(group + ":" + name, resolve(named(l, VERSION), variables), scope, i + 1));
    }
    return out;
  }

  /** {@code [libraries]} of a version catalog: {@code "g:a:v"}, {@code module = "g:a"} or {@code group} + {@code name}. */
  static List<Dependency> catalog(String text) throws MalformedManifestException {
    TomlDocument doc = TomlDocument.parse(text);
    JsonNode versions = doc.root().path("versions");
    List<Dependency> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : doc.root().path("libraries").properties()) {
      JsonNode lib = e.getValue();
      String coordinates;
      String version;
      if (lib.isTextual()) {
        String[] parts = lib.asText().split(":", -1);
        if (parts.length < 2) continue;
        coordinates = parts[0] + ":" + parts[1];
        version = parts.length > 2 ? parts[2] : "";
      } else {
        coordinates = lib.has("module") ? lib.path("module").asText() : lib.path("group").asText() + ":" + lib.path("name").asText();
        version = catalogVersion(lib.path("version"), versions);
      }
      out.add(Dependency.of(coordinates, version, "", doc.keyLine(List.of("libraries"), e.getKey())));
    }
    return out;
  }

  private static String catalogVersion(JsonNode v, JsonNode versions) {
    if (v.isTextual()) return v.asText();
    if (v.has("ref")) return // a ref names an entry of [versions], which never refers further
 catalogVersion(versions.path(v.path("ref").asText()), MissingNode.getInstance());
    for (String k : List.of("strictly", "require", "prefer")) if (v.path(k).isTextual()) return v.path(k).asText();
    return "";
  }

  /** The value of a map-notation argument: a string literal, or a bare identifier as a {@code $name} reference. */
  private static String named(String line, Pattern argument) {
    Matcher m = argument.matcher(line);
    if (!m.find()) return "";
    return m.group(1) != null ? m.group(1) : "$" + m.group(2);
  }

  private static Pattern namedArgument(String key) {
    return Pattern.compile("\\b" + key + "\\s*[:=]\\s*(?:[\"']([^\"']+)[\"']|([A-Za-z_]\\w*))");
  }

  private static String resolve(String version, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(version);
    return m.matches() ? variables.getOrDefault(m.group(1), version) : version;
  }

  /** Blanks {@code //} line comments and {@code /* *}{@code /} blocks, keeping line numbers. */
  private static List<String> stripComments(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    boolean inBlock = false;
    for (String l : lines) {
      String t = l.trim();
      if (inBlock) {
        inBlock = !t.contains("*/");
        out.add("");
      } else if (t.startsWith("/*")) {
        inBlock = !t.contains("*/");
        out.add("");
      } else {
        out.add(t.startsWith("//") ? "" : l);
      }
    }
    return out;
  }
}

package dev.wraith.code.manifest;

import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamReader;

/**
 * pom.xml dependencies wherever Maven takes them (project, dependencyManagement, profiles, plugins), with
 * {@code ${...}} in coordinates and versions resolved from the POM's own {@code <properties>} and project
 * coordinates; parents and imported BOMs are other files and are not read. Hardened against XXE: the StAX
 * reader supports no DTDs and no external entities, and a POM with a DOCTYPE is refused outright, since
 * Maven's own POMs never have one.
 */
final class PomXml {
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)\\}");

  private PomXml() {}

  private record Declared(Map<String, String> fields, String context, int line) {}

  static List<Dependency> parse(String text) throws MalformedManifestException {
    Walk walk = new Walk();
    SafeXml.walk(text, "a POM", walk);
    return withManagedVersions(walk.declared, walk.declared.stream().map(d -> dependency(d, walk.properties)).toList());
  }

  /**
   * The project's own coordinates: {@code artifactId} and {@code groupId} direct children of {@code project}, the
   * group inherited from {@code parent} when the project sets none; "" for what is missing. Properties are not resolved
   * (a {@code ${...}} in either never equals a published package name).
   */
  record Coordinates(String groupId, String artifactId) {}

  static Coordinates coordinates(String text) throws MalformedManifestException {
    Walk walk = new Walk();
    walk.coordinatesOnly = true;
    SafeXml.walk(text, "a POM", walk);
    return new Coordinates(walk.groupId.isEmpty() ? walk.parentGroupId : walk.groupId, walk.artifactId);
  }

  /**
   * The state of one pass over a POM: open elements, text, the dependency being read, what was declared and the
   * properties; or, for {@link #coordinates}, only the project's own coordinates, ending the walk once both are read.
   */
  private static final class Walk extends SafeXml.ElementWalk {
    final Map<String, String> properties = new HashMap<>();
    final List<Declared> declared = new ArrayList<>();
    Declared current;
    boolean coordinatesOnly;
    String artifactId = "", groupId = "", parentGroupId = "";

    Walk() {
      super(false);
    }

    @Override
    void opened(XMLStreamReader r, String name, String parent) {
      if (!coordinatesOnly && name.equals("dependency") && "dependencies".equals(parent)) {
        current = new Declared(new HashMap<>(), context(stack), r.getLocation().getLineNumber());
      }
    }

    @Override
    boolean closed(String name, String value) {
      if (coordinatesOnly) return coordinate(name, value);
      if (current != null && name.equals("dependency") && "dependencies".equals(stack.peek())) {
        declared.add(current);
        current = null;
      } else if (current != null && stack.size() >= 1 && "dependency".equals(stack.peek())) {
        current.fields().put(name, value);
      } else {
        property(stack, name, value, properties);
      }
      return true;
    }

    /** Records a project or parent coordinate; false (the walk ends) once the project's own two are known. */
    private boolean coordinate(String name, String value) {
      boolean inProject = stack.size() == 1 && "project".equals(stack.peek());
      boolean inParent = stack.size() == 2 && "parent".equals(stack.peek());
      if (inProject && name.equals("artifactId")) artifactId = value;
      if (inProject && name.equals("groupId")) groupId = value;
      if (inParent && name.equals("groupId")) parentGroupId = value;
      return artifactId.isEmpty() || groupId.isEmpty();
    }
  }

  /** A dependency without a version takes the one this POM's own dependencyManagement gives the same artifact. */
  private static List<Dependency> withManagedVersions(List<Declared> declared, List<Dependency> deps) {
    Map<String, String> managed = new HashMap<>();
    for (int i = 0; i < deps.size(); i++) {
      if (declared.get(i).context().equals("dependencyManagement")) managed.putIfAbsent(deps.get(i).name(), deps.get(i).version());
    }
    List<Dependency> out = new ArrayList<>(deps.size());
    for (Dependency d : deps) {
      String version = d.version().isEmpty() ? managed.getOrDefault(d.name(), "") : d.version();
      out.add(Dependency.of(d.name(), version, d.scope(), d.line()));
    }
    return out;
  }

  private static Dependency dependency(Declared d, Map<String, String> properties) {
    Map<String, String> f = d.fields();
    String coordinates = resolve(f.getOrDefault("groupId", ""), properties) + ":" + resolve(f.getOrDefault("artifactId", ""), properties);
    String scope = f.getOrDefault("scope", "");
    if (scope.isEmpty() && f.getOrDefault("optional", "").equals("true")) scope = "optional";
    if (scope.isEmpty() && d.context().equals("plugin")) scope = "plugin";
    return Dependency.of(coordinates, resolve(f.getOrDefault("version", ""), properties), scope, d.line());
  }

  /** Records {@code <properties>} children and the project's own coordinates ({@code project.version}, ...). */
  private static void property(Deque<String> stack, String name, String value, Map<String, String> into) {
    List<String> path = new ArrayList<>(stack);
    if (path.size() == 2 && path.get(0).equals("properties") && path.get(1).equals("project")) into.put(name, value);
    if (path.size() == 1 && path.get(0).equals("project")) into.put("project." + name, value);
    if (path.size() == 2 && path.get(0).equals("parent") && path.get(1).equals("project")) {
      into.put("project.parent." + name, value);
      into.putIfAbsent("project." + name, value); // inherited unless the project sets its own
    }
  }

  /** Substitutes known properties, a few rounds deep (properties may refer to properties); unknown ones stay. */
  static String resolve(String value, Map<String, String> properties) {
    String v = value;
    for (int round = 0; round < 5 && v.contains("${"); round++) {
      Matcher m = PROPERTY.matcher(v);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String key = m.group(1);
        String sub = properties.getOrDefault(key, properties.getOrDefault(key.replaceFirst("^pom\\.", "project."), m.group()));
        m.appendReplacement(sb, Matcher.quoteReplacement(sub));
      }
      m.appendTail(sb);
      if (sb.length() > 4096) break;
      v = sb.toString();
    }
    return v;
  }

  private static String context(Deque<String> stack) {
    return stack.contains("plugin") ? "plugin" : stack.contains("dependencyManagement") ? "dependencyManagement" : "project";
  }
}

package dev.wraith.code.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * yarn.lock, classic (v1, its own text format) and Berry (YAML). Both put one entry per resolved package: an
 * unindented header listing the {@code name@range} specs it satisfies, then an indented {@code version}.
 * Reading the shared shape line by line handles both and needs no YAML parser. Berry also lists each
 * workspace ({@code name@workspace:path}) with its dependencies, which tells direct packages apart; classic
 * does not, so there {@code direct} stays unknown.
 */
final class YarnLock {
  private static final Pattern VERSION = Pattern.compile("^ {2}version:?\\s+\"?([^\"\\s]+)\"?\\s*$");
  private static final Pattern DEPENDENCY_SECTION = Pattern.compile("^ {2}(dependencies|peerDependencies|optionalDependencies):\\s*$");
  private static final Pattern DEPENDENCY = Pattern.compile("^ {4}\"?([^\"\\s:]+)\"?:?\\s+.*$");

  private YarnLock() {}

  /** One lockfile entry: the package names its header resolves, its version and line. */
  private record Entry(Set<String> names, String version, int line, boolean workspace) {}

  static List<Dependency> parse(String text) {
    List<Entry> entries = new ArrayList<>();
    Set<String> direct = new HashSet<>();
    Set<String> names = new LinkedHashSet<>();
    String version = "";
    int line = 0;
    boolean workspace = false;
    boolean inDeps = false;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank() || l.startsWith("#")) continue;
      if (!Character.isWhitespace(l.charAt(0))) {
        if (!names.isEmpty()) entries.add(new Entry(Set.copyOf(names), version, line, workspace));
        names.clear();
        version = "";
        line = i + 1;
        workspace = l.contains("@workspace:");
        inDeps = false;
        if (l.endsWith(":")) header(l.substring(0, l.length() - 1), names);
        continue;
      }
      Matcher v = VERSION.matcher(l);
      if (v.matches() && !names.isEmpty() && version.isEmpty()) version = v.group(1);
      if (!l.startsWith("    ")) inDeps = workspace && DEPENDENCY_SECTION.matcher(l).matches();
      Matcher d = DEPENDENCY.matcher(l);
      if (inDeps && d.matches()) direct.add(d.group(1));
    }
    if (!names.isEmpty()) entries.add(new Entry(Set.copyOf(names), version, line, workspace));
    boolean knowsDirect = entries.stream().anyMatch(Entry::workspace);
    List<Dependency> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.workspace()) continue;
      for (String n : e.names()) {
        out.add(new Dependency(n, e.version(), "", knowsDirect ? String.valueOf(direct.contains(n)) : "", e.line()));
      }
    }
    return out;
  }

  private static void header(String header, Set<String> names) {
    for (String raw : header.split(",", -1)) {
      String spec = raw.trim();
      if (spec.length() >= 2 && spec.startsWith("\"") && spec.endsWith("\"")) spec = spec.substring(1, spec.length() - 1);
      if (spec.isEmpty() || spec.equals("__metadata")) continue;
      names.add(NpmSpec.parse(spec).name());
    }
  }
}

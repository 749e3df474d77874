package dev.wraith.code.manifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * yarn.lock, classic (v1, its own text format) and Berry (YAML). Both put one entry per resolved package: an
 * unindented header listing the {@code name@range} specs it satisfies, then an indented {@code version}.
 * Reading the shared shape line by line handles both and needs no YAML parser. Neither says what is direct.
 */
final class YarnLock {
  private static final Pattern VERSION = Pattern.compile("^ {2}version:?\\s+\"?([^\"\\s]+)\"?\\s*$");

  private YarnLock() {}

  static List<Dependency> parse(String text) {
    List<Dependency> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    String version = "";
    int line = 0;
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank() || l.startsWith("#")) continue;
      if (!Character.isWhitespace(l.charAt(0))) {
        flush(names, version, line, out);
        names.clear();
        version = "";
        line = i + 1;
        if (l.endsWith(":")) header(l.substring(0, l.length() - 1), names);
        continue;
      }
      Matcher m = VERSION.matcher(l);
      if (m.matches() && !names.isEmpty() && version.isEmpty()) version = m.group(1);
    }
    flush(names, version, line, out);
    return out;
  }

  private static void header(String header, Set<String> names) {
    for (String raw : header.split(",")) {
      String spec = raw.trim();
      if (spec.length() >= 2 && spec.startsWith("\"") && spec.endsWith("\"")) spec = spec.substring(1, spec.length() - 1);
      if (spec.isEmpty() || spec.equals("__metadata")) continue;
      names.add(NpmSpec.parse(spec).name());
    }
  }

  private static void flush(Set<String> names, String version, int line, List<Dependency> out) {
    for (String n : names) out.add(Dependency.of(n, version, "", line));
  }
}

package dev.wraith.code.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * pip requirements and pip-tools constraint files. Includes ({@code -r}, {@code -c}) are not followed: each
 * file is scanned on its own. Options such as {@code --hash} after a requirement, comments, environment
 * markers and backslash continuations are understood; URL and VCS lines count through their {@code #egg=}.
 */
final class RequirementsTxt {
  private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");
  private static final Pattern TRAILING_OPTIONS = Pattern.compile("\\s+--?[a-zA-Z].*$");

  private RequirementsTxt() {}

  /** Whether a file name is a requirements or constraints file, by pip and pip-tools conventions. */
  static boolean accepts(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    int slash = lower.lastIndexOf('/');
    String name = lower.substring(slash + 1);
    boolean ext = name.endsWith(".txt") || name.endsWith(".in");
    if (!ext) return false;
    if (name.contains("requirements") || name.startsWith("constraints")) return true;
    return lower.startsWith("requirements/") || lower.contains("/requirements/");
  }

  static List<Dependency> parse(String path, String text) {
    String scope = scopeOf(path);
    List<Dependency> out = new ArrayList<>();
    List<String> lines = text.lines().toList();
    StringBuilder logical = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (logical.isEmpty()) start = i + 1;
      if (line.endsWith("\\")) {
        logical.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      logical.append(line);
      int at = start;
      requirement(logical.toString()).ifPresent(r -> out.add(Dependency.of(r.name(), r.version(), scope, at)));
      logical.setLength(0);
    }
    return out;
  }

  private static Optional<PythonRequirement> requirement(String raw) {
    String line = COMMENT.matcher(raw).replaceFirst("").trim();
    if (line.isEmpty()) return Optional.empty();
    if (line.startsWith("-e ") || line.startsWith("--editable")) return PythonRequirement.fromEgg(line);
    if (line.startsWith("-")) return Optional.empty();
    if (line.contains("://") && !line.matches("^[A-Za-z0-9._-]+\\s*(\\[[^\\]]*\\])?\\s*@.*")) return PythonRequirement.fromEgg(line);
    line = TRAILING_OPTIONS.matcher(line).replaceFirst("");
    return PythonRequirement.parse(line);
  }

  /** requirements-dev.txt, dev-requirements.in and requirements/dev.txt say "dev"; requirements.txt nothing. */
  private static String scopeOf(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    String name = lower.substring(lower.lastIndexOf('/') + 1).replaceFirst("\\.(txt|in)$", "");
    boolean inDir = lower.startsWith("requirements/") || lower.contains("/requirements/");
    String s = inDir ? name : name.replace("requirements", "").replace("constraints", "");
    s = s.replaceAll("^[-_.]+|[-_.]+$", "");
    return s.equals("requirements") || s.equals("constraints") ? "" : s;
  }
}

package dev.wraith.code;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ignore patterns in .gitignore syntax (also used for --exclude): negation with '!', directory-only
 * patterns ending in '/', anchored patterns containing '/', and the '*', '?', '[...]' and '**' globs.
 * Rules are relative to the directory that holds them; the last matching rule wins.
 */
public final class IgnoreRules {
  private record Rule(Pattern regex, boolean negated, boolean dirOnly) {}

  private final String base; // directory of the rules, relative to the scan root, "" or ending in '/'
  private final List<Rule> rules;

  private IgnoreRules(String base, List<Rule> rules) {
    this.base = base;
    this.rules = List.copyOf(rules);
  }

  /** Parses gitignore text whose patterns are relative to {@code baseDir} ("" for the scan root). */
  public static IgnoreRules parse(String baseDir, String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\r?\n", -1)) {
      String line = stripTrailingSpaces(raw);
      if (line.isEmpty() || line.startsWith("#")) continue;
      boolean negated = line.startsWith("!");
      if (negated) line = line.substring(1);
      if (line.startsWith("\\")) line = line.substring(1);
      boolean dirOnly = line.endsWith("/");
      if (dirOnly) line = line.substring(0, line.length() - 1);
      if (line.isEmpty()) continue;
      boolean anchored = line.contains("/");
      if (line.startsWith("/")) line = line.substring(1);
      String re = (anchored ? "" : "(?:.*/)?") + globToRegex(line);
      rules.add(new Rule(Pattern.compile(re), negated, dirOnly));
    }
    String b = baseDir.isEmpty() || baseDir.endsWith("/") ? baseDir : baseDir + "/";
    return new IgnoreRules(b, rules);
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * The verdict of these rules for a path relative to the scan root: TRUE ignored, FALSE re-included by a
   * negation, null when no rule speaks.
   */
  public Boolean verdict(String path, boolean isDir) {
    if (!path.startsWith(base)) return null;
    String rel = path.substring(base.length());
    Boolean result = null;
    for (Rule r : rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.regex.matcher(rel).matches()) result = !r.negated;
    }
    return result;
  }

  static String globToRegex(String glob) {
    StringBuilder re = new StringBuilder();
    int n = glob.length();
    for (int i = 0; i < n; i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        boolean dbl = i + 1 < n && glob.charAt(i + 1) == '*';
        if (dbl) {
          boolean leadSlash = i == 0 || glob.charAt(i - 1) == '/';
          boolean trailSlash = i + 2 < n && glob.charAt(i + 2) == '/';
          if (leadSlash && trailSlash) {
            re.append("(?:.*/)?");
            i += 2;
          } else {
            re.append(".*");
            i++;
          }
        } else {
          re.append("[^/]*");
        }
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[') {
        int close = glob.indexOf(']', i + 1);
        if (close < 0) {
          re.append("\\[");
        } else {
          String cls = glob.substring(i + 1, close).replace("\\", "\\\\");
          if (cls.startsWith("!")) cls = "^" + cls.substring(1);
          re.append('[').append(cls).append(']');
          i = close;
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    // a pattern naming a directory also covers everything below it
    re.append("(?:/.*)?");
    return re.toString();
  }

  private static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ' && !(end > 1 && s.charAt(end - 2) == '\\')) end--;
    return s.substring(0, end);
  }
}

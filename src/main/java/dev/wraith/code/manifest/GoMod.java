package dev.wraith.code.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * go.mod {@code require} directives, single-line and block form. Since Go 1.17 go.mod lists every module the
 * build needs, marking the ones the main module does not import itself with {@code // indirect}, so
 * {@code direct} is known. {@code replace}, {@code exclude} and {@code retract} do not add requirements.
 */
final class GoMod {
  private static final Pattern REQUIRE_LINE = Pattern.compile("^require\\s+(?!\\()(.+)$");
  private static final Pattern SPEC = Pattern.compile("^(\"[^\"]+\"|`[^`]+`|\\S+)\\s+(\\S+)\\s*(//.*)?$");
  private static final Pattern BLOCK_START = Pattern.compile("^require\\s*\\(\\s*(//.*)?$");

  private GoMod() {}

  static List<Dependency> parse(String text) {
    List<Dependency> out = new ArrayList<>();
    List<String> lines = text.lines().toList();
    boolean inRequire = false;
    boolean inOtherBlock = false;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).trim();
      if (inRequire || inOtherBlock) {
        if (l.startsWith(")")) {
          inRequire = false;
          inOtherBlock = false;
        } else if (inRequire) {
          spec(l, i + 1, out);
        }
        continue;
      }
      if (BLOCK_START.matcher(l).matches()) {
        inRequire = true;
        continue;
      }
      if (l.matches("^\\w+\\s*\\(\\s*(//.*)?$")) {
        inOtherBlock = true;
        continue;
      }
      Matcher m = REQUIRE_LINE.matcher(l);
      if (m.matches()) spec(m.group(1).trim(), i + 1, out);
    }
    return out;
  }

  private static void spec(String s, int line, List<Dependency> out) {
    Matcher m = SPEC.matcher(s);
    if (s.startsWith("//") || !m.matches()) return;
    String module = m.group(1).replaceAll("^[\"`]|[\"`]$", "");
    boolean indirect = m.group(3) != null && m.group(3).matches("//\\s*indirect\\b.*");
    out.add(new Dependency(module, m.group(2), "", String.valueOf(!indirect), line));
  }
}

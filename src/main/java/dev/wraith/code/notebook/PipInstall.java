package dev.wraith.code.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requirements a notebook line installs: {@code %pip install}, {@code !pip install}, {@code !pip3},
 * {@code !python -m pip}, {@code !{sys.executable} -m pip}, {@code uv pip install}, prefixed or (in shell cells)
 * not. Options are skipped with their values, and so are local paths, URLs and interpolated names
 * ({@code {pkg}}, {@code $PKG}): only what could be a package name from the index is returned.
 */
final class PipInstall {
  private static final Pattern COMMAND = Pattern.compile(
      "^\\s*[!%]?\\s*(?:\\{[^}]*}\\s+-m\\s+|(?:\\S*python[0-9.]*|py)\\s+-m\\s+|uv\\s+)?pip[0-9.]*\\s+install\\s+(.*)$");
  private static final Pattern END = Pattern.compile("&&|\\|\\||[;|#>]");
  /** pip install options that take a value as the next word. */
  private static final Set<String> WITH_VALUE = Set.of("-r", "--requirement", "-c", "--constraint", "-e", "--editable",
      "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--src",
      "--platform", "--python-version", "--implementation", "--abi", "--trusted-host", "--proxy", "--cert",
      "--client-cert", "--cache-dir", "--log", "--progress-bar", "--upgrade-strategy", "--only-binary", "--no-binary",
      "--config-settings", "-C", "--python", "--global-option", "--install-option", "--report", "--exists-action");

  private PipInstall() {}

  /** The requirement specifiers a line installs; empty when it is not an install command. */
  static List<String> requirements(String line) {
    Matcher m = COMMAND.matcher(line);
    if (!m.matches()) return List.of();
    String args = m.group(1);
    Matcher end = END.matcher(args);
    if (end.find()) args = args.substring(0, end.start());
    List<String> out = new ArrayList<>();
    boolean skipNext = false;
    for (String word : args.trim().split("\\s+", -1)) {
      String w = unquote(word);
      if (skipNext || w.isEmpty()) {
        skipNext = false;
        continue;
      }
      if (w.startsWith("-")) {
        skipNext = !w.contains("=") && WITH_VALUE.contains(w);
        continue;
      }
      if (w.contains("{") || w.contains("$") || w.contains("://") || w.startsWith(".") || w.startsWith("/")
          || w.startsWith("~") || w.endsWith(".whl") || w.endsWith(".tar.gz") || w.endsWith(".zip")) {
        continue;
      }
      out.add(w);
    }
    return out;
  }

  private static String unquote(String w) {
    String s = w;
    if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0)) {
      s = s.substring(1, s.length() - 1);
    }
    return s.replace("\"", "").replace("'", "");
  }
}

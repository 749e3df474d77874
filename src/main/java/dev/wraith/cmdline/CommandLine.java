package dev.wraith.cmdline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits NUL-separated /proc files (cmdline, environ). environ yields names only; argv is split raw and redacted by
 * its reader (the host layer's {@code ProcessReader}, with the one {@code Redactor}) before anything else sees it.
 */
public final class CommandLine {
  private CommandLine() {}

  /**
   * Variable names from /proc/PID/environ. Each entry is cut at its first '=' and the value dropped before
   * anything else sees it; names are sorted and de-duplicated.
   */
  public static List<String> envNames(byte[] environ) {
    List<String> names = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= environ.length; i++) {
      if (i == environ.length || environ[i] == 0) {
        int eq = start;
        while (eq < i && environ[eq] != '=') eq++;
        if (eq > start) names.add(new String(environ, start, eq - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return names.stream().distinct().sorted().toList();
  }

  public static List<String> split(byte[] nulSeparated) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < nulSeparated.length; i++) {
      if (nulSeparated[i] == 0) {
        parts.add(new String(nulSeparated, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    if (start < nulSeparated.length) parts.add(new String(nulSeparated, start, nulSeparated.length - start, StandardCharsets.UTF_8));
    return parts;
  }

  /** The program's base name without version digits: "python3.11" → "python", "/usr/bin/node" → "node". */
  public static String program(String argv0) {
    String base = argv0.substring(argv0.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return base.replaceAll("[0-9.]+$", "");
  }
}

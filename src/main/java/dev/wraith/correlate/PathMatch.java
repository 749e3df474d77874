package dev.wraith.correlate;

/**
 * Path suffix matching between a runtime path (absolute, in a container's mount namespace) and a path in the
 * scanned tree. The rule: compare whole segments from the end; a match needs at least two equal trailing segments
 * ({@code /app/agents/triage.py} ↔ {@code support-bot/agents/triage.py}), or one (the file name) when that name is
 * unique among the candidate files (for a workload's own process only). Content hashes, when both sides have one,
 * overrule names (see Matcher).
 */
final class PathMatch {
  private PathMatch() {}

  /** How many trailing path segments the two paths share; a trailing '/' ends no segment. */
  static int segments(String runtime, String code) {
    String[] a = runtime.replace('\\', '/').replaceFirst("/+$", "").split("/+", -1);
    String[] b = code.replace('\\', '/').replaceFirst("/+$", "").split("/+", -1);
    int n = 0;
    for (int i = a.length - 1, j = b.length - 1; i >= 0 && j >= 0; i--, j--) {
      if (a[i].isEmpty() || b[j].isEmpty() || a[i].equals(".") || !a[i].equals(b[j])) break;
      n++;
    }
    return n;
  }

  static String basename(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}

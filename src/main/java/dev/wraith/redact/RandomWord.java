package dev.wraith.redact;

/**
 * Whether a command-line word looks like a key of unknown shape: 32 or more characters of one base64 or base62 token,
 * with upper case, lower case and digits, switching between them as often as random text does. Random base62 changes
 * class between two neighbours about 62% of the time, identifiers like {@code AgentReportPublisherV2ForClusterScope}
 * about 30%, so the threshold sits at 45%. Never a hex string (content hashes, container and commit ids, UUIDs), never
 * a path, a dotted name or a subresource-integrity hash. Used for arguments only: free text holds base64 ids
 * (Tetragon exec ids) that are not secrets.
 */
final class RandomWord {
  private static final int MIN_LENGTH = 32;

  private RandomWord() {}

  static boolean looksRandom(String w) {
    if (w.length() < MIN_LENGTH) return false;
    if (w.startsWith("sha256-") || w.startsWith("sha384-") || w.startsWith("sha512-")) return false;
    boolean upper = false, lower = false, hexOnly = true;
    int digits = 0, transitions = 0, previous = -1;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      int cls;
      if (c >= 'A' && c <= 'Z') {
        upper = true;
        cls = 0;
      } else if (c >= 'a' && c <= 'z') {
        lower = true;
        cls = 1;
      } else if (c >= '0' && c <= '9') {
        digits++;
        cls = 2;
      } else if (c == '+' || c == '=' || c == '_' || c == '-') {
        cls = 3;
      } else {
        return false; // '/', '.', ':' and the rest: paths, names, URLs
      }
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-')) hexOnly = false;
      if (previous >= 0 && cls != previous) transitions++;
      previous = cls;
    }
    if (hexOnly || !upper || !lower || digits < 2) return false;
    return transitions * 100 >= 45 * (w.length() - 1);
  }
}

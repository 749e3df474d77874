package dev.wraith.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * A symbol's call glob, compiled once: the literal runs between its wildcards. In the glob '**' matches
 * anything (but a line break) and '*' anything but '.', '/' and a call's parentheses; every other character matches itself. A name matches when the
 * glob matches all of it, or all of it up to a continuation of '.' and member names that contains no call
 * ({@code OpenAiChatModel.builder} continues {@code OpenAiChatModel}; {@code openai.OpenAI().chat} does not
 * continue {@code openai}).
 *
 * <p>Matching needs no regular expression: a name is checked against the first literal run, then the
 * positions each wildcard can reach are swept once per run, so a match costs O(name length x literal length)
 * whatever the glob and the name (no backtracking). Immutable and thread-safe.
 */
public final class CallGlob {
  private final String glob;
  /** Literal runs: parts[0] before the first wildcard, parts[i] after wildcard i - 1 (possibly ""). */
  private final String[] parts;
  /** anyChar[i]: wildcard i is '**' (matches anything) rather than '*' (no '.', '/', '(' or ')'). */
  private final boolean[] anyChar;

  private CallGlob(String glob, String[] parts, boolean[] anyChar) {
    this.glob = glob;
    this.parts = parts;
    this.anyChar = anyChar;
  }

  public static CallGlob compile(String glob) {
    List<String> parts = new ArrayList<>();
    List<Boolean> any = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c != '*') {
        run.append(c);
        continue;
      }
      boolean twin = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
      if (twin) i++;
      parts.add(run.toString());
      run.setLength(0);
      any.add(twin);
    }
    parts.add(run.toString());
    boolean[] anyChar = new boolean[any.size()];
    for (int i = 0; i < anyChar.length; i++) anyChar[i] = any.get(i);
    return new CallGlob(glob, parts.toArray(String[]::new), anyChar);
  }

  /** The glob as written in the catalogue. */
  public String text() {
    return glob;
  }

  public boolean matches(String name) {
    return matches(name, true);
  }

  /** Whether the glob matches all of the name, with no member continuation (a namespace or type, not a call). */
  public boolean matchesWhole(String name) {
    return matches(name, false);
  }

  private boolean matches(String name, boolean continuation) {
    String first = parts[0];
    if (!name.startsWith(first)) return false;
    if (parts.length == 1) return ends(name, first.length(), continuation);
    int n = name.length();
    boolean[] at = new boolean[n + 1]; // positions the glob so far can end at
    at[first.length()] = true;
    int from = first.length();
    for (int i = 1; i < parts.length; i++) {
      boolean[] next = new boolean[n + 1];
      String lit = parts[i];
      boolean any = anyChar[i - 1], reach = false, found = false;
      int nextFrom = n + 1;
      for (int q = from; q + lit.length() <= n; q++) {
        reach = at[q] || (reach && crosses(any, name.charAt(q - 1)));
        if (reach && name.startsWith(lit, q)) {
          next[q + lit.length()] = true;
          nextFrom = Math.min(nextFrom, q + lit.length());
          found = true;
        }
      }
      if (!found) return false;
      at = next;
      from = nextFrom;
    }
    for (int e = from; e <= n; e++) if (at[e] && ends(name, e, continuation)) return true;
    return false;
  }

  private static boolean ends(String name, int end, boolean continuation) {
    return continuation ? continues(name, end) : end == name.length();
  }

  /** Whether the name may end at {@code end}: nothing follows, or '.' and member names with no call. */
  private static boolean continues(String name, int end) {
    if (end == name.length()) return true;
    if (name.charAt(end) != '.') return false;
    for (int i = end + 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '(' || c == ')') return false;
    }
    return true;
  }

  /**
   * Whether a wildcard spans this character: '*' anything but '.', '/' and parentheses ('X.Add*' must not take
   * 'Client()' from 'X.AddClient().Build'), '**' anything but a line terminator.
   */
  private static boolean crosses(boolean any, char c) {
    if (any) return c != '\n' && c != '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029';
    return c != '.' && c != '/' && c != '(' && c != ')';
  }

  @Override
  public String toString() {
    return glob;
  }
}

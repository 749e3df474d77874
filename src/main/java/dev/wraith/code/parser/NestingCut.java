package dev.wraith.code.parser;

/**
 * The fallback backend's copy of the native library's nesting cut ({@code cut_nesting} in wraith_ts.c; keep the
 * two in step): blanks the contents of every bracket that opens deeper than the limit (the brackets stay, the
 * contents of ( and [ become one 0, newlines stay), skipping strings and comments approximately.
 */
final class NestingCut {
  private NestingCut() {}

  /** Blanks in place; returns whether anything was blanked. */
  static boolean apply(byte[] b, int n, int maxBrackets, Grammar g) {
    int depth = 0, cutFrom = -1, cutDepth = 0;
    byte opener = 0;
    boolean cut = false;
    byte quote = 0;
    for (int i = 0; i < n; i++) {
      byte c = b[i];
      if (quote != 0) {
        if (c == '\\' && i + 1 < n && b[i + 1] != '\n') i++;
        else if (c == quote || (c == '\n' && quote != '`')) quote = 0;
        continue;
      }
      if (c == '"' || c == '\'' || c == '`') {
        quote = c;
      } else if ((g.hashComments() && c == '#') || (g.slashComments() && c == '/' && i + 1 < n && b[i + 1] == '/')) {
        while (i < n && b[i] != '\n') i++;
      } else if (g.slashComments() && c == '/' && i + 1 < n && b[i + 1] == '*') {
        for (i += 2; i + 1 < n && !(b[i] == '*' && b[i + 1] == '/'); i++) { }
        i++;
      } else if (c == '(' || c == '[' || c == '{') {
        if (++depth > maxBrackets && cutFrom < 0) {
          cutFrom = i + 1;
          cutDepth = depth;
          opener = c;
        }
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth > 0) depth--;
        if (cutFrom >= 0 && depth < cutDepth) {
          blank(b, cutFrom, i, opener);
          cutFrom = -1;
          cut = true;
        }
      }
    }
    if (cutFrom >= 0) {
      blank(b, cutFrom, n, opener);
      cut = true;
    }
    return cut;
  }

  private static void blank(byte[] b, int from, int to, byte opener) {
    boolean placed = opener == '{';
    for (int k = from; k < to; k++) {
      if (b[k] == '\n') continue;
      b[k] = placed ? (byte) ' ' : (byte) '0';
      placed = true;
    }
  }
}

package dev.wraith.code.csharp;

/**
 * A same-length masked copy of C# source for the C# grammar's repair ({@link CSharpRepair}), made in one pass that
 * knows the language's lexical structure as far as the masks need: comments ({@code //}, block), char literals,
 * regular, verbatim ({@code @"…"}, {@code ""} escapes), raw ({@code """…"""}) and interpolated strings (any
 * {@code $} and {@code @} prefix, holes holding code with nested strings), and directive lines (a {@code #} first on
 * a line in code, never inside a string or comment). Only spaces are written, never over a line end: offsets, lines
 * and columns stay (renames write {@code _}, see (4)). Never throws on any bytes.
 *
 * <p>Masks: (1) conditional compilation: each {@code #if}/{@code #elif}/{@code #else}/{@code #endif} line, and every
 * section after a group's first (a section of a group that is itself masked is masked too), so the grammar reads one
 * branch as plain code; other directives stay. Skipped sections are read line by line as the compiler does (only
 * their directive lines count). (2) tree-sitter-c-sharp#368: in a verbatim interpolated string, escaped quotes that
 * end its text right after a hole ({@code $@"a ""{x}"""}): the escapes become spaces, the closing quote stays;
 * (3) the {@code $} of an empty interpolated string {@code $""}, which the grammar fails too (the same empty string); (4) renames, the only masks that write
 * {@code _} rather than spaces: a variable named {@code required} ({@code required.Add(x)}) and an argument named
 * {@code async} or {@code await} become {@code _equired}, {@code _sync}, {@code _wait}, read under that name.
 */
final class CSharpMask {
  /** Holes and strings nested deeper than this are read as the end of the bytes (bounds the recursion). */
  private static final int MAX_NESTING = 32;

  private final byte[] b;
  private final int n;
  private byte[] out;
  private int nesting;

  private CSharpMask(byte[] utf8) {
    this.b = utf8;
    this.n = utf8.length;
  }

  /** Passes until nothing is left to mask; a real file needs two at the most. */
  private static final int MAX_PASSES = 4;

  /** The masked copy, or null when nothing needed masking. */
  static byte[] masked(byte[] utf8) {
    // a pass can reveal more to mask: a directive line it blanks may have stood between "(" and "async" and ":"
    byte[] out = null;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      CSharpMask m = new CSharpMask(out == null ? utf8 : out);
      m.file();
      if (m.out == null) break;
      out = m.out;
    }
    return out;
  }

  /** The file: code lines and directive lines; {@code kept} is false inside a section that is masked. */
  private void file() {
    boolean[] kept = new boolean[64]; // per open group: whether the current section is kept
    int depth = 0;
    int i = 0;
    while (i < n) {
      int j = skipBlanks(i);
      boolean active = depth == 0 || kept[depth - 1];
      if (j < n && b[j] == '#') {
        String d = directive(j + 1);
        int end = lineEnd(j);
        switch (d) {
          case "if" -> {
            if (depth == kept.length) return; // nested deeper than any real file: leave the rest as it is
            kept[depth++] = active;
            blank(j, end);
          }
          case "elif", "else" -> {
            if (depth > 0) kept[depth - 1] = false;
            blank(j, end);
          }
          case "endif" -> {
            if (depth > 0) depth--;
            blank(j, end);
          }
          default -> {
            if (!active) blank(j, end);
          }
        }
        i = Math.min(n, end + 1);
      } else if (!active) {
        int end = lineEnd(j);
        blank(j, end);
        i = Math.min(n, end + 1);
      } else {
        i = codeLine(i);
      }
    }
  }

  /** Code from {@code i} to the end of its line, or further when a token (string, comment) spans lines. */
  private int codeLine(int i) {
    while (i < n && b[i] != '\n') i = token(i);
    return Math.min(n, i + 1);
  }

  /** The end of the token at {@code i}: a comment, char or string literal, or one byte. */
  private int token(int i) {
    byte c = b[i];
    if (c == '/' && i + 1 < n && b[i + 1] == '/') return lineEnd(i);
    if (c == '/' && i + 1 < n && b[i + 1] == '*') {
      int e = i + 2;
      while (e < n && !(b[e] == '*' && e + 1 < n && b[e + 1] == '/')) e++;
      return Math.min(n, e + 2);
    }
    if (c == '\'') return regular(i + 1, (byte) '\'');
    if (c == '"' || c == '$' || c == '@') return string(i);
    if (wordStart(c)) return word(i);
    return i + 1;
  }

  /**
   * The end of the name at {@code i}; renames ({@code _} for its first letter) a {@code required} that is a variable
   * (no name follows it, as one follows the modifier) and an {@code async} or {@code await} argument name
   * ({@code G(async: false)}), which the grammar fails.
   */
  private int word(int i) {
    int e = i + 1;
    while (e < n && (wordStart(b[e]) || (b[e] >= '0' && b[e] <= '9'))) e++;
    if (i > 0 && b[i - 1] == '@') return e; // @required is a name already
    int next = e;
    while (next < n && (b[next] == ' ' || b[next] == '\t' || b[next] == '\n' || b[next] == '\r')) next++;
    boolean nameFollows = next < n && (wordStart(b[next]) || b[next] == '@');
    boolean argumentName = next < n && b[next] == ':' && !(next + 1 < n && b[next + 1] == ':') && afterOpenOrComma(i);
    if ((is(i, e, "required") && next < n && !nameFollows) || ((is(i, e, "async") || is(i, e, "await")) && argumentName)) {
      if (out == null) out = b.clone();
      out[i] = '_';
    }
    return e;
  }

  /** Whether the code before {@code i} ends in {@code (} or {@code ,}, read as masked so far (a blanked #if line between). */
  private boolean afterOpenOrComma(int i) {
    byte[] seen = out != null ? out : b;
    int p = i - 1;
    while (p >= 0 && (seen[p] == ' ' || seen[p] == '\t' || seen[p] == '\n' || seen[p] == '\r')) p--;
    return p >= 0 && (seen[p] == '(' || seen[p] == ',');
  }

  private boolean is(int from, int to, String word) {
    if (to - from != word.length()) return false;
    for (int k = 0; k < word.length(); k++) if (b[from + k] != word.charAt(k)) return false;
    return true;
  }

  private static boolean wordStart(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c < 0;
  }

  /** At {@code "}, {@code $} or {@code @}: a string literal with its prefix, or the one byte when none starts. */
  private int string(int i) {
    int dollars = 0, at = 0, e = i;
    while (e < n && (b[e] == '$' || b[e] == '@')) {
      if (b[e] == '$') dollars++;
      else at++;
      e++;
    }
    if (e >= n || b[e] != '"' || at > 1 || (at == 1 && dollars > 1)) return i + 1;
    int quotes = 0;
    while (e + quotes < n && b[e + quotes] == '"') quotes++;
    if (quotes >= 3 && at == 0) return raw(e + quotes, quotes);
    if (quotes == 2 && at == 0 && dollars == 1) { // $"": the grammar fails it, "" is the same empty string
      blank(i, i + 1);
      return e + 2;
    }
    if (nesting >= MAX_NESTING) return n;
    nesting++;
    try {
      if (at == 1) return verbatim(e + 1, dollars > 0);
      return dollars > 0 ? interpolated(e + 1) : regular(e + 1, (byte) '"');
    } finally {
      nesting--;
    }
  }

  /** The end of a regular string or char literal whose opening quote ends before {@code i}; a line end ends it too. */
  private int regular(int i, byte quote) {
    while (i < n && b[i] != '\n') {
      if (b[i] == '\\') i += 2;
      else if (b[i++] == quote) return i;
    }
    return Math.min(i, n);
  }

  /** The end of a regular interpolated string ({@code $"…{x}…"}). */
  private int interpolated(int i) {
    while (i < n && b[i] != '\n') {
      if (b[i] == '\\') {
        i += 2;
      } else if (b[i] == '{') {
        i = i + 1 < n && b[i + 1] == '{' ? i + 2 : hole(i + 1);
      } else if (b[i++] == '"') {
        return i;
      }
    }
    return Math.min(i, n);
  }

  /** The end of a verbatim string ({@code @"…"}), interpolated or not; masks escaped quotes ending it after a hole. */
  private int verbatim(int i, boolean interpolated) {
    while (i < n) {
      if (b[i] == '"') {
        if (i + 1 < n && b[i + 1] == '"') i += 2;
        else return i + 1;
      } else if (interpolated && b[i] == '{') {
        if (i + 1 < n && b[i + 1] == '{') {
          i += 2;
          continue;
        }
        i = hole(i + 1);
        int q = 0;
        while (i + q < n && b[i + q] == '"') q++;
        if (q >= 3 && q % 2 == 1) blank(i, i + q - 1); // tree-sitter-c-sharp#368
        if (q % 2 == 1) return i + q;
        i += q;
      } else {
        i++;
      }
    }
    return n;
  }

  /** The end of a raw string whose {@code quotes} opening quotes end before {@code i}. */
  private int raw(int i, int quotes) {
    for (int run = 0; i < n; i++) {
      run = b[i] == '"' ? run + 1 : 0;
      if (run == quotes) return i + 1;
    }
    return n;
  }

  /** Past the brace that closes a hole whose opening brace ends before {@code i}: code, nested brackets and strings. */
  private int hole(int i) {
    int depth = 0;
    while (i < n) {
      byte c = b[i];
      if (c == '{' || c == '(' || c == '[') depth++;
      if (c == '}' && depth == 0) return i + 1;
      if (c == '}' || c == ')' || c == ']') depth = Math.max(0, depth - 1);
      i = token(i);
    }
    return n;
  }

  private int skipBlanks(int i) {
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\f' || b[i] == 0x0b)) i++;
    return i;
  }

  /** The directive's name after {@code #} and any blanks. */
  private String directive(int i) {
    int s = skipBlanks(i), e = s;
    while (e < n && b[e] >= 'a' && b[e] <= 'z') e++;
    return new String(b, s, e - s, java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** The index of the {@code \n} ending the line that holds {@code i}, or the end of the bytes. */
  private int lineEnd(int i) {
    while (i < n && b[i] != '\n') i++;
    return i;
  }

  /** Spaces over {@code [from, to)}, a carriage return kept. */
  private void blank(int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == ' ' || b[i] == '\r') continue;
      if (out == null) out = b.clone();
      out[i] = ' ';
    }
  }
}

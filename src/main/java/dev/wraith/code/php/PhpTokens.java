package dev.wraith.code.php;

import dev.wraith.code.TokenCursor;

/**
 * A cursor over the significant tokens of a PHP file's code, as far as telling code from text, strings and comments
 * needs: text outside {@code <?php … ?>} (and {@code <?=}) is skipped; whitespace and comments ({@code //} and
 * {@code #} to the line's end or a {@code ?>}, block comments) are skipped, but {@code #[} starts an attribute;
 * single- and double-quoted strings (escapes; {@code {$…}} holes with nested strings), backtick commands, heredocs and
 * nowdocs ({@code <<<ID}, {@code <<<"ID"}, {@code <<<'ID'}, closed by the identifier first on a line, indented or
 * not) are one {@link Kind#LITERAL} each; names are a {@link Kind#WORD} (a {@code $} keeps a variable one word),
 * {@code ::} is one token, every other byte a {@link Kind#PUNCT}. Unterminated ones run to the end. Never throws on
 * any bytes; each call advances at least one byte.
 */
final class PhpTokens extends TokenCursor<PhpTokens.Kind> {
  enum Kind { WORD, LITERAL, PUNCT, END }

  /** Holes nested deeper than this are read as the end of the bytes (bounds the recursion). */
  private static final int MAX_NESTING = 32;

  private boolean inCode;
  private int nesting;

  PhpTokens(byte[] utf8) {
    super(utf8, utf8.length, Kind.END);
  }

  /** A second cursor at the token after this one (this one stays where it is). */
  PhpTokens following() {
    PhpTokens f = new PhpTokens(b);
    f.inCode = inCode;
    return f.next(end);
  }

  /** Moves to the first token at or after {@code from} (which must be the previous token's end, or 0). */
  PhpTokens next(int from) {
    int i = skip(from);
    start = i;
    if (i >= n) {
      kind = Kind.END;
      end = n;
      return this;
    }
    byte c = b[i];
    if (c == '\'' || c == '"' || c == '`') {
      kind = Kind.LITERAL;
      end = quoted(i + 1, c);
    } else if (c == '<' && i + 3 < n && b[i + 1] == '<' && b[i + 2] == '<') {
      kind = Kind.LITERAL;
      end = heredoc(i + 3);
    } else if (wordByte(c) || (c == '$' && i + 1 < n && wordByte(b[i + 1]))) {
      kind = Kind.WORD;
      end = i + 1;
      while (end < n && wordByte(b[end])) end++;
    } else {
      kind = Kind.PUNCT;
      end = c == ':' && i + 1 < n && b[i + 1] == ':' ? i + 2 : i + 1;
    }
    return this;
  }

  /** Past text outside code, whitespace and comments; the open tag is entered, the close tag left. */
  private int skip(int i) {
    while (i < n) {
      if (!inCode) {
        int open = indexOf("<?", i);
        if (open < 0) return n;
        inCode = true;
        i = open + 2;
        if (i + 3 <= n && (b[i] | 0x20) == 'p' && (b[i + 1] | 0x20) == 'h' && (b[i + 2] | 0x20) == 'p') i += 3;
        else if (i < n && b[i] == '=') i++;
        continue;
      }
      byte c = b[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b) {
        i++;
      } else if ((c == '#' && !(i + 1 < n && b[i + 1] == '[')) || (c == '/' && i + 1 < n && b[i + 1] == '/')) {
        while (i < n && b[i] != '\n' && !(b[i] == '?' && i + 1 < n && b[i + 1] == '>')) i++;
      } else if (c == '/' && i + 1 < n && b[i + 1] == '*') {
        int e = indexOf("*/", i + 2);
        i = e < 0 ? n : e + 2;
      } else if (c == '?' && i + 1 < n && b[i + 1] == '>') {
        inCode = false;
        i += 2;
      } else {
        return i;
      }
    }
    return n;
  }

  /** The end of a quoted string whose opening {@code quote} ends before {@code i}. */
  private int quoted(int i, byte quote) {
    while (i < n) {
      byte c = b[i];
      if (c == '\\') {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else if (quote != '\'' && c == '{' && i + 1 < n && b[i + 1] == '$') {
        i = hole(i + 1);
      } else {
        i++;
      }
    }
    return n;
  }

  /** Past the brace that closes a hole (an opening brace and a dollar) that starts at {@code i}: code with nested strings. */
  private int hole(int i) {
    if (nesting >= MAX_NESTING) return n;
    nesting++;
    try {
      int depth = 0;
      while (i < n) {
        byte c = b[i];
        if (c == '\'' || c == '"') {
          i = quoted(i + 1, c);
          continue;
        }
        if (c == '{') depth++;
        if (c == '}' && depth-- == 0) return i + 1;
        i++;
      }
      return n;
    } finally {
      nesting--;
    }
  }

  /** The end of a heredoc or nowdoc whose {@code <<<} ends before {@code i}; not one: just the first {@code <}. */
  private int heredoc(int i) {
    int s = i;
    while (s < n && (b[s] == ' ' || b[s] == '\t')) s++;
    boolean quotedId = s < n && (b[s] == '\'' || b[s] == '"');
    int idStart = quotedId ? s + 1 : s, idEnd = idStart;
    while (idEnd < n && wordByte(b[idEnd])) idEnd++;
    if (idEnd == idStart) return i - 2;
    for (int line = indexOf("\n", idEnd); line >= 0; line = indexOf("\n", line + 1)) {
      int k = line + 1;
      while (k < n && (b[k] == ' ' || b[k] == '\t')) k++;
      if (k + (idEnd - idStart) <= n && regionMatches(k, idStart, idEnd - idStart)
          && (k + (idEnd - idStart) == n || !wordByte(b[k + (idEnd - idStart)]))) {
        return k + (idEnd - idStart);
      }
    }
    return n;
  }

  private boolean regionMatches(int at, int from, int len) {
    for (int k = 0; k < len; k++) if (b[at + k] != b[from + k]) return false;
    return true;
  }

  private int indexOf(String s, int from) {
    outer:
    for (int i = from; i + s.length() <= n; i++) {
      for (int k = 0; k < s.length(); k++) if (b[i + k] != s.charAt(k)) continue outer;
      return i;
    }
    return -1;
  }

  private static boolean wordByte(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c < 0;
  }
}

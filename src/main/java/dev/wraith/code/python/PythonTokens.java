package dev.wraith.code.python;

import dev.wraith.code.TokenCursor;

/**
 * A cursor over the tokens of Python source bytes, as far as telling code from strings and comments and finding
 * line ends needs (Python's lexical analysis): spaces, tabs, form feeds and carriage returns are skipped; a
 * {@code \n} is a {@link Kind#NEWLINE}; a backslash before a line end is a {@link Kind#CONTINUATION} (through the
 * {@code \n}); {@code #} to the line's end is a {@link Kind#COMMENT}. A string with any prefix ({@code r}, {@code b},
 * {@code u}, {@code f}, {@code t} and their combinations, either case) is one {@link Kind#STRING}: single or triple
 * quoted, a backslash always taking the next byte (raw strings too, as Python lexes them); an f- or t-string's
 * replacement fields (<code>{x["a"]:{w}}</code>) hold nested brackets and strings, a doubled brace is a literal one. A
 * single-quoted string ends at an unescaped line end, an unterminated triple-quoted one at the end of the bytes.
 * Names and numbers are a {@link Kind#WORD}, every other byte a {@link Kind#PUNCT}. Never throws on any bytes; each
 * call advances at least one byte.
 */
final class PythonTokens extends TokenCursor<PythonTokens.Kind> {
  enum Kind { WORD, STRING, PUNCT, COMMENT, NEWLINE, CONTINUATION, END }

  /** f-strings nested deeper than this inside replacement fields are read as plain strings (bounds the recursion). */
  private static final int MAX_NESTING = 32;

  private int nesting;
  private boolean unterminated;

  PythonTokens(byte[] utf8) {
    super(utf8, utf8.length, Kind.END);
  }

  /** Whether the current token is a string that its line end or the end of the bytes cut off. */
  boolean unterminated() {
    return kind == Kind.STRING && unterminated;
  }

  /** Moves to the first token at or after {@code from}; {@link Kind#END} at the end of the bytes. */
  PythonTokens next(int from) {
    int i = from;
    unterminated = false;
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\f' || b[i] == '\r' || b[i] == 0x0b)) i++;
    start = i;
    if (i >= n) {
      kind = Kind.END;
      end = n;
    } else if (b[i] == '\n') {
      kind = Kind.NEWLINE;
      end = i + 1;
    } else if (b[i] == '#') {
      kind = Kind.COMMENT;
      end = lineEnd(i);
    } else if (b[i] == '\\' && continuation(i + 1) > 0) {
      kind = Kind.CONTINUATION;
      end = continuation(i + 1);
    } else if (b[i] == '"' || b[i] == '\'') {
      kind = Kind.STRING;
      end = string(i, false);
    } else if (wordByte(b[i])) {
      word(i);
    } else {
      kind = Kind.PUNCT;
      end = i + 1;
    }
    return this;
  }

  /** The index of the {@code \n} ending the line that holds {@code i}, or the end of the bytes. */
  int lineEnd(int i) {
    while (i < n && b[i] != '\n') i++;
    return i;
  }

  /** After a backslash at {@code i - 1}: the end of its line end ({@code \n} or {@code \r\n}), or 0 when none follows. */
  private int continuation(int i) {
    if (i < n && b[i] == '\r') i++;
    return i < n && b[i] == '\n' ? i + 1 : 0;
  }

  /** A name or number, or a string whose prefix it is ({@code rb"…"}, {@code f'…'}). */
  private void word(int i) {
    int e = i + 1;
    while (e < n && wordByte(b[e])) e++;
    kind = Kind.WORD;
    end = e;
    if (e < n && (b[e] == '"' || b[e] == '\'') && e - i <= 3) {
      boolean interpolated = false;
      for (int k = i; k < e; k++) {
        int c = b[k] | 0x20;
        if (c != 'r' && c != 'b' && c != 'u' && c != 'f' && c != 't') return;
        interpolated |= c == 'f' || c == 't';
      }
      kind = Kind.STRING;
      end = string(e, interpolated);
    }
  }

  /** The end of the string whose opening quote is at {@code q}. */
  private int string(int q, boolean interpolated) {
    byte quote = b[q];
    boolean triple = q + 2 < n && b[q + 1] == quote && b[q + 2] == quote;
    int i = q + (triple ? 3 : 1);
    while (i < n) {
      byte c = b[i];
      if (c == '\\') {
        i += 2;
      } else if (c == '\n' && !triple) {
        unterminated |= nesting == 0;
        return i;
      } else if (c == quote && (!triple || (i + 2 < n && b[i + 1] == quote && b[i + 2] == quote))) {
        return i + (triple ? 3 : 1);
      } else if (c == '{' && interpolated && nesting < MAX_NESTING) {
        i = i + 1 < n && b[i + 1] == '{' ? i + 2 : field(i + 1);
      } else {
        i++;
      }
    }
    unterminated |= nesting == 0;
    return n;
  }

  /** The end of a replacement field whose opening brace ends before {@code i}: past its closing brace. */
  private int field(int i) {
    nesting++;
    try {
      return fieldEnd(i);
    } finally {
      nesting--;
    }
  }

  private int fieldEnd(int i) {
    int depth = 0;
    while (i < n) {
      byte c = b[i];
      if (c == '"' || c == '\'') {
        i = string(i, false);
      } else if (wordByte(c)) {
        int e = i + 1;
        while (e < n && wordByte(b[e])) e++;
        if (e < n && (b[e] == '"' || b[e] == '\'')) {
          int save = start;
          Kind saved = kind;
          word(i);
          i = Math.max(end, e);
          start = save;
          kind = saved;
        } else {
          i = e;
        }
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
        i++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) return i + 1;
        depth--;
        i++;
      } else {
        i++;
      }
    }
    return n;
  }

  private static boolean wordByte(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c < 0;
  }
}

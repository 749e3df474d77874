package dev.wraith.code.rust;

import dev.wraith.code.TokenCursor;

/**
 * A cursor over the significant tokens of Rust source bytes, as far as telling code from literals and comments
 * needs (the Rust reference's lexical structure): whitespace and comments ({@code //}, nested block comments) are
 * skipped; string literals (with escapes; raw {@code r#"…"#} with any number of {@code #}; byte {@code b"…"},
 * {@code br"…"} and C {@code c"…"}, {@code cr"…"} strings), char and byte literals ({@code '&'}, {@code b'\''}) and
 * numbers are one {@link Kind#LITERAL} each; a lifetime or label ({@code 'a}) is a {@link Kind#LIFETIME}, never the
 * start of a char literal; {@code &&} is one token, every other punctuation byte a token of its own. Unterminated
 * literals and comments run to the end. Never throws on any bytes; each call advances at least one byte.
 */
final class RustTokens extends TokenCursor<RustTokens.Kind> {
  enum Kind { IDENT, LITERAL, LIFETIME, PUNCT, END }


  RustTokens(byte[] utf8, int length) {
    super(utf8, length, Kind.END);
  }

  /** Moves to the first significant token at or after {@code from}; {@link Kind#END} at the end of the bytes. */
  RustTokens next(int from) {
    int i = skipSpaceAndComments(from);
    start = i;
    if (i >= n) {
      kind = Kind.END;
      end = n;
    } else if (identStart(b[i])) {
      word(i);
    } else if (b[i] >= '0' && b[i] <= '9') {
      kind = Kind.LITERAL;
      end = number(i);
    } else if (b[i] == '"') {
      kind = Kind.LITERAL;
      end = quoted(i + 1);
    } else if (b[i] == '\'') {
      quote(i);
    } else {
      kind = Kind.PUNCT;
      end = b[i] == '&' && i + 1 < n && b[i + 1] == '&' ? i + 2 : i + 1;
    }
    return this;
  }

  private int skipSpaceAndComments(int i) {
    while (i < n) {
      byte c = b[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b) {
        i++;
      } else if (c == '/' && i + 1 < n && b[i + 1] == '/') {
        while (i < n && b[i] != '\n') i++;
      } else if (c == '/' && i + 1 < n && b[i + 1] == '*') {
        i = blockComment(i + 2);
      } else {
        return i;
      }
    }
    return n;
  }

  /** The end of a block comment whose opening {@code /*} ends before {@code i}; block comments nest. */
  private int blockComment(int i) {
    int depth = 1;
    while (i < n) {
      if (b[i] == '/' && i + 1 < n && b[i + 1] == '*') {
        depth++;
        i += 2;
      } else if (b[i] == '*' && i + 1 < n && b[i + 1] == '/') {
        i += 2;
        if (--depth == 0) return i;
      } else {
        i++;
      }
    }
    return n;
  }

  /** An identifier or keyword, a raw identifier {@code r#x}, or a string or char literal with a prefix. */
  private void word(int i) {
    int e = i + 1;
    while (e < n && identContinue(b[e])) e++;
    end = e;
    kind = Kind.IDENT;
    if (e >= n) return;
    int len = e - i;
    boolean r = b[e - 1] == 'r' && (len == 1 || (len == 2 && (b[i] == 'b' || b[i] == 'c')));
    if (r && (b[e] == '"' || b[e] == '#')) {
      int hashes = 0;
      while (e + hashes < n && b[e + hashes] == '#') hashes++;
      if (e + hashes < n && b[e + hashes] == '"') {
        kind = Kind.LITERAL;
        end = rawString(e + hashes + 1, hashes);
      } else if (len == 1 && hashes == 1 && e + 1 < n && identStart(b[e + 1])) {
        end = e + 1;
        while (end < n && identContinue(b[end])) end++; // r#raw: the identifier raw, written raw
      }
    } else if (b[e] == '"') {
      kind = Kind.LITERAL; // b"..", c"..", and reserved prefixes, which rustc rejects anyway
      end = quoted(e + 1);
    } else if (b[e] == '\'' && len == 1 && b[i] == 'b') {
      quote(e);
      kind = Kind.LITERAL;
      start = i;
    }
  }

  /** The end of a string whose opening quote ends before {@code i}: a backslash escapes the next byte. */
  private int quoted(int i) {
    while (i < n) {
      if (b[i] == '\\') i += 2;
      else if (b[i++] == '"') return i;
    }
    return n;
  }

  /** The end of a raw string whose opening {@code "} ends before {@code i}: a {@code "} and {@code hashes} #. */
  private int rawString(int i, int hashes) {
    for (; i < n; i++) {
      if (b[i] != '"') continue;
      int h = 0;
      while (h < hashes && i + 1 + h < n && b[i + 1 + h] == '#') h++;
      if (h == hashes) return i + 1 + h;
    }
    return n;
  }

  /** At a {@code '}: a char literal ({@code '\''}, {@code '&'}, {@code 'é'}) or a lifetime or label ({@code 'a}). */
  private void quote(int i) {
    kind = Kind.LITERAL;
    if (i + 1 < n && b[i + 1] == '\\') {
      int e = i + 3; // past the escaped byte, so '\'' ends at its last quote
      while (e < n && b[e] != '\'' && b[e] != '\n') e++;
      end = Math.min(n, e + 1);
      return;
    }
    int after = i + 1 + utf8Length(i + 1);
    if (after < n && b[after] == '\'') {
      end = after + 1;
      return;
    }
    kind = Kind.LIFETIME;
    int e = i + 1;
    while (e < n && identContinue(b[e])) e++;
    end = Math.max(e, i + 1);
  }

  /** The length of the UTF-8 sequence starting at {@code i} (1 for a stray byte), cut at the end of the bytes. */
  private int utf8Length(int i) {
    if (i >= n) return 0;
    int c = b[i] & 0xff;
    int len = c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    return Math.min(len, n - i);
  }

  /** The end of a number: digits, letters (suffixes, hex, exponents), {@code _}, and a {@code .} before a digit. */
  private int number(int i) {
    int e = i + 1;
    while (e < n && (identContinue(b[e]) || (b[e] == '.' && e + 1 < n && b[e + 1] >= '0' && b[e + 1] <= '9'))) e++;
    return e;
  }

  private static boolean identStart(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c < 0;
  }

  private static boolean identContinue(byte c) {
    return identStart(c) || (c >= '0' && c <= '9');
  }
}

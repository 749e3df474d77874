package dev.wraith.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a shell script (the string of {@code sh -c '...'}) into words, spaces and operators, the way a POSIX shell
 * would for the purpose of reading arguments: single quotes are literal, double quotes and backslashes escape, and
 * {@code ; & | ( )} and newlines end a command. A quote without its closing partner is an ordinary character. Each
 * word keeps its raw text, so a word the redactor leaves alone is written back byte for byte.
 */
final class ShellWords {
  /** A piece of the script: a word (with its unquoted value), a run of blanks, or an operator. */
  record Token(Kind kind, String raw, String value, char quote) {
    enum Kind { WORD, BLANK, OPERATOR }

    boolean isWord() {
      return kind == Kind.WORD;
    }

    /** The raw text of this word with a new value, quoted as it was when it needs quotes. */
    String rewrite(String newValue) {
      if (newValue.equals(value)) return raw;
      boolean wholeQuoted = quote != 0 && raw.length() > 1 && raw.charAt(0) == quote && raw.charAt(raw.length() - 1) == quote;
      if (!wholeQuoted && !needsQuotes(newValue)) return newValue;
      if (quote == 0) return escaped(newValue); // written unquoted, so it stays unquoted: a\ b
      char q = quote;
      if (newValue.indexOf(q) >= 0) q = q == '"' ? '\'' : '"'; // the other quote, so nothing needs escaping
      if (q == '\'' || newValue.indexOf('"') >= 0) return "'" + newValue.replace("'", "'\\''") + "'";
      return "\"" + newValue.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
  }

  private static final String OPERATORS = ";&|()\n";

  private ShellWords() {}

  static List<Token> split(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r') {
        int j = i;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t' || s.charAt(j) == '\r')) j++;
        out.add(new Token(Token.Kind.BLANK, s.substring(i, j), s.substring(i, j), (char) 0));
        i = j;
      } else if (OPERATORS.indexOf(c) >= 0) {
        int j = i + 1;
        while (j < s.length() && j - i < 2 && (s.charAt(j) == c && c != '\n' && c != '(' && c != ')')) j++;
        out.add(new Token(Token.Kind.OPERATOR, s.substring(i, j), s.substring(i, j), (char) 0));
        i = j;
      } else {
        i = word(s, i, out);
      }
    }
    return out;
  }

  /** Reads one word from {@code start}; returns where it ends. */
  private static int word(String s, int start, List<Token> out) {
    StringBuilder value = new StringBuilder();
    char firstQuote = 0;
    int i = start;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || OPERATORS.indexOf(c) >= 0) break;
      int close = (c == '\'' || c == '"') ? closing(s, i) : -1;
      if (close > 0) {
        if (firstQuote == 0) firstQuote = c;
        String inner = s.substring(i + 1, close);
        value.append(c == '"' ? unescapeDouble(inner) : inner);
        i = close + 1;
      } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) != '\n') {
        value.append(s.charAt(i + 1));
        i += 2;
      } else {
        value.append(c);
        i++;
      }
    }
    out.add(new Token(Token.Kind.WORD, s.substring(start, i), value.toString(), firstQuote));
    return i;
  }

  /** The index of the quote closing the one at {@code open}, or -1 when it is never closed. */
  private static int closing(String s, int open) {
    char q = s.charAt(open);
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (q == '"' && c == '\\') {
        i++;
      } else if (c == q) {
        return i;
      }
    }
    return -1;
  }

  private static String unescapeDouble(String inner) {
    if (inner.indexOf('\\') < 0) return inner;
    StringBuilder b = new StringBuilder(inner.length());
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && i + 1 < inner.length() && "\"\\$`".indexOf(inner.charAt(i + 1)) >= 0) c = inner.charAt(++i);
      b.append(c);
    }
    return b.toString();
  }

  private static String escaped(String v) {
    StringBuilder b = new StringBuilder(v.length() + 8);
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isWhitespace(c) || "'\"\\;&|()<>$`".indexOf(c) >= 0) b.append('\\');
      b.append(c);
    }
    return b.toString();
  }

  static boolean needsQuotes(String v) {
    if (v.isEmpty()) return true;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isWhitespace(c) || "'\"\\;&|()<>$`".indexOf(c) >= 0) return true;
    }
    return false;
  }
}

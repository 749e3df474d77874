package dev.wraith.code.python;

import dev.wraith.code.RepairedParse;
import dev.wraith.code.SyntaxTree;
import dev.wraith.code.parser.Grammar;
import dev.wraith.code.python.PythonTokens.Kind;
import java.io.ByteArrayOutputStream;

/**
 * The Python grammar's repair of a parse with syntax errors ({@link dev.wraith.code.SourceSyntax.Repair}).
 * tree-sitter-python 0.25 reads a line inside brackets that is less indented than the statement it belongs to as a
 * dedent when the token before its line end cannot close the bracket (<code>x = (1 +</code>, <code>{1:</code>, <code>[a -</code>),
 * and fails valid code (tree-sitter/tree-sitter-python#256): Python ignores indentation inside brackets. An explicit
 * line continuation makes the grammar read it right, so a file whose tree has errors is read again from a copy in
 * which each line end inside brackets that is followed (blank lines aside) by a code or comment line indented less
 * than its statement is continued: a backslash is inserted before it, or, where the line ends in a comment, the comment
 * becomes spaces ending in a backslash (same length). The statement's meaning is unchanged: inside brackets a
 * continuation is a no-op. Lines and columns are unchanged; byte offsets after an inserted backslash move by one
 * (the tree reads its own bytes, so node texts stay consistent). The second tree is kept only when it has fewer
 * errors ({@link RepairedParse}).
 *
 * <p>Only code is changed: strings (prefixed, triple-quoted, f-string replacement fields) are never touched, see
 * {@link PythonTokens}; comments only where one ends such a line (wraith reads no comments in Python).
 * Indentation is measured as the grammar's scanner does (a space 1, a tab 8).
 */
final class BracketDedentRepair {
  private BracketDedentRepair() {}

  /** The tree to read: {@code parsed}, or the tree of the continued copy when that has fewer errors. */
  static SyntaxTree repair(Grammar grammar, byte[] utf8, SyntaxTree parsed) {
    return RepairedParse.better(grammar, continued(utf8), parsed);
  }

  /** A copy with the line ends before under-indented lines inside brackets continued, or null when there is none. */
  static byte[] continued(byte[] utf8) {
    ByteArrayOutputStream out = null;
    int copied = 0;
    int depth = 0, statementIndent = 0, commentStart = -1, runEnd = -1, runIndent = 0;
    boolean statementStart = true, openString = false;
    PythonTokens t = new PythonTokens(utf8);
    for (t.next(0); t.kind() != Kind.END; t.next(t.end())) {
      switch (t.kind()) {
        case COMMENT -> commentStart = t.start();
        case NEWLINE -> {
          if (depth > 0 && runEnd < t.end()) { // once per run of blank and comment lines
            runEnd = nextCodeLine(utf8, t.end());
            runIndent = lowestIndent(utf8, t.end(), runEnd);
          }
          if (depth > 0 && !openString && runIndent < statementIndent) {
            if (out == null) out = new ByteArrayOutputStream(utf8.length + 64);
            copied = continueLine(utf8, t.start(), commentStart, out, copied);
          }
          statementStart |= depth == 0;
          commentStart = -1;
          openString = false;
        }
        case CONTINUATION -> commentStart = -1;
        case WORD, STRING, PUNCT -> {
          if (statementStart) statementIndent = indent(utf8, lineStart(utf8, t.start()));
          statementStart = false;
          commentStart = -1;
          openString = t.unterminated(); // a backslash after it would continue the string, not the line
          if (t.kind() == Kind.PUNCT) depth = Math.max(0, depth + bracket(utf8[t.start()]));
        }
        case END -> { }
      }
    }
    if (out == null) return null;
    out.write(utf8, copied, utf8.length - copied);
    return out.toByteArray();
  }

  /**
   * Copies the bytes up to the line end at {@code newline} with a backslash before it ({@code \r\n} kept whole), or
   * with the line's comment (from {@code commentStart}, -1 for none) as spaces ending in one; returns how far the
   * input is copied.
   */
  private static int continueLine(byte[] utf8, int newline, int commentStart, ByteArrayOutputStream out, int copied) {
    int lineEnd = newline > 0 && utf8[newline - 1] == '\r' ? newline - 1 : newline;
    if (commentStart < 0) {
      out.write(utf8, copied, lineEnd - copied);
      out.write('\\');
      return lineEnd;
    }
    out.write(utf8, copied, commentStart - copied);
    for (int i = commentStart; i < lineEnd - 1; i++) out.write(' ');
    out.write('\\');
    return lineEnd;
  }

  /**
   * The lowest indentation of the comment lines from {@code from} on and of the code line at {@code codeLine} (a
   * comment line indented less than its statement is read as a dedent too); the largest int at the end of the bytes.
   */
  private static int lowestIndent(byte[] utf8, int from, int codeLine) {
    if (codeLine >= utf8.length) return Integer.MAX_VALUE;
    int lowest = indent(utf8, codeLine);
    for (int i = from; i < codeLine; i = lineEnd(utf8, i) + 1) {
      int j = i;
      while (j < utf8.length && (utf8[j] == ' ' || utf8[j] == '\t' || utf8[j] == '\f' || utf8[j] == '\r')) j++;
      if (j < utf8.length && utf8[j] == '#') lowest = Math.min(lowest, indent(utf8, i));
    }
    return lowest;
  }

  private static int lineEnd(byte[] utf8, int i) {
    while (i < utf8.length && utf8[i] != '\n') i++;
    return i;
  }

  /** The start of the next line holding code (blank, comment and backslash-only lines skipped), or the length. */
  private static int nextCodeLine(byte[] utf8, int from) {
    int i = from;
    while (i < utf8.length) {
      int j = i;
      while (j < utf8.length && (utf8[j] == ' ' || utf8[j] == '\t' || utf8[j] == '\f' || utf8[j] == '\r')) j++;
      if (j >= utf8.length) break;
      if (utf8[j] != '\n' && utf8[j] != '#' && utf8[j] != '\\') return i;
      while (j < utf8.length && utf8[j] != '\n') j++;
      i = j + 1;
    }
    return utf8.length;
  }

  /** A line's indentation as tree-sitter-python's scanner counts it: a space 1, a tab 8, form feed or CR resets. */
  private static int indent(byte[] utf8, int lineStart) {
    int width = 0;
    for (int i = lineStart; i < utf8.length; i++) {
      switch (utf8[i]) {
        case ' ' -> width++;
        case '\t' -> width += 8;
        case '\f', '\r' -> width = 0;
        default -> {
          return width;
        }
      }
    }
    return width;
  }

  private static int lineStart(byte[] utf8, int i) {
    while (i > 0 && utf8[i - 1] != '\n') i--;
    return i;
  }

  private static int bracket(byte c) {
    return switch (c) {
      case '(', '[', '{' -> 1;
      case ')', ']', '}' -> -1;
      default -> 0;
    };
  }
}

package dev.wraith.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.python.PythonTokens.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The continuation over texts assembled from the pieces Python's lexical structure and indentation turn on
 * (brackets, line ends, indents, quotes, prefixes, triple quotes, f-string braces, escapes, comments, backslashes),
 * valid or not: it never throws, keeps every line, only inserts backslashes before line ends or turns a comment into
 * spaces ending in one, leaves every other token where it was (line and column), and has nothing left to continue.
 */
class BracketDedentPropertiesTest {
  private static final List<String> PIECES = List.of("def f():\n    x = ", "class A:\n  if a:\n\t", "(", ")", "[", "]",
      "{", "}", "\n", "\n", "\r\n", "    ", "  ", "\t", " ", "1", "+", "-", ":", ",", "x", "\"", "'", "\"\"\"", "'''",
      "f\"", "rb'", "f'''", "{{", "\\", "\\\n", "#", "# c", "é", "\f");

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(30).map(l -> String.join("", l));
  }

  @Property(tries = 5000)
  void onlyLineEndsAndTheirCommentsChangeAndEveryOtherTokenStays(@ForAll("texts") String text) {
    byte[] code = text.getBytes(StandardCharsets.UTF_8);
    byte[] continued = BracketDedentRepair.continued(code);
    if (continued == null) return;
    assertThat(lines(continued)).as(text).isEqualTo(lines(code));
    int i = 0, o = 0;
    while (o < continued.length) {
      if (i < code.length && continued[o] == code[i]) {
        i++;
      } else if (i < code.length && inComment(code, i)) {
        assertThat(continued[o]).as("comment byte %d of %s", i, text).isIn((byte) ' ', (byte) '\\');
        i++;
      } else {
        assertThat(continued[o]).as("inserted byte %d of %s", o, text).isEqualTo((byte) '\\');
        assertThat(i < code.length && (code[i] == '\n' || code[i] == '\r')).as("before a line end: %s", text).isTrue();
      }
      o++;
    }
    assertThat(i).isEqualTo(code.length);
    assertThat(codeTokens(continued)).as(text).isEqualTo(codeTokens(code));
    assertThat(BracketDedentRepair.continued(continued)).as("continued twice: %s", text).isNull();
  }

  /** Whether byte {@code i} is inside a comment token. */
  private static boolean inComment(byte[] code, int i) {
    PythonTokens t = new PythonTokens(code);
    for (t.next(0); t.kind() != Kind.END; t.next(t.end())) {
      if (t.start() > i) return false;
      if (t.kind() == Kind.COMMENT && i < t.end()) return true;
    }
    return false;
  }

  /** Each token but comments and line ends as kind@line:column:text. */
  private static List<String> codeTokens(byte[] code) {
    List<String> out = new ArrayList<>();
    PythonTokens t = new PythonTokens(code);
    int line = 1, lineStart = 0;
    for (t.next(0); t.kind() != Kind.END; t.next(t.end())) {
      for (int k = lineStart; k < t.start(); k++) {
        if (code[k] == '\n') {
          line++;
          lineStart = k + 1;
        }
      }
      if (t.kind() == Kind.COMMENT || t.kind() == Kind.NEWLINE || t.kind() == Kind.CONTINUATION) continue;
      out.add(t.kind() + "@" + line + ":" + (t.start() - lineStart) + ":" + new String(code, t.start(), t.end() - t.start(), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static long lines(byte[] code) {
    long n = 0;
    for (byte c : code) if (c == '\n') n++;
    return n;
  }
}

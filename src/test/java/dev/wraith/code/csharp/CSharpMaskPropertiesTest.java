package dev.wraith.code.csharp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The mask over texts assembled from the pieces C#'s lexical structure turns on (quotes, verbatim, interpolated
 * and raw prefixes, holes, escapes, comments, directive lines), valid or not: it never throws, keeps the length
 * and every line end, only ever writes spaces (or renames a first letter to _), and has nothing left to mask a second time.
 */
class CSharpMaskPropertiesTest {
  private static final List<String> PIECES = List.of("\n#if X\n", "\n#else\n", "\n#elif Y\n", "\n#endif\n", "\n  #if X\n",
      "\n#region R\n", "\"", "\"\"", "\"\"\"", "$@\"", "@$\"", "$\"", "@\"", "$$\"\"\"", "{", "}", "{{", "x", " ", "\n",
      "\r\n", "\\", "'", "'\"'", "//", "/*", "*/", "#", "(", ")", ";", "é", "required", "async", ":", "::", ",",
      ".");

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(30).map(l -> String.join("", l));
  }

  @Property(tries = 5000)
  void onlySpacesAreWrittenLineEndsStayAndNothingIsLeftToMask(@ForAll("texts") String text) {
    byte[] code = text.getBytes(StandardCharsets.UTF_8);
    byte[] masked = CSharpMask.masked(code);
    if (masked == null) return;
    assertThat(masked).hasSameSizeAs(code);
    for (int i = 0; i < code.length; i++) {
      if (masked[i] == code[i]) continue;
      assertThat(masked[i]).as("byte %d of %s", i, text).isIn((byte) ' ', (byte) '_');
      if (masked[i] == '_') assertThat((char) code[i]).as("renamed byte %d of %s", i, text).isIn('r', 'a');
      assertThat(code[i]).as("byte %d of %s", i, text).isNotIn((byte) '\n', (byte) '\r');
    }
    assertThat(CSharpMask.masked(masked)).as("masked twice: %s", text).isNull();
  }
}

package dev.wraith.code.rust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.rust.RustTokens.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The mask over texts assembled from the pieces Rust's lexical structure turns on (quotes, raw-string hashes,
 * escapes, char literals and lifetimes, comment openers and closers, {@code &}, {@code &&}, raw, const, mut),
 * valid or not: it never throws, keeps the length, only ever turns an {@code &} into a space, leaves every other
 * token (literals and comments included) byte for byte where it was, and has nothing left to mask a second time.
 */
class RawBorrowPropertiesTest {
  private static final List<String> PIECES = List.of("&", "&&", "& ", "raw", "raw", " raw", "const", " mut", "x", "(", ")",
      "[", "]", "{", "}", "?", ";", "=", ".", " ", "\n", "\"", "\\", "r", "b", "c", "r#", "#", "\"#", "'", "'a", "'&'",
      "//", "/*", "*/", "1", "return ", "é", "\r");

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(30).map(l -> String.join("", l));
  }

  @Property(tries = 5000)
  void onlyReferenceOperatorsBecomeSpacesAndEveryOtherTokenStays(@ForAll("texts") String text) {
    byte[] code = text.getBytes(StandardCharsets.UTF_8);
    byte[] masked = RawBorrowRepair.masked(code);
    if (masked == null) return;
    assertThat(masked).hasSameSizeAs(code);
    for (int i = 0; i < code.length; i++) {
      if (masked[i] != code[i]) assertThat(new char[] {(char) code[i], (char) masked[i]}).as("byte %d of %s", i, text).containsExactly('&', ' ');
    }
    assertThat(tokensOtherThanAmpersands(masked)).as(text).isEqualTo(tokensOtherThanAmpersands(code));
    assertThat(RawBorrowRepair.masked(masked)).as("masked twice: %s", text).isNull();
  }

  /** Each token but {@code &} and {@code &&} as kind@start:bytes. */
  private static List<String> tokensOtherThanAmpersands(byte[] code) {
    List<String> out = new ArrayList<>();
    RustTokens t = new RustTokens(code, code.length);
    for (t.next(0); t.kind() != Kind.END; t.next(t.end())) {
      if (t.kind() == Kind.PUNCT && code[t.start()] == '&') continue;
      out.add(t.kind() + "@" + t.start() + ":" + Arrays.toString(Arrays.copyOfRange(code, t.start(), t.end())));
    }
    return out;
  }
}

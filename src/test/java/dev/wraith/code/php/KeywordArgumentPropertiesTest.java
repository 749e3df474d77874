package dev.wraith.code.php;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The rename over texts assembled from the pieces PHP's lexical structure turns on (open and close tags, quotes,
 * holes, heredocs, comments, attributes, keywords, colons), valid or not: it never throws, keeps the length, only
 * ever turns a keyword's first letter into {@code _}, and has nothing left to rename a second time.
 */
class KeywordArgumentPropertiesTest {
  private static final List<String> PIECES = List.of("<?php ", "?>", "(", ",", ")", "include", "new", "list", "print",
      ":", "::", " ", "\n", "'", "\"", "`", "{$", "}", "\\", "<<<EOT\n", "\nEOT", "<<<'N'\n", "\nN;", "//", "#", "#[",
      "/*", "*/", "$", "x", "é");

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(30).map(l -> String.join("", l));
  }

  @Property(tries = 5000)
  void onlyAKeywordsFirstLetterBecomesAnUnderscore(@ForAll("texts") String text) {
    byte[] code = text.getBytes(StandardCharsets.UTF_8);
    byte[] renamed = KeywordArgumentRepair.renamed(code);
    if (renamed == null) return;
    assertThat(renamed).hasSameSizeAs(code);
    for (int i = 0; i < code.length; i++) {
      if (renamed[i] == code[i]) continue;
      assertThat(renamed[i]).as("byte %d of %s", i, text).isEqualTo((byte) '_');
      assertThat((char) code[i]).as("byte %d of %s", i, text).isIn('i', 'n', 'l', 'p');
    }
    assertThat(KeywordArgumentRepair.renamed(renamed)).as("renamed twice: %s", text).isNull();
  }
}

package dev.wraith.code.php;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.SourceFile;
import dev.wraith.code.SyntaxTree;
import dev.wraith.code.parser.Grammar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Named arguments named after an expression keyword. Each shape is valid PHP 8 the grammar fails; renamed, it parses
 * without error, and only the keyword's first letter changed.
 */
class KeywordArgumentRepairTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "<?php $c->query(a: 1, include: [2]); | <?php $c->query(a: 1, _nclude: [2]);",
      "<?php f(new: 1); | <?php f(_ew: 1);",
      "<?php new A(list: 1, Print : 2); | <?php new A(_ist: 1, _rint : 2);",
      "<?php A::f(yield: 1, clone: 2, require_once: 3); | <?php A::f(_ield: 1, _lone: 2, _equire_once: 3);",
      "<?php f(\n  include /* c */ :\n  1); | <?php f(\n  _nclude /* c */ :\n  1);",
      "<p>x</p><?php f(include: 1) ?> | <p>x</p><?php f(_nclude: 1) ?>"})
  void eachShapeParsesCleanlyOnceRenamed(String pair) {
    String[] p = pair.split(" \\| ", -1);
    byte[] code = bytes(p[0]);
    assertThat(SyntaxTree.parse(Grammar.PHP, code).hasErrors())
        .as("the grammar fails this shape (when it no longer does, the repair may go): %s", p[0]).isTrue();
    byte[] renamed = KeywordArgumentRepair.renamed(code);
    assertThat(renamed).isNotNull();
    assertThat(new String(renamed, StandardCharsets.UTF_8)).isEqualTo(p[1]);
    assertThat(SyntaxTree.parse(Grammar.PHP, renamed).hasErrors()).as(p[1]).isFalse();
  }

  /** Text that must come back byte for byte. */
  @ParameterizedTest
  @ValueSource(strings = {
      "<?php f(a: 'include: 1', b: \"new: {$x['list:']}\", c: `print:`);",
      "<?php // f(include: 1)\n# f(new: 1)\n/* f(list: 1) */",
      "<?php $x = <<<EOT\n f(new: 1)\n EOT;\n$y = <<<'N'\nf(include: 1)\nN;",
      "f(include: 1) <?php ?> f(new: 1)",
      "<?php f(new A(), new B); $x = $a ? new C : d(); f(A::new, B::list); g(including: 1, renew: 2, _new: 3);",
      "<?php f(new :: x); f(newer: 1); f($new: 1); f(throw: 1, match: 2, array: 3);"})
  void stringsCommentsTextAndOtherNamesAreNeverChanged(String code) {
    assertThat(KeywordArgumentRepair.renamed(bytes(code))).isNull();
  }

  @Test
  void theFixtureReadsWithoutSyntaxErrorsAndItsFactsAreFound() throws IOException {
    byte[] code = Files.readAllBytes(FixtureHarness.resource("code/php-repairs").resolve("ChromaStore.php"));
    assertThat(SyntaxTree.parse(Grammar.PHP, code).hasErrors()).as("the fixture shows the grammar's bug").isTrue();
    assertThat(detect("ChromaStore.php", new String(code, StandardCharsets.UTF_8)).warnings()).isEmpty();
    FixtureHarness.assertFixtures("code/php-repairs");
  }

  @Test
  void aFileWithAnUnrelatedSyntaxErrorKeepsItsError() {
    String broken = "<?php f(include: 1); function g( { }";
    assertThat(detect("a.php", broken).warnings()).containsExactly("a.php: syntax errors; parsed what could be recovered");
  }

  private static Detection detect(String path, String code) {
    Catalogue c = FixtureHarness.catalogue();
    return new PhpDetector(new FactMatcher(c)).detect(new SourceFile(path, bytes(code)));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

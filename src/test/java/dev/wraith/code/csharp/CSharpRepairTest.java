package dev.wraith.code.csharp;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * tree-sitter-c-sharp#368 (escaped quotes after a hole in a verbatim interpolated string) and #376/#377 (an #if
 * group splitting code). Each shape is valid C# the grammar fails; masked, it parses without error.
 */
class CSharpRepairTest {
  /** Shapes the grammar fails on, each with its masked form ({@code _} marks a blanked byte, written as a space). */
  @ParameterizedTest
  @ValueSource(strings = {
      "class A { string F(int x) => $@\"answer: \"\"{x}\"\"\"; } | class A { string F(int x) => $@\"answer: \"\"{x}__\"; }",
      "class A { string F(int x) => @$\"{x}\"\"\"\"\"; } | class A { string F(int x) => @$\"{x}____\"; }",
      "class A { void F() { M($\"\"); M($\"\" + $\"{x}\"); } } | class A { void F() { M(_\"\"); M(_\"\" + $\"{x}\"); } }",
      "class A { void F() { W(t\n#if !NET\n, 0, 1\n#endif\n); } } | class A { void F() { W(t\n________\n, 0, 1\n______\n); } }",
      "class A { void F() {\n#if NET\n  if (a)\n#else\n  if (b)\n#endif\n  { } } } | class A { void F() {\n_______\n  if (a)\n_____\n________\n______\n  { } } }",
      "class A { void F() {\n  #if X\n  if (a)\n  #elif Y\n  if (c)\n  #else\n  if (b)\n  #endif\n  { } } } | class A { void F() {\n  _____\n  if (a)\n  _______\n________\n  _____\n________\n  ______\n  { } } }",
      "class A { void F() {\n#if X\n#if Y\n  if (a)\n#else\n  if (b)\n#endif\n#else\n  if (c)\n#endif\n  { } } } | class A { void F() {\n_____\n_____\n  if (a)\n_____\n________\n______\n_____\n________\n______\n  { } } }"})
  void eachShapeParsesCleanlyOnceMasked(String pair) {
    String[] p = pair.split(" \\| ", -1);
    byte[] code = bytes(p[0]);
    assertThat(SyntaxTree.parse(Grammar.C_SHARP, code).hasErrors())
        .as("the grammar fails this shape (when it no longer does, the repair may go): %s", p[0]).isTrue();
    byte[] masked = CSharpMask.masked(code);
    assertThat(masked).isNotNull();
    assertThat(new String(masked, StandardCharsets.UTF_8)).isEqualTo(p[1].replace('_', ' '));
    assertThat(SyntaxTree.parse(Grammar.C_SHARP, masked).hasErrors()).as(p[1]).isFalse();
    byte[] again = CSharpMask.masked(masked);
    assertThat(again).as("nothing left to mask").isNull();
  }

  @Test
  void anArgumentNameAfterADirectiveLineIsRenamedInOnePass() {
    // found by CSharpMaskPropertiesTest: the #if line between "(" and "async:" hid the "(" from the first pass
    byte[] masked = CSharpMask.masked(bytes("G(\n#if X\nasync: 1\n#endif\n);"));
    assertThat(new String(masked, StandardCharsets.UTF_8)).contains("\n_sync: 1\n");
    assertThat(CSharpMask.masked(masked)).isNull();
    // and after the name: "async" then an #if line then ":" (the pass that blanks the line reveals the argument name)
    byte[] after = CSharpMask.masked(bytes("G(async\n#if X\n: 1\n#endif\n);"));
    assertThat(new String(after, StandardCharsets.UTF_8)).startsWith("G(_sync\n");
    assertThat(CSharpMask.masked(after)).isNull();
  }

  @Test
  void aVariableNamedRequiredAndKeywordArgumentNamesAreRenamed() {
    byte[] code = bytes("class A { void F(List<int> required) { required.Add(1); required = null; G(async: false, await: 1); } }");
    assertThat(SyntaxTree.parse(Grammar.C_SHARP, code).hasErrors()).as("the grammar fails these names").isTrue();
    byte[] masked = CSharpMask.masked(code);
    assertThat(new String(masked, StandardCharsets.UTF_8))
        .isEqualTo("class A { void F(List<int> _equired) { _equired.Add(1); _equired = null; G(_sync: false, _wait: 1); } }");
    assertThat(SyntaxTree.parse(Grammar.C_SHARP, masked).hasErrors()).isFalse();
    assertThat(CSharpMask.masked(masked)).as("nothing left to rename").isNull();
  }

  /** Text that must come back byte for byte: no directive in code, no #368 shape. */
  @ParameterizedTest
  @ValueSource(strings = {
      "class A { string F(int x) => $@\"{x}\"\" a\" + $@\"a \"\" {x}\" + @\"a \"\"\" + $\"{x}\\\"\"; }",
      "class A { string s = @\"\n#if X\n#endif\n\"; }",
      "class A { string s = \"\"\"\n#if X\n\"\"\"; }",
      "class A { string s = $@\"{@\"\n#if X\n\"}\"; }",
      "class A { /*\n#if X\n*/ }",
      "class A { // #if X\n}",
      "#region R\n#pragma warning disable CS1\n#nullable enable\nclass A { }\n#endregion",
      "class A { char c = '#'; string s = \"#if\"; }",
      "class A { public required string Name { get; init; } public required\n List<int> Xs { get; init; } }",
      "class A { async Task F(int x) { await G(x: 1, y: async () => await H(), @required: 2); var q = x ? async : b; } }"})
  void stringsCommentsAndOtherDirectivesAreNeverChanged(String code) {
    assertThat(CSharpMask.masked(bytes(code))).isNull();
  }

  @Test
  void theFixtureReadsWithoutSyntaxErrorsAndItsFactsAreFound() throws IOException {
    byte[] code = Files.readAllBytes(FixtureHarness.resource("code/csharp-repairs").resolve("QACreator.cs"));
    assertThat(SyntaxTree.parse(Grammar.C_SHARP, code).hasErrors()).as("the fixture shows the grammar's bugs").isTrue();
    assertThat(detect("QACreator.cs", new String(code, StandardCharsets.UTF_8)).warnings()).isEmpty();
    FixtureHarness.assertFixtures("code/csharp-repairs");
  }

  @Test
  void aFileWithAnUnrelatedSyntaxErrorKeepsItsError() {
    String broken = "class A { void F() { W(t\n#if !NET\n, 0\n#endif\n); } void G( { } }\n";
    assertThat(detect("A.cs", broken).warnings()).containsExactly("A.cs: syntax errors; parsed what could be recovered");
  }

  private static Detection detect(String path, String code) {
    Catalogue c = FixtureHarness.catalogue();
    return new CSharpDetector(new FactMatcher(c), c).detect(new SourceFile(path, bytes(code)));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

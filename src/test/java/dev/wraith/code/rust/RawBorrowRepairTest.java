package dev.wraith.code.rust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.Language;
import dev.wraith.code.SourceFacts;
import dev.wraith.code.SourceFile;
import dev.wraith.code.SourceSyntax;
import dev.wraith.code.SyntaxTree;
import dev.wraith.code.parser.Grammar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * tree-sitter-rust#277: {@code &raw} of a variable named raw. Each shape is valid Rust (rustc accepts it) that the
 * grammar fails; after the repair it parses without error, and nothing but the reference operators changed.
 */
class RawBorrowRepairTest {
  /** Shapes the grammar fails on, each with its masked form ({@code _} marks a blanked byte, written as a space). */
  @ParameterizedTest
  @ValueSource(strings = {
      "fn f(raw: &str) -> bool { NAMES.contains(&raw) } | fn f(raw: &str) -> bool { NAMES.contains(_raw) }",
      "fn f(raw: &[u8]) -> bool { &raw[0..4] == b\"RIFF\" } | fn f(raw: &[u8]) -> bool { _raw[0..4] == b\"RIFF\" }",
      "fn f(raw: String) -> usize { (&raw).len() } | fn f(raw: String) -> usize { (_raw).len() }",
      "fn f(raw: Vec<u8>) { for b in &raw { } } | fn f(raw: Vec<u8>) { for b in _raw { } }",
      "fn f(raw: u8) -> &u8 { return &raw; } | fn f(raw: u8) -> &u8 { return _raw; }",
      "fn f(raw: u8) { let r = &&raw; } | fn f(raw: u8) { let r = __raw; }",
      "fn f(raw: u8) { let r = & &raw; } | fn f(raw: u8) { let r = _ _raw; }",
      "fn f(raw: u8) { let r = &&&raw; } | fn f(raw: u8) { let r = ___raw; }",
      "fn f(raw: u8) { let r = a & &raw; } | fn f(raw: u8) { let r = a & _raw; }",
      "fn f(raw: u8) { let r = & /* why */ raw; } | fn f(raw: u8) { let r = _ /* why */ raw; }",
      "fn f(raw: u8) { let r = &\n  // why\n  raw; } | fn f(raw: u8) { let r = _\n  // why\n  raw; }",
      "fn f(raw: u8) { g(&raw, &raw /* x */ ,1) } | fn f(raw: u8) { g(_raw, _raw /* x */ ,1) }"})
  void eachShapeParsesCleanlyOnceItsReferenceOperatorsAreBlanked(String pair) {
    String[] p = pair.split(" \\| ", -1);
    byte[] code = bytes(p[0]);
    assertThat(SyntaxTree.parse(Grammar.RUST, code).hasErrors())
        .as("the grammar fails this shape (when it no longer does, the repair may go): %s", p[0]).isTrue();
    byte[] masked = RawBorrowRepair.masked(code);
    assertThat(masked).isNotNull();
    assertThat(new String(masked, StandardCharsets.UTF_8)).isEqualTo(p[1].replace('_', ' '));
    assertThat(SyntaxTree.parse(Grammar.RUST, masked).hasErrors()).as(p[1]).isFalse();
    assertThat(repaired(p[0]).hasErrors()).isFalse();
  }

  /** Text that must come back byte for byte: no & of a variable named raw in code, only in literals and comments. */
  @ParameterizedTest
  @ValueSource(strings = {
      "let u = \"https://x/?a=1&raw=true\";",
      "let u = \"a \\\" &raw\";",
      "let u = r\"&raw\";",
      "let u = r#\"a \"&raw\" b\"#;",
      "let u = r##\"a \"# &raw \"##;",
      "let u = b\"&raw\"; let v = br#\"&raw\"#; let w = c\"&raw\"; let x = cr\"&raw\";",
      "let c = '&'; let d = b'&'; let e = '\\''; raw;",
      "// &raw in a comment",
      "/* outer /* &raw nested */ still &raw */",
      "/// doc: g(&raw)",
      "let p = &raw const x; let q = &raw mut x; let s = &raw /* c */ const x;",
      "let p = &r#raw;",
      "let a = x & raw; let b = ok &&raw; let c = f() & raw; let d = v[0] &raw; let e = 1 & raw; let f = y? & raw;",
      "let a = &rawer; let b = &raw_bytes; let c = &my_raw;",
      "fn f<'a>(x: &'a raw) {}"})
  void literalsCommentsRealRawBorrowsAndInfixOperatorsAreNeverChanged(String code) {
    assertThat(RawBorrowRepair.masked(bytes("fn f() { " + code + "\n}"))).isNull();
  }

  @Test
  void onlyCodeChangesWhenLiteralsAndCommentsHoldTheSameText() {
    String code = """
        fn f(raw: &str) -> bool {
            let u = "https://x/?a=1&raw=true"; // &raw
            let c = '&'; let l: &'static str = r#"&raw"#;
            /* &raw /* &raw */ &raw */
            NAMES.contains(&raw)
        }
        """;
    byte[] masked = RawBorrowRepair.masked(bytes(code));
    assertThat(new String(masked, StandardCharsets.UTF_8)).isEqualTo(code.replace("contains(&raw)", "contains( raw)"));
  }

  @Test
  void theLiteralValuesWraithReadsAreTheSameBytes() {
    String code = """
        fn f(raw: &str) -> bool {
            let u = "https://x/?a=1&raw=true";
            let v = r#"&raw "quoted""#;
            let w = "tab\\t&raw";
            NAMES.contains(&raw)
        }
        """;
    SyntaxTree tree = repaired(code);
    assertThat(tree.hasErrors()).isFalse();
    List<String> literals = new RustExtractor(tree, m -> false).facts().literals().stream().map(SourceFacts.Literal::value).toList();
    assertThat(literals).containsExactly("https://x/?a=1&raw=true", "&raw \"quoted\"", "tab\t&raw");
  }

  @Test
  void aFileWithAnUnrelatedSyntaxErrorKeepsItsError() {
    String broken = "fn f(raw: &str) -> bool { NAMES.contains(&raw) }\nfn g( { let x = ; }\n";
    SyntaxTree tree = repaired(broken);
    assertThat(tree.hasErrors()).isTrue();
    assertThat(dev.wraith.code.RepairedParse.errors(tree)).as("the raw error is gone, the other stays")
        .isLessThan(dev.wraith.code.RepairedParse.errors(SyntaxTree.parse(Grammar.RUST, bytes(broken))));
    Detection d = detect(broken);
    assertThat(d.warnings()).containsExactly("main.rs: syntax errors; parsed what could be recovered");
    assertThat(repaired("fn g( { let x = ; }\n").hasErrors()).as("no raw: nothing to repair").isTrue();
  }

  @Test
  void theFixtureReadsWithoutSyntaxErrorsAndItsFactsAreFound() throws IOException {
    byte[] code = Files.readAllBytes(FixtureHarness.resource("code/rust/rawvar").resolve("ingest.rs"));
    assertThat(SyntaxTree.parse(Grammar.RUST, code).hasErrors()).as("the fixture shows the grammar's bug").isTrue();
    Detection d = detect(new String(code, StandardCharsets.UTF_8));
    assertThat(d.warnings()).isEmpty();
    assertThat(d.findings()).filteredOn(f -> f.kind().id().equals("ai-endpoint")).singleElement()
        .satisfies(f -> assertThat(f.location().line()).isEqualTo(7));
    assertThat(d.findings()).filteredOn(f -> f.kind().id().equals("agent"))
        .extracting(f -> f.attributes().get("model")).containsExactlyInAnyOrder("gpt-4o", "claude-sonnet-4-5");
  }

  @Test
  void onlyTreesWithErrorsAreHandedToTheRepair() {
    int[] asked = {0};
    SourceSyntax syntax = new SourceSyntax("rust/test", Language.RUST, SourceSyntax.endingWith(".rs"), Grammar.RUST,
        tree -> new RustExtractor(tree, m -> false).facts()).withRepair((g, utf8, parsed) -> {
          asked[0]++;
          return RawBorrowRepair.repair(g, utf8, parsed);
        });
    // a closure's &raw pattern parses, and would be masked: the repair is not even asked
    assertThat(syntax.parse("a.rs", bytes("fn f() { let g = |&raw: &u8| 1; }")).hasErrors()).isFalse();
    assertThat(asked[0]).isZero();
    assertThat(syntax.parse("b.rs", bytes("fn f(raw: u8) { g(&raw); }")).hasErrors()).isFalse();
    assertThat(asked[0]).isEqualTo(1);
  }

  private static SyntaxTree repaired(String code) {
    byte[] b = bytes(code);
    return RawBorrowRepair.repair(Grammar.RUST, b, SyntaxTree.parse(Grammar.RUST, b));
  }

  private static Detection detect(String code) {
    Catalogue c = FixtureHarness.catalogue();
    return new RustDetector(new FactMatcher(c), c).detect(new SourceFile("main.rs", bytes(code)));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

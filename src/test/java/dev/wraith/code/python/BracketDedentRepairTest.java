package dev.wraith.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.Detection;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FixtureHarness;
import dev.wraith.code.RepairedParse;
import dev.wraith.code.SourceFacts;
import dev.wraith.code.SourceFile;
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
 * tree-sitter-python#256: a line inside brackets indented less than its statement. Each shape is valid Python that
 * the grammar fails; continued, it parses without error, and only line ends (and a comment ending one) changed.
 */
class BracketDedentRepairTest {
  /** Shapes the grammar fails on, each with its continued form. */
  @ParameterizedTest
  @ValueSource(strings = {
      "def f():\n    x = (1 +\n2)\n | def f():\n    x = (1 +\\\n2)\n",
      "class A:\n    x = {1:\n2}\n | class A:\n    x = {1:\\\n2}\n",
      "def f():\n    x = [a -\n  b]\n    y = 1\n | def f():\n    x = [a -\\\n  b]\n    y = 1\n",
      "def f():\n\tx = (1 +\n    2)\n | def f():\n\tx = (1 +\\\n    2)\n",
      "def f():\n  if a:\n      x = (1+\n    2)\n | def f():\n  if a:\n      x = (1+\\\n    2)\n",
      "def f():\n    x = (1 +  # why\n2)\n | def f():\n    x = (1 +      \\\n2)\n",
      "def f():\n    x = (1 +\n\n2)\n | def f():\n    x = (1 +\\\n\\\n2)\n",
      "def f():\n    x = (1 +\n  # c\n2)\n | def f():\n    x = (1 +\\\n    \\\n2)\n",
      "class A:\n    t = (1 +\n# c\n        2)\n | class A:\n    t = (1 +\\\n  \\\n        2)\n",
      "def f():\r\n    x = (1 +\r\n2)\r\n | def f():\r\n    x = (1 +\\\r\n2)\r\n",
      "def f():\n    x = g(h(1) -\ntimedelta(days=1)).isoformat()\n | def f():\n    x = g(h(1) -\\\ntimedelta(days=1)).isoformat()\n"})
  void eachShapeParsesCleanlyOnceContinued(String pair) {
    String[] p = pair.split(" \\| ", -1);
    byte[] code = bytes(p[0]);
    assertThat(SyntaxTree.parse(Grammar.PYTHON, code).hasErrors())
        .as("the grammar fails this shape (when it no longer does, the repair may go): %s", p[0]).isTrue();
    byte[] continued = BracketDedentRepair.continued(code);
    assertThat(continued).isNotNull();
    assertThat(new String(continued, StandardCharsets.UTF_8)).isEqualTo(p[1]);
    assertThat(SyntaxTree.parse(Grammar.PYTHON, continued).hasErrors()).as(p[1]).isFalse();
    assertThat(repaired(p[0]).hasErrors()).isFalse();
  }

  /** Text that must come back unchanged: no under-indented line inside brackets in code. */
  @ParameterizedTest
  @ValueSource(strings = {
      "x = (1 +\n2)\n",
      "def f():\n    x = (1 +\n    2)\n    y = (3,\n        4)\n",
      "def f():\n    s = \"\"\"(1 +\n2\"\"\"\n",
      "def f():\n    s = '''{\n'''\n    t = 1\n",
      "def f():\n    s = f\"{x}(\" + r\"\\\\\" + '('\n    t = 1\n",
      "def f():\n    s = f\"\"\"{(1 +\n2)}\"\"\"\n",
      "def f():\n    # (\n    x = 1\n",
      "def f():\n    x = (1 + \\\n2)\n",
      "def f():\n    x = (\"abc\n2)\n"})
  void stringsCommentsContinuedAndIndentedLinesAreNeverChanged(String code) {
    assertThat(BracketDedentRepair.continued(bytes(code))).isNull();
  }

  @Test
  void theLiteralValuesWraithReadsAreTheSameAndOnTheSameLines() {
    String code = """
        def f(day):
            a = ("https://api.openai.com/v1" +
        "/models?x=(")
            b = f'{day}: ({a}'
            return a, b
        """;
    SyntaxTree tree = repaired(code);
    assertThat(tree.hasErrors()).isFalse();
    List<SourceFacts.Literal> literals = new PythonExtractor(tree).facts().literals();
    assertThat(literals).extracting(SourceFacts.Literal::value).contains("https://api.openai.com/v1", "/models?x=(");
    assertThat(literals).filteredOn(l -> l.value().equals("/models?x=(")).singleElement()
        .satisfies(l -> assertThat(l.line()).isEqualTo(3));
  }

  @Test
  void aFileWithAnUnrelatedSyntaxErrorKeepsItsError() {
    String broken = "def f():\n    x = (1 +\n2)\ndef g( :\n    pass\n";
    SyntaxTree tree = repaired(broken);
    assertThat(tree.hasErrors()).isTrue();
    assertThat(RepairedParse.errors(tree)).as("the dedent error is gone, the other stays")
        .isLessThan(RepairedParse.errors(SyntaxTree.parse(Grammar.PYTHON, bytes(broken))));
    assertThat(detect("main.py", broken).warnings()).containsExactly("main.py: syntax errors; parsed what could be recovered");
  }

  @Test
  void theFixtureReadsWithoutSyntaxErrorsAndItsFactsAreFound() throws IOException {
    byte[] code = Files.readAllBytes(FixtureHarness.resource("code/python-brackets").resolve("usage_cost.py"));
    assertThat(SyntaxTree.parse(Grammar.PYTHON, code).hasErrors()).as("the fixture shows the grammar's bug").isTrue();
    assertThat(detect("usage_cost.py", new String(code, StandardCharsets.UTF_8)).warnings()).isEmpty();
    FixtureHarness.assertFixtures("code/python-brackets");
    SyntaxTree parsed = SyntaxTree.parse(Grammar.PYTHON, code);
    assertThat(callNames(parsed)).as("the grammar's misreading: .isoformat() of timedelta(), not of the difference")
        .contains("datetime.timedelta().isoformat");
    assertThat(callNames(BracketDedentRepair.repair(Grammar.PYTHON, code, parsed)))
        .doesNotContain("datetime.timedelta().isoformat").contains("datetime.timedelta", "anthropic.Anthropic");
  }

  private static List<String> callNames(SyntaxTree tree) {
    return new PythonExtractor(tree).facts().calls().stream().map(SourceFacts.Call::name).toList();
  }

  private static SyntaxTree repaired(String code) {
    byte[] b = bytes(code);
    return BracketDedentRepair.repair(Grammar.PYTHON, b, SyntaxTree.parse(Grammar.PYTHON, b));
  }

  private static Detection detect(String path, String code) {
    Catalogue c = FixtureHarness.catalogue();
    return new PythonDetector(new FactMatcher(c)).detect(new SourceFile(path, bytes(code)));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

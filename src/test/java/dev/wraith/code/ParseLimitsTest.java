package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.parser.Grammar;
import dev.wraith.code.parser.Limits;
import dev.wraith.model.CodeScan;
import dev.wraith.model.FindingKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile nesting and size in source files: the parse limits cut the tree short, the layer says so, and what
 * lies outside the cut region is still scanned.
 */
class ParseLimitsTest {
  private static final int MILLION_AND_HALF = 1_500_000;

  @TempDir Path root;

  @Test
  void threeMegabytesOfNestedBracketsAreCutWithAWarningAndTheRestIsScanned() throws IOException {
    write("deep.js", "import OpenAI from \"openai\";\nconst x = " + "[".repeat(MILLION_AND_HALF) + "]".repeat(MILLION_AND_HALF)
        + ";\nconst client = new OpenAI();\n");
    write("deep.py", "import openai\nx = " + "(".repeat(MILLION_AND_HALF) + ")".repeat(MILLION_AND_HALF)
        + "\nclient = openai.OpenAI()\n");
    assertThat(Files.size(root.resolve("deep.js"))).isGreaterThan(3_000_000);

    CodeScan scan = FixtureHarness.scan(root);

    assertThat(scan.status().warnings())
        .anySatisfy(w -> assertThat(w).isEqualTo("deep.js: brackets nested deeper than 256 levels; those regions were not scanned"))
        .anySatisfy(w -> assertThat(w).isEqualTo("deep.py: brackets nested deeper than 256 levels; those regions were not scanned"));
    assertThat(scan.status().state().id()).isEqualTo("partial");
    assertThat(scan.findings()).filteredOn(f -> f.kind() == FindingKind.SDK_CLIENT)
        .extracting(f -> f.location().path() + ":" + f.location().line())
        .contains("deep.js:3", "deep.py:3");
  }

  @Test
  void aChainDeeperThanTheDepthLimitKeepsItsOuterLevels() {
    String code = "import openai\nx = a" + ".b".repeat(5000) + "\nopenai.OpenAI()\n";
    SyntaxTree tree = SyntaxTree.parse(Grammar.PYTHON, code.getBytes(StandardCharsets.UTF_8));
    assertThat(tree.truncated()).isTrue();
    assertThat(tree.warnings("x.py")).containsExactly("x.py: syntax nested deeper than 1000 levels; scanned down to that depth");
    assertThat(depth(tree)).isEqualTo(1000);
    assertThat(types(tree)).contains("import_statement", "call");
  }

  @Test
  void aParseOverItsTimeLimitYieldsNoTreeAndAWarning() {
    byte[] code = "x = [1, 2]\n".repeat(200_000).getBytes(StandardCharsets.UTF_8);
    SyntaxTree tree = SyntaxTree.parse(Grammar.PYTHON, code, new Limits(256, 1000, 4_000_000, 1));
    assertThat(tree.timedOut()).isTrue();
    assertThat(tree.root()).isEqualTo(SyntaxTree.NONE);
    assertThat(tree.warnings("big.py")).containsExactly("big.py: parsing took longer than 1 ms; not scanned");
    List<Integer> visited = new ArrayList<>();
    tree.walk(n -> visited.add(n));
    assertThat(visited).isEmpty();
  }

  @Test
  void theNodeLimitKeepsTheFirstNodes() {
    byte[] code = "import openai\n".repeat(100).getBytes(StandardCharsets.UTF_8);
    SyntaxTree tree = SyntaxTree.parse(Grammar.PYTHON, code, new Limits(256, 1000, 50, 10_000));
    assertThat(tree.truncated()).isTrue();
    List<Integer> visited = new ArrayList<>();
    tree.walk(n -> visited.add(n));
    assertThat(visited).hasSize(50);
    assertThat(tree.warnings("many.py")).containsExactly("many.py: more than 50 syntax nodes; scanned the first ones");
  }

  @Test
  void bracketsInsideStringsAndCommentsDoNotCount() {
    String code = "import openai\ns = \"" + "(".repeat(400) + "\"\n# " + "[".repeat(400) + "\nopenai.OpenAI()\n";
    SyntaxTree tree = SyntaxTree.parse(Grammar.PYTHON, code.getBytes(StandardCharsets.UTF_8));
    assertThat(tree.warnings("s.py")).isEmpty();
    assertThat(tree.hasErrors()).isFalse();
  }

  private static int depth(SyntaxTree tree) {
    int max = 0;
    for (int n = 0, size = count(tree); n < size; n++) {
      int d = 0;
      for (int p = tree.parent(n); p != SyntaxTree.NONE; p = tree.parent(p)) d++;
      max = Math.max(max, d);
    }
    return max;
  }

  private static int count(SyntaxTree tree) {
    int[] c = {0};
    tree.walk(n -> ++c[0] > 0);
    return c[0];
  }

  private static List<String> types(SyntaxTree tree) {
    List<String> out = new ArrayList<>();
    tree.walk(n -> out.add(tree.type(n)));
    return out;
  }

  private void write(String rel, String content) throws IOException {
    Files.writeString(root.resolve(rel), content);
  }
}

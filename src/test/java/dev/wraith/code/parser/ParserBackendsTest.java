package dev.wraith.code.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The native and the fallback backend build the same node table for every source fixture of the code layer,
 * and the table is well formed. Compared by names and positions, since the two builds number symbols apart.
 */
class ParserBackendsTest {
  static final Map<String, Grammar> BY_EXTENSION = Map.of(".py", Grammar.PYTHON, ".js", Grammar.JAVASCRIPT, ".mjs",
      Grammar.JAVASCRIPT, ".cjs", Grammar.JAVASCRIPT, ".jsx", Grammar.JAVASCRIPT, ".ts", Grammar.TYPESCRIPT, ".tsx", Grammar.TSX,
      ".go", Grammar.GO, ".java", Grammar.JAVA);

  private static NativeParser nativeParser;
  private static final FallbackParser FALLBACK = new FallbackParser();

  @BeforeAll
  static void loadNative() {
    nativeParser = NativeParsers.loaded();
  }

  @Test
  void theNativeLibraryIsBundledAndLoadsOnThisPlatform() {
    assumeTrue(NativeParsers.bundled(), "this build has no native parser for " + NativeLibrary.platform() + " (no C compiler?)");
    assertThat(nativeParser).isNotNull();
    assertThat(nativeParser.description()).startsWith("native -O2 (tree-sitter 0.25.1, -O2 -DNDEBUG");
    assertThat(Parsers.description()).isEqualTo(nativeParser.description());
  }

  @Test
  void bothBackendsBuildTheSameTableForEverySourceFixture() throws IOException {
    assumeTrue(nativeParser != null, "no native parser in this build");
    List<Path> files = sourceFixtures();
    assertThat(files).hasSizeGreaterThan(50);
    for (Path f : files) {
      Grammar g = grammarOf(f);
      byte[] bytes = Files.readAllBytes(f);
      NodeTable n = nativeParser.parse(g, bytes, bytes.length, Limits.DEFAULT);
      NodeTable b = FALLBACK.parse(g, bytes, bytes.length, Limits.DEFAULT);
      assertThat(render(n)).as(f.toString()).isEqualTo(render(b));
      assertWellFormed(n);
    }
  }

  @Test
  void everyGrammarParsesThroughBothBackends() {
    assumeTrue(nativeParser != null, "no native parser in this build");
    byte[] code = "x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (Grammar g : Grammar.values()) {
      NodeTable n = nativeParser.parse(g, code, code.length, Limits.DEFAULT);
      assertThat(n.size()).as(g.id()).isGreaterThan(1);
      assertThat(render(n)).as(g.id()).isEqualTo(render(FALLBACK.parse(g, code, code.length, Limits.DEFAULT)));
    }
  }

  @Test
  void bothBackendsCutDeepNestingAlike() {
    assumeTrue(nativeParser != null, "no native parser in this build");
    String js = "const a = \"((\" + " + "f([{".repeat(400) + "x" + "}])".repeat(400) + ";\n// ((((\nlet b = /* [[ */ 1;\n"
        + "g(" + "(".repeat(300) + "\n";
    String py = "a = '(('\n# [[[\nb = " + "[(".repeat(300) + "0" + ")]".repeat(300) + "\nc = 1\n";
    for (var c : List.of(Map.entry(Grammar.JAVASCRIPT, js), Map.entry(Grammar.TSX, js), Map.entry(Grammar.PYTHON, py))) {
      byte[] code = c.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      NodeTable n = nativeParser.parse(c.getKey(), code, code.length, Limits.DEFAULT);
      assertThat(n.status() & NodeTable.NESTING_CUT).as(c.getKey().id()).isNotZero();
      assertThat(render(n)).as(c.getKey().id()).isEqualTo(render(FALLBACK.parse(c.getKey(), code, code.length, Limits.DEFAULT)));
      assertWellFormed(n);
    }
  }

  static List<Path> sourceFixtures() throws IOException {
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources/code"))) {
      return s.filter(Files::isRegularFile).filter(p -> grammarOf(p) != null).sorted().toList();
    }
  }

  static Grammar grammarOf(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : BY_EXTENSION.get(name.substring(dot));
  }

  /** One line per node: type, field name, flags, child count, parent, subtree end, bytes, row and column. */
  static List<String> render(NodeTable t) {
    List<String> out = new ArrayList<>();
    out.add("status " + t.status() + " size " + t.size() + " deepest " + t.deepest());
    for (int i = 0; i < t.size(); i++) {
      out.add(i + " " + t.type(i) + " " + t.vocabulary().fieldName(t.field(i)) + " named=" + t.isNamed(i) + " missing="
          + t.isMissing(i) + " extra=" + t.isExtra(i) + " error=" + t.isError(i) + " hasError=" + t.hasError(i) + " cut="
          + t.isTruncated(i) + " children=" + t.childCount(i) + " parent=" + t.parent(i) + " end=" + t.end(i) + " bytes="
          + t.startByte(i) + ".." + t.endByte(i) + " at=" + t.row(i) + ":" + t.column(i));
    }
    return out;
  }

  /** Pre-order with subtree ranges: children are contiguous, nested in their parent and counted right. */
  static void assertWellFormed(NodeTable t) {
    for (int n = 0; n < t.size(); n++) {
      assertThat(t.end(n)).isGreaterThan(n).isLessThanOrEqualTo(t.size());
      int children = 0;
      for (int c = n + 1; c < t.end(n); c = t.end(c)) {
        assertThat(t.parent(c)).isEqualTo(n);
        assertThat(t.startByte(c)).isGreaterThanOrEqualTo(t.startByte(n));
        children++;
      }
      assertThat(children).isEqualTo(t.childCount(n));
      if (n > 0) assertThat(t.parent(n)).isLessThan(n);
    }
  }
}

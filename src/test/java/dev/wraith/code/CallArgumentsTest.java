package dev.wraith.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.parser.Grammar;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keying rule on a real argument list (Python's, read by a reader written here), comments and splats skipped. */
class CallArgumentsTest {
  private static final SyntaxTree TREE = SyntaxTree.parse(Grammar.PYTHON,
      "f('a', model='m1', 3, model='m2', *rest, 'b')  # trailing\n".getBytes(StandardCharsets.UTF_8));
  private static final int LIST = TREE.field(TREE.firstNamedChild(TREE.firstNamedChild(TREE.root())), "arguments");

  @Test
  void namedArgumentsTakeNoPositionAndTheFirstOfARepeatedNameWins() {
    assertThat(CallArguments.of(TREE, LIST, CallArgumentsTest::read, "string", "integer", "keyword_argument"))
        .containsExactly(Map.entry("#0", "'a'"), Map.entry("model", "'m1'"), Map.entry("#1", "3"),
            Map.entry("#2", "'b'"));
  }

  @Test
  void eachListCountsFromZeroIntoASharedMapAndAPositionalReplacesItsKey() {
    Map<String, String> shared = new LinkedHashMap<>(Map.of("#1", "before"));
    assertThat(CallArguments.into(shared, TREE, LIST, CallArgumentsTest::read, "integer")).isSameAs(shared);
    assertThat(CallArguments.into(shared, TREE, LIST, CallArgumentsTest::read, "string"))
        .containsExactly(Map.entry("#1", "'b'"), Map.entry("#0", "'a'"));
  }

  @Test
  void noListIsNoArguments() {
    assertThat(CallArguments.of(TREE, SyntaxTree.NONE, CallArgumentsTest::read, "string")).isEmpty();
  }

  private static void read(int a, CallArguments into) {
    if (TREE.type(a).equals("keyword_argument")) {
      into.named(TREE.text(TREE.field(a, "name")), TREE.text(TREE.field(a, "value")));
    } else {
      into.positional(TREE.text(a));
    }
  }
}

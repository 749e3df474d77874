package dev.wraith.code.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.SyntaxTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * {@link SyntaxTree#field} answers what tree-sitter's own {@code ts_node_child_by_field_name} answers (which the
 * extractors used before the node table), for every node and every field name of the grammar, on every source
 * fixture: the table's per-child field ids (from the tree cursor) lose nothing.
 */
class FieldLookupTest {
  @Test
  void fieldLookupMatchesTreeSittersOwnOnEverySourceFixture() throws IOException {
    int checked = 0;
    for (Path f : ParserBackendsTest.sourceFixtures()) {
      Grammar g = ParserBackendsTest.grammarOf(f);
      byte[] bytes = Files.readAllBytes(f);
      SyntaxTree tree = SyntaxTree.parse(g, bytes);
      TSLanguage lang = FallbackParser.language(g);
      TSParser parser = new TSParser();
      parser.setLanguage(lang);
      TSTree ts = parser.parse(new byte[1 << 16], null, (buf, offset, point) -> {
        int n = Math.max(0, Math.min(buf.length, bytes.length - offset));
        System.arraycopy(bytes, offset, buf, 0, n);
        return n;
      }, org.treesitter.TSInputEncoding.TSInputEncodingUTF8);
      List<TSNode> nodes = preOrder(ts.getRootNode());
      for (int i = 0; i < nodes.size(); i++) {
        for (int id = 1; id <= lang.fieldCount(); id++) {
          String name = lang.fieldNameForId(id);
          TSNode expected = nodes.get(i).getChildByFieldName(name);
          int actual = tree.field(i, name);
          String want = expected == null || expected.isNull() ? "none" : expected.getType() + "@" + expected.getStartByte() + ".." + expected.getEndByte();
          String got = actual == SyntaxTree.NONE ? "none" : tree.type(actual) + "@" + tree.startByte(actual) + ".." + tree.endByte(actual);
          assertThat(got).as(f + " node " + i + " (" + tree.type(i) + ") field " + name).isEqualTo(want);
          checked++;
        }
      }
      ts.close();
    }
    assertThat(checked).isGreaterThan(10_000);
  }

  private static List<TSNode> preOrder(TSNode root) {
    List<TSNode> out = new ArrayList<>();
    try (TSTreeCursor c = new TSTreeCursor(root)) {
      out.add(c.currentNode());
      while (true) {
        if (c.gotoFirstChild()) {
          out.add(c.currentNode());
          continue;
        }
        while (!c.gotoNextSibling()) {
          if (!c.gotoParent()) return out;
        }
        out.add(c.currentNode());
      }
    }
  }
}

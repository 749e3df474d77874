package dev.wraith.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlDocumentsTest {
  private final List<String> seen = new ArrayList<>();

  private void read(String yaml, Limits limits) throws IOException {
    YamlDocuments.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), limits, "items",
        new YamlDocuments.Visitor() {
          @Override
          public void item(byte[] b, int from, int to, long line) {
            seen.add("item@" + line + " " + new String(b, from, to - from, StandardCharsets.UTF_8));
          }

          @Override
          public void document(byte[] b, int from, int to, long line) {
            seen.add("doc@" + line + " " + new String(b, from, to - from, StandardCharsets.UTF_8));
          }

          @Override
          public void skipped(long line, String why) {
            seen.add("skipped@" + line + " " + why);
          }
        });
  }

  @Test
  void documentsAreSplitAtMarkers() throws IOException {
    read("# head\n---\na: 1\n---\nb: |\n  ---x\n...\n--- {c: 3}\n", Limits.DEFAULT);
    assertThat(seen).containsExactly("doc@1 # head\n---\na: 1\n", "doc@4 ---\nb: |\n  ---x\n", "doc@8 --- {c: 3}\n");
  }

  @Test
  void aKubectlListGivesItsItemsOneByOne() throws IOException {
    read("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  spec:\n    containers:\n    - name: a\n"
        + "- kind: Service\n  data: |\n    - not an item\nkind: List\nmetadata: {}\n", Limits.DEFAULT);
    assertThat(seen).containsExactly(
        "item@3   apiVersion: v1\n  kind: Pod\n  spec:\n    containers:\n    - name: a\n",
        "item@8   kind: Service\n  data: |\n    - not an item\n",
        "doc@1 apiVersion: v1\nkind: List\nmetadata: {}\n");
  }

  @Test
  void indentedSequencesAndFlowItemsToo() throws IOException {
    read("items:\n  - kind: Pod\n    x: 1\n  - kind: Pod\nkind: List\n---\nitems: [{kind: Pod}]\nkind: List\n", Limits.DEFAULT);
    assertThat(seen).containsExactly("item@2     kind: Pod\n    x: 1\n", "item@4     kind: Pod\n", "doc@1 kind: List\n",
        "doc@6 ---\nitems: [{kind: Pod}]\nkind: List\n");
  }

  @Test
  void anOversizeItemOrALongLineIsSkipped() throws IOException {
    Limits l = new Limits(1 << 20, 100, 128, 40, 1 << 20, 10);
    read("items:\n- a: 0\n- a: " + "x".repeat(200) + "\n- b: " + "y\n  c: z".repeat(30) + "\n- d: 1\nkind: List\n", l);
    assertThat(seen).containsExactly("item@2   a: 0\n", "skipped@3 a line longer than 40 bytes",
        "skipped@4 larger than 100 bytes", "item@35   d: 1\n", "doc@1 kind: List\n");
  }
}

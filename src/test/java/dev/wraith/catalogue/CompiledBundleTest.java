package dev.wraith.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompiledBundleTest {
  /** The build step ran (process-classes) and its trees are exactly what parsing each YAML file gives. */
  @Test
  void compiledTreesAreTheYamlTrees() throws Exception {
    Map<String, JsonNode> trees = CompiledBundle.read().orElseThrow(() -> new AssertionError("no current catalogue/bundle.json"));
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode index = parse(yaml, "catalogue.yaml");
    assertThat(trees.get("catalogue.yaml")).isEqualTo(index);
    assertThat(index.path("files")).isNotEmpty();
    for (JsonNode f : index.path("files")) assertThat(trees.get(f.asText())).as(f.asText()).isEqualTo(parse(yaml, f.asText()));
    assertThat(trees).hasSize(index.path("files").size() + 1);
  }

  /** A document made from other YAML than the classpath holds (an edit after the build) is not used. */
  @Test
  void aStaleDocumentIsIgnored() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode doc;
    try (InputStream in = CompiledBundle.class.getResourceAsStream(CompiledBundle.RESOURCE)) {
      doc = (ObjectNode) json.readTree(in);
    }
    assertThat(CompiledBundle.trees(doc)).isPresent();
    ((ObjectNode) doc.path("files").path("providers.yaml")).put("crc32", 12345L);
    assertThat(CompiledBundle.trees(doc)).isEmpty();
    ObjectNode noIndex = json.createObjectNode();
    noIndex.putObject("files");
    assertThat(CompiledBundle.trees(noIndex)).isEmpty();
  }

  private static JsonNode parse(ObjectMapper yaml, String name) throws Exception {
    try (InputStream in = CompiledBundle.class.getResourceAsStream("/catalogue/" + name)) {
      return yaml.readTree(in);
    }
  }
}

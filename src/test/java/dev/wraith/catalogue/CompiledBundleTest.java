package dev.wraith.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledBundleTest {
  /**
   * The build step ran (process-classes) and its trees are exactly what parsing each YAML file gives, for every
   * YAML file of the catalogue directory, listed in catalogue.yaml or not.
   */
  @Test
  void compiledTreesAreTheYamlTreesOfEveryCatalogueFile() throws Exception {
    Map<String, JsonNode> trees = CompiledBundle.read().orElseThrow(() -> new AssertionError("no current catalogue/bundle.json"));
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<String> sources = CompiledBundle.yamlFiles(Path.of("src/main/resources/catalogue"));
    assertThat(sources).contains("catalogue.yaml", "mcp-probe.yaml", "signatures/pypi.yaml");
    for (JsonNode f : parse(yaml, "catalogue.yaml").path("files")) assertThat(sources).contains(f.asText());
    assertThat(trees.keySet()).containsExactlyInAnyOrderElementsOf(sources);
    for (String f : sources) assertThat(trees.get(f)).as(f).isEqualTo(parse(yaml, f));
  }

  /** A catalogue file added later (another section, a nested directory) is picked up with no change to the step. */
  @Test
  void theBuildStepListsTheDirectory(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("signatures/deeper"));
    for (String f : List.of("catalogue.yaml", "secrets.yaml", "signatures/a.yaml", "signatures/deeper/b.yml", "README.md", "notes.yaml.bak")) {
      Files.writeString(dir.resolve(f), "x: 1\n");
    }
    Files.createDirectories(dir.resolve("dir.yaml"));
    assertThat(CompiledBundle.yamlFiles(dir))
        .containsExactly("catalogue.yaml", "secrets.yaml", "signatures/a.yaml", "signatures/deeper/b.yml");
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

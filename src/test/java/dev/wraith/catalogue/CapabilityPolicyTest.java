package dev.wraith.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wraith.code.FactMatcher;
import dev.wraith.code.SourceFile;
import dev.wraith.code.python.PythonDetector;
import dev.wraith.model.Finding;
import dev.wraith.model.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One capability policy (capabilities.yaml) for detection and risk: the bundled decisions, the detector following an
 * overlay that changes one, and symbols that may only name known capabilities.
 */
class CapabilityPolicyTest {
  static final String FILE_TOOL = """
      from langchain_community.tools import ReadFileTool
      reader = ReadFileTool()
      """;

  @TempDir Path dir;

  @Test
  void bundledPolicy() {
    Catalogue c = CatalogueLoader.bundled();
    assertThat(c.capabilities()).extracting(Capability::id).containsExactly("code-exec", "shell", "filesystem", "network", "database", "write");
    assertThat(c.capabilities()).filteredOn(Capability::errorFinding).extracting(Capability::id)
        .containsExactly("code-exec", "shell");
    assertThat(c.capabilities()).filteredOn(Capability::raisesRisk).extracting(Capability::id)
        .containsExactly("code-exec", "shell", "filesystem");
  }

  @Test
  void theDetectorFollowsThePolicy() throws Exception {
    assertThat(fileTool(CatalogueLoader.bundled()).severity()).isEqualTo(Severity.WARNING);
    Files.writeString(dir.resolve("strict.yaml"), """
        capabilities:
          - {id: filesystem, name: reads or writes files, errorFinding: true, raisesRisk: true}
        """);
    Catalogue strict = CatalogueLoader.load(dir);
    assertThat(strict.capability("filesystem").orElseThrow().errorFinding()).isTrue();
    assertThat(fileTool(strict).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void symbolsNameOnlyKnownCapabilities() throws Exception {
    Files.writeString(dir.resolve("bad.yaml"), """
        capabilities:
          - {id: network, name: reaches the network, errorFinding: maybe}
        sdks:
          - id: inhouse-llm
            name: In-house LLM client
            ecosystem: pypi
            modules: [acme_llm]
            symbols:
              - {call: acme_llm.Client, kind: sdk-client, capabilities: [teleport]}
              - {call: acme_llm.Agent, kind: agent, when: [{arg: mode, equals: root, capability: root-access}]}
        """);
    assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(CatalogueException.class)
        .hasMessageContaining("unknown capability 'teleport'")
        .hasMessageContaining("unknown capability 'root-access'")
        .hasMessageContaining("'errorFinding' must be true or false");
  }

  private static Finding fileTool(Catalogue c) {
    var d = new PythonDetector(new FactMatcher(c)).detect(new SourceFile("tools.py", FILE_TOOL.getBytes(StandardCharsets.UTF_8)));
    return d.findings().stream().filter(f -> f.kind().id().equals("tool")).findFirst().orElseThrow();
  }
}

package dev.wraith.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.Workload;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Known AI apps and MCP servers by image and command; each fixture pod names its expected app in a label. */
class KnownAppsTest {
  private static final AuditLogReader.Result NO_AUDIT = new AuditLogReader.Result(List.of(), 0, List.of());
  private static final Map<String, String> EXPECT = Map.ofEntries(
      Map.entry("webui", "open-webui"), Map.entry("flows", "flowise"), Map.entry("workflows", "n8n"),
      Map.entry("local-ai", "localai"), Map.entry("mcp-fetch", "docker-mcp-catalog"), Map.entry("gh-mcp", "github-mcp-server"),
      Map.entry("mcp-sidecar", "modelcontextprotocol-server"), Map.entry("uvx-time", "python-mcp-server"));

  @Test
  void everyExpectedAppIsFoundAndNoLookalike() {
    ClusterScan scan = new ClusterCollector(CatalogueLoader.bundled())
        .collect(SnapshotKubeApi.read(List.of(ClusterFixtures.path("snapshot-apps.yaml"))), NO_AUDIT);
    Map<String, String> found = scan.workloads().stream()
        .collect(Collectors.toMap(Workload::name, w -> String.join(",", w.providers())));
    assertThat(found).isEqualTo(EXPECT);
    assertThat(scan.stats().withoutAi()).isEqualTo(4);
  }

  @Test
  void evidenceNamesTheImageOrTheMatchedCommandWordsOnly() {
    ClusterScan scan = new ClusterCollector(CatalogueLoader.bundled())
        .collect(SnapshotKubeApi.read(List.of(ClusterFixtures.path("snapshot-apps.yaml"))), NO_AUDIT);
    Map<String, List<String>> evidence = scan.workloads().stream().collect(Collectors.toMap(Workload::name,
        w -> w.ai().stream().map(a -> a.evidence()).toList()));
    assertThat(evidence.get("mcp-sidecar")).containsExactly("command: npx @modelcontextprotocol/server-filesystem");
    assertThat(evidence.get("uvx-time")).containsExactly("command: uvx mcp-server-time");
    assertThat(evidence.get("gh-mcp")).containsExactly("ghcr.io/github/github-mcp-server:v0.4.0");
  }
}

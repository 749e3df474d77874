package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.InventoryAgent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OpenTelemetry GenAI names per agent: provider names from the catalogue, models from code, endpoints from traffic. */
class GenAiAttributesTest {
  @Test
  void theCatalogueGivesTheWellKnownProviderNames() {
    GenAiNames names = GenAiNames.of(CatalogueLoader.bundled());
    assertThat(names.of("openai")).contains("openai");
    assertThat(names.of("aws-bedrock")).contains("aws.bedrock");
    assertThat(names.of("azure-openai")).contains("azure.ai.openai");
    assertThat(names.of("google-vertex")).contains("gcp.vertex_ai");
    assertThat(names.of("mistral")).contains("mistral_ai");
    assertThat(names.of("qdrant")).isEmpty(); // a vector database is no GenAI provider
    assertThat(GenAiNames.bundled()).isEqualTo(names);
  }

  @Test
  void modelsComeFromTheAgentsOwnCodeAndEndpointsFromItsConnections() {
    InventoryAgent triage = agent("a1b2c3d4e5f60001");
    List<GenAiAttributes> attrs = GenAiAttributes.of(triage, Optional.of(SampleInventory.codeScan()), GenAiNames.bundled());
    assertThat(attrs).containsExactly(
        new GenAiAttributes("openai", "openai", "gpt-4o-mini", "api.openai.com", 443),
        new GenAiAttributes("qdrant", null, null, "10.96.12.7", 6333)); // in-cluster: the Service address, not "ai/qdrant"
    // the legacy summarizer's gpt-4o-mini is in another agent's file: not the triage agent's model
    InventoryAgent ghost = agent("f00dbabe00000001");
    assertThat(GenAiAttributes.of(ghost, Optional.of(SampleInventory.codeScan()), GenAiNames.bundled()))
        .containsExactly(new GenAiAttributes("openai", "openai", null, "api.openai.com", 443));
    assertThat(GenAiAttributes.of(ghost, Optional.empty(), new GenAiNames(java.util.Map.of())))
        .containsExactly(new GenAiAttributes("openai", null, null, "api.openai.com", 443));
  }

  private static InventoryAgent agent(String id) {
    return SampleInventory.inventory().agents().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }
}

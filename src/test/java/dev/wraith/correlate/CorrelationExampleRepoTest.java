package dev.wraith.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.FixtureHarness;
import dev.wraith.model.Classification;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's example repository as code agents: one per deployable unit (Dockerfile context, compose build, or
 * manifest directory), not one per file, so `wraith demo` counts services the way a reader does; each is named by the
 * module its manifest declares (pyproject {@code triage}, package.json {@code @acme/web-chat}), else by its directory.
 */
class CorrelationExampleRepoTest {
  @Test
  void acmeSupportIsFiveCodeAgents() {
    CodeScan code = FixtureHarness.scan(Path.of("examples/acme-support"));
    Inventory inv = new Correlator(Scenario.catalogue()).correlate(CorrelationInput.of(Scenario.TOOL, Scenario.SCAN)
        .withCode(code, Map.of()));
    assertThat(inv.agents()).extracting(InventoryAgent::name)
        .containsExactlyInAnyOrder("billing-bot", "search-indexer", "triage", "@acme/web-chat", "mcp-inventory");
    assertThat(inv.agents()).allMatch(a -> a.classification() == Classification.UNKNOWN);
    InventoryAgent triage = inv.agents().stream().filter(a -> a.name().equals("triage")).findFirst().orElseThrow();
    assertThat(triage.code()).extracting(InventoryAgent.CodeRef::path).containsOnly(
        "services/triage-agent/triage/agent.py", "services/triage-agent/triage/tools.py");
    assertThat(triage.evidence()).anyMatch(e -> e.detail().startsWith("deployed as Deployment support/triage-agent"));
  }
}

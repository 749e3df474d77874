package dev.wraith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.FixtureHarness;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's first command scans examples/acme-support: every agent in it must be found with the right
 * role, nothing in its negatives (health checks, docs, ignored scratch files, lookalike dependencies).
 */
class ExampleRepoTest {
  private static final CodeScan SCAN = FixtureHarness.scan(Path.of("examples/acme-support"));

  @Test
  void findsEveryAgentWithItsRoleAndNothingElse() {
    Map<String, String> roles = new TreeMap<>();
    for (CodeAgent a : SCAN.agents()) roles.put(a.path(), a.role());
    assertThat(roles).containsExactlyInAnyOrderEntriesOf(Map.of(
        "services/billing-bot/src/main/java/com/acme/billing/BillingAssistant.java", "agent",
        "services/search-indexer/main.go", "ai-client",
        "services/triage-agent/triage/agent.py", "agent",
        "services/triage-agent/triage/tools.py", "agent-tools",
        "services/web-chat/src/app/api/chat/route.ts", "ai-client",
        "tools/mcp-inventory/server.py", "mcp-server"));
  }

  @Test
  void agentsNameTheirProvidersAndFrameworks() {
    Map<String, CodeAgent> byPath = SCAN.agents().stream().collect(Collectors.toMap(CodeAgent::path, a -> a));
    assertThat(byPath.get("services/triage-agent/triage/agent.py").providers()).contains("openai", "qdrant");
    assertThat(byPath.get("services/web-chat/src/app/api/chat/route.ts").providers()).contains("anthropic");
    assertThat(byPath.get("services/billing-bot/src/main/java/com/acme/billing/BillingAssistant.java").providers())
        .contains("azure-openai");
    assertThat(byPath.get("services/search-indexer/main.go").providers()).contains("openai");
  }

  @Test
  void negativesStaySilent() {
    assertThat(SCAN.findings()).extracting(f -> f.location().path())
        .noneMatch(p -> p.startsWith("scratch/") || p.startsWith("docs/") || p.equals("scripts/healthcheck.py")
            || p.endsWith("health.ts") || p.endsWith("InvoiceRepository.java") || p.equals("services/triage-agent/main.py"));
  }

  @Test
  void dependenciesAreExactPackageMatches() {
    assertThat(SCAN.findings()).filteredOn(f -> f.kind() == FindingKind.DEPENDENCY).extracting(Finding::evidence)
        .containsExactlyInAnyOrder("langgraph", "langchain-openai", "langchain-community", "qdrant-client",
            "@ai-sdk/anthropic", "ai", "dev.langchain4j:langchain4j", "dev.langchain4j:langchain4j-azure-open-ai",
            "github.com/sashabaranov/go-openai", "mcp");
  }

  @Test
  void deploymentIdentitiesAreKnown() {
    assertThat(SCAN.deployments()).extracting(Deployment::name)
        .contains("triage-agent", "web-chat", "status-page", "ollama", "triage");
  }
}

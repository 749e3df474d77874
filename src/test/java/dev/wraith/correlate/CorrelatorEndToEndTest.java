package dev.wraith.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.Risk;
import dev.wraith.report.InventoryJsonReporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole correlation over the {@link Scenario}: code, cluster, host and Tetragon joined into one inventory, compared
 * with a golden inventory.json ({@code -Dwraith.updateGolden=true} rewrites it; review the diff).
 */
class CorrelatorEndToEndTest {
  private static final Path GOLDEN = Path.of("src/test/resources/correlate/golden-inventory.json");
  private static Inventory inv;

  @BeforeAll
  static void correlate() {
    inv = new Correlator(Scenario.catalogue()).correlate(Scenario.input());
  }

  @Test
  void summaryCountsEveryClass() {
    assertThat(inv.summary()).containsEntry(Classification.CONFIRMED, 2).containsEntry(Classification.UNKNOWN, 1)
        .containsEntry(Classification.SHADOW_AI, 1).containsEntry(Classification.ZOMBIE, 0)
        .containsEntry(Classification.GHOST, 4);
  }

  @Test
  void triageAgentIsConfirmedByItsEntryScriptContent() {
    InventoryAgent a = named("triage-agent");
    assertThat(a.classification()).isEqualTo(Classification.CONFIRMED);
    assertThat(a.reasons().get(0)).contains("entry script /app/main.py has the content of services/triage-agent/main.py");
    assertThat(a.code()).extracting(InventoryAgent.CodeRef::path).contains("services/triage-agent/triage/agent.py");
    assertThat(a.workload().orElseThrow().name()).isEqualTo("triage-agent");
    assertThat(a.process().orElseThrow().execed()).isFalse();
  }

  @Test
  void webChatIsConfirmedByTheManifestThatDeclaresItsWorkload() {
    InventoryAgent a = named("@acme/web-chat");
    assertThat(a.classification()).isEqualTo(Classification.CONFIRMED);
    assertThat(a.reasons().get(0)).contains("Deployment support/web-chat is declared by deploy/k8s/triage-agent.yaml");
  }

  @Test
  void codeNotRunningIsUnknown() {
    assertThat(named("search-indexer").classification()).isEqualTo(Classification.UNKNOWN);
    assertThat(named("search-indexer").risk()).isEqualTo(Risk.MEDIUM);
  }

  @Test
  void execdScriptInAPaymentPodIsACriticalGhostWithWhoExecdIt() {
    InventoryAgent g = named("agent.py");
    assertThat(g.classification()).isEqualTo(Classification.GHOST);
    assertThat(g.risk()).isEqualTo(Risk.CRITICAL);
    assertThat(g.process().orElseThrow().execedBy()).isEqualTo("alice@example.com");
    assertThat(g.workload().orElseThrow().name()).isEqualTo("checkout-api");
    assertThat(g.evidence()).anyMatch(e -> e.layer().equals("audit") && e.detail().contains("alice@example.com"));
    assertThat(g.firstSeen()).contains(java.time.Instant.parse("2026-02-19T09:00:00Z"));
    assertThat(g.connections().get(0).count()).isEqualTo(3960);
  }

  @Test
  void execdProcessInsideAConfirmedPodIsStillAGhost() {
    InventoryAgent g = named("summarize.py");
    assertThat(g.classification()).isEqualTo(Classification.GHOST);
    assertThat(g.workload().orElseThrow().name()).isEqualTo("triage-agent");
    assertThat(g.process().orElseThrow().execedBy()).isEqualTo("bob@example.com");
    assertThat(named("triage-agent").classification()).isEqualTo(Classification.CONFIRMED);
  }

  @Test
  void nodeProcessOutsideAnyPodIsAGhost() {
    InventoryAgent g = named("sync.py");
    assertThat(g.classification()).isEqualTo(Classification.GHOST);
    assertThat(g.workload()).isEmpty();
    assertThat(g.process().orElseThrow().node()).isEqualTo("node-a");
    assertThat(g.reasons()).anyMatch(r -> r.contains("outside any pod"));
  }

  @Test
  void knownAppIsShadowAi() {
    InventoryAgent s = named("webui");
    assertThat(s.classification()).isEqualTo(Classification.SHADOW_AI);
    assertThat(s.reasons().get(0)).contains("Open WebUI");
  }

  @Test
  void declaredOnlyWorkloadWithSecretReachIsARaisedGhost() {
    InventoryAgent g = named("scratch-agent");
    assertThat(g.classification()).isEqualTo(Classification.GHOST);
    assertThat(g.process()).isEmpty();
    assertThat(g.risk()).as("declared-only HIGH, raised for read-secrets").isEqualTo(Risk.CRITICAL);
    assertThat(g.reach()).anyMatch(r -> r.startsWith("read-secrets"));
  }

  @Test
  void execProbesAreNotSubjects() {
    assertThat(inv.agents()).noneMatch(a -> a.process().map(p -> p.binary().endsWith("curl")).orElse(false));
  }

  @Test
  void localUnverifiedMcpServerIsHighRisk() {
    assertThat(inv.mcpServers()).singleElement().satisfies(s -> assertThat(s.risk()).isEqualTo(Risk.HIGH));
  }

  @Test
  void noKeyLikeStringLeaves() throws IOException {
    String json = json(inv);
    assertThat(json).doesNotContain("sk-proj").doesNotContain("AUDITSECRET");
  }

  @Test
  void matchesTheGoldenInventoryAndIsDeterministic() throws IOException {
    String actual = json(inv);
    assertThat(json(new Correlator(Scenario.catalogue()).correlate(Scenario.input()))).isEqualTo(actual);
    dev.wraith.Golden.assertMatches(GOLDEN, actual);
  }

  static String json(Inventory inventory) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new InventoryJsonReporter().write(new dev.wraith.report.InventoryReport(inventory, Optional.empty()), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static InventoryAgent named(String name) {
    return inv.agents().stream().filter(a -> a.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no agent " + name + " in " + inv.agents().stream().map(InventoryAgent::name).toList()));
  }
}

package dev.wraith.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.wraith.model.Inventory;
import dev.wraith.model.LayerStatus;
import dev.wraith.report.Reporter;
import dev.wraith.report.InventoryTableReporter;
import dev.wraith.report.MarkdownReporter;
import dev.wraith.scan.Registry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** inventory.json against its schema; report.md and the terminal table say what the inventory says. */
class CorrelationReportsTest {
  private static Inventory full;
  private static Inventory withZombies;

  @BeforeAll
  static void scans() {
    Correlator c = new Correlator(Scenario.catalogue());
    full = c.correlate(Scenario.input());
    withZombies = c.correlate(CorrelationInput.of(Scenario.TOOL, Scenario.SCAN.plus(Duration.ofDays(2)))
        .withCode(Scenario.code(), java.util.Map.of()).withHost(Scenario.host(), "node-a")
        .withState(CorrelationHistoryTest.prior(full), true)
        .withLayers(List.of(LayerStatus.ran("code", List.of()), LayerStatus.skipped("cluster", "no kubeconfig"),
            LayerStatus.ran("host", List.of("cannot read /proc/77/net/tcp: permission denied")),
            LayerStatus.skipped("tetragon", "no Tetragon socket"))));
  }

  @Test
  void inventoryJsonMatchesItsSchema() throws IOException {
    Inventory empty = new Correlator(Scenario.catalogue()).correlate(CorrelationInput.of(Scenario.TOOL, Scenario.SCAN));
    for (Inventory inv : List.of(full, withZombies, empty)) {
      JsonNode doc = new ObjectMapper().readTree(CorrelatorEndToEndTest.json(inv));
      assertThat(schema().validate(doc)).as("schema errors").isEmpty();
    }
    assertThat(withZombies.summary().get(dev.wraith.model.Classification.ZOMBIE)).isPositive();
  }

  @Test
  void theSchemaRejectsADocumentMissingFieldsOrWithUnknownOnes() throws IOException {
    ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(CorrelatorEndToEndTest.json(full));
    ((ObjectNode) doc.path("agents").get(0)).remove("reasons");
    ((ObjectNode) doc.path("summary")).put("PHANTOM", 1);
    doc.put("schemaVersion", 3);
    assertThat(schema().validate(doc)).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void registryListsTheResultsDirectoryFiles() {
    assertThat(Registry.inventoryReporters(dev.wraith.redact.Redactor.bundled())).extracting(Reporter::format).contains("inventory.json", "report.md");
  }

  @Test
  void terminalTableHasTheSummaryRiskAndAGhostBlockPerGhost() throws IOException {
    String plain = table(full, false);
    assertThat(plain).doesNotContain("\u001b[");
    assertThat(plain).containsPattern("CONFIRMED\\s+2\\s+Active — detected in code and observed at runtime");
    assertThat(plain).containsPattern("SHADOW AI\\s+1\\s+Known app using AI");
    assertThat(plain).containsPattern("GHOST\\s+4\\s+Critical — runtime activity with no source code");
    assertThat(plain).contains("Risk: 3 critical · 3 high · 2 medium · 0 low");
    // the ghost on weak evidence only is suspected, one level lower, and says how to confirm it
    assertThat(plain).contains("GHOST (suspected) summarize.py  HIGH")
        .contains("(tetragon; evidence dns-lookup, weak)").contains("(tetragon; evidence dns-answer, strong)")
        .contains("--dns-log FILE");
    assertThat(plain.split("\n")).filteredOn(l -> l.startsWith("GHOST ") && l.contains("  id ")).hasSize(4);
    assertThat(plain).contains("GHOST agent.py").contains("origin   exec'd into the running container by alice@example.com (kubectl exec in the Kubernetes audit log)")
        .contains("3960 connections, 2026-02-19T09:00:00Z");
    assertThat(table(full, true)).contains("\u001b[1;31mGHOST agent.py\u001b[0m");
  }

  @Test
  void markdownReportHasEverySectionAndEscapesCells() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new MarkdownReporter(dev.wraith.redact.Redactor.bundled()).write(new dev.wraith.report.InventoryReport(withZombies, Optional.empty()), out);
    String md = out.toString(StandardCharsets.UTF_8);
    assertThat(md).contains("## Summary", "## Risk", "## Ghosts", "## Agents", "## MCP servers", "## Layers");
    assertThat(md).contains("| ZOMBIE |").contains("| cluster | skipped | no kubeconfig |")
        .contains("| host | partial | cannot read /proc/77/net/tcp: permission denied |");
    AllowList allow = AllowList.parse("allow: [{process: /root/cron/sync.py, note: \"ok|fine <b>\"}]", "allow.yaml");
    ByteArrayOutputStream escaped = new ByteArrayOutputStream();
    new MarkdownReporter(dev.wraith.redact.Redactor.bundled()).write(new dev.wraith.report.InventoryReport(
        new Correlator(Scenario.catalogue()).correlate(Scenario.input().withAllowList(allow)), Optional.empty()), escaped);
    assertThat(escaped.toString(StandardCharsets.UTF_8)).contains("ok\\|fine &lt;b&gt;").doesNotContain("<b>");
  }

  @Test
  void reportsAreByteForByteDeterministic() throws IOException {
    Inventory again = new Correlator(Scenario.catalogue()).correlate(Scenario.input());
    assertThat(table(again, false)).isEqualTo(table(full, false));
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    new MarkdownReporter(dev.wraith.redact.Redactor.bundled()).write(new dev.wraith.report.InventoryReport(full, Optional.empty()), a);
    new MarkdownReporter(dev.wraith.redact.Redactor.bundled()).write(new dev.wraith.report.InventoryReport(again, Optional.empty()), b);
    assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
  }

  private static String table(Inventory inv, boolean colour) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new InventoryTableReporter().write(inv, colour, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static JsonSchema schema() throws IOException {
    try (InputStream in = CorrelationReportsTest.class.getResourceAsStream("/schema/inventory.schema.json")) {
      assertThat(in).isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(new ObjectMapper().readTree(in));
    }
  }
}

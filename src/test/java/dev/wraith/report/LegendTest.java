package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Attributed;
import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.InventoryAgent.Change;
import dev.wraith.model.InventoryAgent.Connection;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ReachReason;
import dev.wraith.model.Risk;
import dev.wraith.model.ScanReport;
import dev.wraith.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The legend lists exactly the evidence, reach and state terms a report uses, and every writer prints the same lines. */
class LegendTest {
  private static final Instant SCAN = Instant.parse("2026-12-07T12:00:00Z");

  @Test
  void onlyTheTermsTheReportUsesInAFixedOrder() {
    Inventory inv = inventory(List.of(
        ghost("a", List.of(conn(Attributed.Method.PIN), conn(Attributed.Method.DNS_ANSWER)),
            List.of("read-secrets — can read secrets in namespace payments via RoleBinding payments/x -> Role x",
                "exec-pods: can exec into pods in namespace payments via RoleBinding payments/y -> Role y")),
        ghost("b", List.of(conn(Attributed.Method.PUBLISHED_RANGE)), List.of())));
    assertThat(Legend.terms(inv)).extracting(Legend.Term::term)
        .containsExactly("dns-answer", "pin", "published-range", "read-secrets", "exec-pods", "suspected", "tetragon");
    assertThat(Legend.terms(inv).get(1).meaning()).isEqualTo("strong evidence: a --resolve HOST=IP pin given to wraith");
    assertThat(Legend.terms(inv).get(2).meaning()).startsWith("weak evidence: ");
  }

  @Test
  void aReportWithoutSuchTermsHasNoLegend() {
    assertThat(Legend.terms(SampleInventory.empty())).isEmpty();
    Inventory inv = inventory(List.of(ghost("a", List.of(), List.of("egress to the internet"))));
    assertThat(Legend.terms(inv)).isEmpty();
  }

  @Test
  void everyEvidenceAndReachKindIsExplained() {
    for (Attributed.Method m : Attributed.Method.values()) assertThat(Legend.meaning(m)).as(m.id()).hasSizeGreaterThan(20);
    for (ReachReason.Kind k : ReachReason.Kind.values()) assertThat(Legend.meaning(k)).as(k.id()).hasSizeGreaterThan(20);
  }

  @Test
  void terminalMarkdownAndHtmlPrintTheSameTerms() throws Exception {
    Inventory inv = inventory(List.of(ghost("a", List.of(conn(Attributed.Method.SNI)),
        List.of("cluster-admin: bound to cluster-admin via ClusterRoleBinding ops"))));
    ByteArrayOutputStream term = new ByteArrayOutputStream();
    new InventoryTableReporter(Redactor.bundled()).write(inv, false, term);
    String md = new String(SampleInventory.render(new MarkdownReporter(dev.wraith.redact.Redactor.bundled()), inv, Optional.empty()), StandardCharsets.UTF_8);
    String html = new String(SampleInventory.render(new HtmlReporter(dev.wraith.redact.Redactor.bundled()), inv, Optional.empty()), StandardCharsets.UTF_8);
    assertThat(term.toString(StandardCharsets.UTF_8)).contains("\nTerms\n  sni            strong evidence: the server name"
        + " the process sent when it opened TLS\n  cluster-admin  its service account may do anything");
    assertThat(md).contains("## Terms\n\n- **sni**: strong evidence: the server name the process sent when it opened TLS\n"
        + "- **cluster-admin**: its service account may do anything");
    assertThat(html).contains("<section id=\"legend\"><h2>Terms</h2>")
        .contains("<dt><code>sni</code></dt><dd>strong evidence: the server name the process sent when it opened TLS</dd>");
    String noTerms = new String(SampleInventory.render(new MarkdownReporter(dev.wraith.redact.Redactor.bundled()), SampleInventory.empty(), Optional.empty()),
        StandardCharsets.UTF_8);
    assertThat(noTerms).doesNotContain("## Terms");
  }

  private static Inventory inventory(List<InventoryAgent> agents) {
    return new Inventory(new ScanReport.Tool("wraith", "0.1.0", "0.4.0", 1), SCAN, List.of(), agents, List.of(),
        List.of(LayerStatus.ran("tetragon", List.of())));
  }

  private static InventoryAgent ghost(String id, List<Connection> conns, List<String> reach) {
    return new InventoryAgent(id, Classification.GHOST, Risk.CRITICAL, id + ".py", Optional.empty(), Optional.empty(),
        List.of(), List.of("openai"), List.of(), conns, reach, List.of(), List.of(), Optional.empty(), Optional.empty(),
        Change.NEW);
  }

  private static Connection conn(Attributed.Method m) {
    return new Connection("openai", "api.openai.com", "162.159.140.245", 443, m, "tetragon", 3, SCAN.minusSeconds(600),
        SCAN.minusSeconds(60));
  }
}

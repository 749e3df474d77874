package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Attributed;
import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.InventoryAgent.Change;
import dev.wraith.model.InventoryAgent.CodeRef;
import dev.wraith.model.InventoryAgent.Connection;
import dev.wraith.model.InventoryAgent.Evidence;
import dev.wraith.model.InventoryAgent.ProcessRef;
import dev.wraith.model.InventoryAgent.WorkloadRef;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.Risk;
import dev.wraith.model.ScanReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ghost card of a node process (a python script on the node itself, outside any pod, first seen during the scan)
 * in headless Chromium: the card says where it runs, that the node started it (not a container, not an exec) and when
 * it was first seen, and at a narrow 760-pixel window no line of the agents table's Where column breaks inside a word
 * (long paths and node names wrap only after '/', '.', '_' or at spaces). The screenshot goes to
 * target/html-report/ghost-node.png. Skipped, with the reason, only when no chromium binary exists.
 */
class HtmlGhostCardChromiumTest {
  private static final Instant SCAN = Instant.parse("2026-12-07T12:47:59Z");
  private static HtmlBrowser browser;

  @BeforeAll
  static void openReport() throws Exception {
    Optional<Path> chromium = HtmlBrowser.binary();
    Assumptions.assumeTrue(chromium.isPresent(),
        "no chromium binary on PATH (apt-get install chromium, or set WRAITH_CHROMIUM); .ci/run installs it");
    Files.createDirectories(HtmlChromiumTest.OUT);
    Path page = HtmlChromiumTest.OUT.resolve("ghost-node.html");
    Files.write(page, SampleInventory.render(new HtmlReporter(dev.wraith.redact.Redactor.bundled()), inventory(), Optional.empty()));
    browser = new HtmlBrowser(chromium.get(), HtmlChromiumTest.OUT.resolve("profile-ghost-node"));
    browser.viewport(760, 900);
    browser.open(page.toAbsolutePath().toUri());
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) browser.close();
  }

  @Test
  void theNodeProcessCardSaysWhatIsTrue() throws Exception {
    String card = browser.eval("document.querySelector('#ghost-4fd3ce83a4980e56').innerText").asText();
    assertThat(card).contains("Where it runs\nnode ip-10-42-3-17.eu-west-1.compute.internal, pid 10624")
        .contains("Who started it\nstarted on node ip-10-42-3-17.eu-west-1.compute.internal itself, outside any pod or"
            + " container (not exec'd: no kubectl exec or audit log applies)")
        .contains("Since when\nfirst seen 2026-12-07 12:48:00 UTC (during this scan), last seen 2026-12-07 12:48:07 UTC")
        .contains("It runs on node ip-10-42-3-17.eu-west-1.compute.internal outside any pod")
        .doesNotContain("started by its container").doesNotContain("after the scan started")
        .doesNotContain("Who exec'd it");
    assertThat(browser.eval("document.querySelector('#legend').innerText").asText())
        .contains("http-host\nstrong evidence: the Host header of a plain-HTTP request the process sent");
    byte[] png = browser.screenshot(760);
    Files.write(HtmlChromiumTest.OUT.resolve("ghost-node.png"), png);
    assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  @Test
  void theWhereColumnWrapsOnlyAtWordBoundaries() throws Exception {
    browser.viewport(760, 900);
    String lines = browser.eval(LINE_BREAKS).asText();
    assertThat(lines.split("\n")).as("the Where column wraps (the test would prove nothing otherwise)")
        .hasSizeGreaterThan(4);
    // each wrapped line must end at a space or after '/', '.', '_', '-' or ',' and start a new word
    assertThat(browser.eval(MID_WORD).asText()).as("line breaks inside a word: %s", lines).isEqualTo("[]");
    assertThat(browser.eval("document.documentElement.scrollWidth <= window.innerWidth + 1").asBoolean())
        .as("the table fits the window: no cell forces a horizontal scroll").isTrue();
  }

  /** The Where cells' text split where the browser wrapped it ("\n" between lines). */
  private static final String WALK = "const cells = [...document.querySelectorAll('#agents tbody tr > td:nth-child(4)')];"
      + " const out = []; for (const td of cells) { const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);"
      + " let top = null, prev = '', line = ''; let n; while ((n = walker.nextNode())) {"
      + " for (let i = 0; i < n.data.length; i++) { const ch = n.data[i]; const r = document.createRange();"
      + " r.setStart(n, i); r.setEnd(n, i + 1); const rect = r.getClientRects()[0];"
      + " if (rect && !/\\s/.test(ch)) { const t = Math.round(rect.top);"
      + " if (top !== null && t > top + 2) { out.push({line, prev, next: ch}); line = ''; } top = t; }"
      + " line += ch; prev = ch; } } out.push({line, prev: '', next: ''}); }";
  private static final String LINE_BREAKS = "(() => { " + WALK + " return out.map(o => o.line).join('\\n'); })()";
  private static final String MID_WORD = "(() => { " + WALK
      + " return JSON.stringify(out.filter(o => o.next !== '' && !/[\\s\\/._,-]/.test(o.prev)).map(o => o.line + '|' + o.next)); })()";

  private static Inventory inventory() {
    ProcessRef node = new ProcessRef("ip-10-42-3-17.eu-west-1.compute.internal", 10624,
        "/root/.pyenv/versions/3.11.7/bin/python3.11", List.of("/root/.pyenv/versions/3.11.7/bin/python3", "agent.py"),
        false, "/tmp/cards-ghost/agent.py", "", ProcessOrigin.NODE);
    InventoryAgent ghost = new InventoryAgent("4fd3ce83a4980e56", Classification.GHOST, Risk.CRITICAL, "agent.py",
        Optional.empty(), Optional.of(node), List.of(), List.of("openai"), List.of(),
        List.of(new Connection("openai", "api.openai.com", "127.0.0.1", 4443, Attributed.Method.HTTP_HOST, "host", 8,
            SCAN.plusSeconds(1), SCAN.plusSeconds(8))),
        List.of(), List.of(new Evidence("host", "ip-10-42-3-17.eu-west-1.compute.internal: node process python3.11"
            + " /tmp/cards-ghost/agent.py → openai api.openai.com 127.0.0.1:4443 (http-host), 8 connections")),
        List.of("/tmp/cards-ghost/agent.py talks to openai but matches no code in the scanned repositories",
            "It runs on node ip-10-42-3-17.eu-west-1.compute.internal outside any pod",
            "Risk CRITICAL: AI traffic from code no scanned repository owns"),
        Optional.of(SCAN.plusSeconds(1)), Optional.of(SCAN.plusSeconds(8)), Change.NEW);
    InventoryAgent billing = new InventoryAgent("a284360afb004f05", Classification.UNKNOWN, Risk.MEDIUM, "billing-bot",
        Optional.empty(), Optional.empty(),
        List.of(new CodeRef("services/billing-bot/src/main/java/com/acme/billing/BillingAssistantConfiguration.java", 16,
            "tool")), List.of("azure-openai"), List.of(), List.of(), List.of(), List.of(),
        List.of("AI code in services/billing-bot that no runtime layer saw running"), Optional.empty(), Optional.empty(),
        Change.NEW);
    InventoryAgent webChat = new InventoryAgent("32269b04b43813ea", Classification.CONFIRMED, Risk.HIGH, "@acme/web-chat",
        Optional.of(new WorkloadRef("customer-support-production", "Deployment", "web-chat-frontend-gateway", "web")),
        Optional.of(new ProcessRef("ip-10-42-3-17.eu-west-1.compute.internal", 77, "/usr/local/bin/node",
            List.of("node", "/app/server.js"), false, "/app/server.js", "", ProcessOrigin.CONTAINER)),
        List.of(new CodeRef("services/web-chat/src/app/api/chat/route.ts", 7, "tool")), List.of("anthropic"), List.of(),
        List.of(), List.of(), List.of(), List.of("Running, and matches this code"), Optional.empty(), Optional.empty(),
        Change.NEW);
    return new Inventory(new ScanReport.Tool("wraith", "0.1.0", "0.4.0", 1), SCAN, List.of(),
        List.of(ghost, billing, webChat), List.of(), List.of(LayerStatus.ran("host", List.of())));
  }
}

package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Inventory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** report.html as text: what it says, that it escapes everything, fetches nothing and is deterministic. */
class HtmlReporterTest {
  private static final String HTML = html(SampleInventory.inventory());

  @Test
  void hostileStringsAreEscapedAndOnlyTheReportsOwnScriptExists() {
    assertThat(HTML).doesNotContain("<script>window." + SampleInventory.PWNED)
        .doesNotContain("<img src=x")
        .contains("--note=&lt;/script&gt;&lt;script&gt;window." + SampleInventory.PWNED + "=1&lt;/script&gt;")
        .contains("&lt;img src=x onerror=&quot;window." + SampleInventory.PWNED + "=2&quot;&gt;");
    assertThat(count(HTML, "<script")).isEqualTo(1);
    assertThat(count(HTML, "</script>")).isEqualTo(1);
    assertThat(tags(HTML)).noneMatch(t -> t.matches("(?s).*\\son[a-z]+\\s*=.*"));
  }

  @Test
  void escapeCoversMarkupQuotesAndControlCharacters() {
    assertThat(HtmlWriter.escape("<a href='x' title=\"y\">&</a>"))
        .isEqualTo("&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;");
    assertThat(HtmlWriter.escape("a\u0000b\u001bc\u0085d\tz\n")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\tz\n");
    assertThat(HtmlWriter.escape("lone \uD800 surrogate, pair \uD83D\uDC7B")).isEqualTo("lone \uFFFD surrogate, pair \uD83D\uDC7B");
  }

  @Test
  void selfContainedWithAPolicyThatPinsTheInlineStyleAndScript() throws Exception {
    assertThat(tags(HTML)).isNotEmpty()
        .noneMatch(t -> t.matches("(?is)<(link|iframe|object|embed|img|base|frame|audio|video|source)\\b.*"))
        .noneMatch(t -> t.matches("(?s).*\\s(src|srcset|action|formaction|background|poster)\\s*=.*"));
    assertThat(between(HTML, "<style>", "</style>")).doesNotContain("url(").doesNotContain("@import");
    for (String href : attributes(HTML, "href")) assertThat(href).startsWith("#");
    String style = between(HTML, "<style>", "</style>");
    String script = between(HTML, "<script>", "</script>");
    String csp = attributes(HTML, "content").stream().filter(c -> c.startsWith("default-src")).findFirst().orElseThrow();
    assertThat(csp).contains("default-src 'none'").contains("style-src '" + sha256(style) + "'")
        .contains("script-src '" + sha256(script) + "'").doesNotContain("unsafe-inline");
  }

  @Test
  void summaryChartAndScanMetadata() {
    assertThat(HTML).contains("<h1>AI agent inventory</h1>").contains("1 ghost</strong> among 8 agents · 2 MCP servers")
        .contains("Scanned 2026-11-27 18:00:00 UTC · code: examples/acme-support")
        .contains("<div class=\"n\">3</div><div class=\"label\">UNKNOWN</div>")
        .contains("<svg class=\"chart\"").contains("GHOST, critical risk: 1").contains("CONFIRMED, high risk: 1")
        .contains("<dt>Catalogue</dt><dd>0.2.0 (schema 1)</dd>")
        .contains("By risk: 1 critical, 1 high, 3 medium, 3 low.");
  }

  @Test
  void ghostCardSaysWhereWhatSinceWhoAndReach() {
    String card = between(HTML, "<article class=\"ghost-card\"", "</article>");
    assertThat(card).contains("Deployment payments/payments-api, container api, node node-c")
        .contains("openai — api.openai.com:443 (162.159.140.245) · 3960 connections")
        .contains("about every 4 minutes")
        .contains("first seen 2026-11-16 18:00:00 UTC (11 days before this scan started)")
        .contains("<dt>Who started it</dt><dd>exec&#39;d into the running container by alice@acme.example"
            + " (kubectl exec in the Kubernetes audit log)<ul><li>kubectl exec by alice@acme.example")
        .contains("reads Secrets in namespace payments (stripe-keys, db-credentials)")
        .contains("<code>/tmp/sync.py</code>")
        .contains("audit: kubectl exec by alice@acme.example");
    assertThat(count(HTML, "<article class=\"ghost-card\"")).isEqualTo(1);
    assertThat(card).contains("attributed by dns-answer (strong evidence, host layer)")
        .contains("<dt>How sure</dt><dd>confirmed: named by strong evidence").doesNotContain("suspected");
  }

  @Test
  void aSuspectedGhostCardSaysSoAndWhy() {
    Inventory base = SampleInventory.inventory();
    var g = base.ghosts().get(0);
    var c = g.connections().get(0);
    var weak = new dev.wraith.model.InventoryAgent.Connection(c.provider(), c.host(), c.ip(), c.port(),
        dev.wraith.model.Attributed.Method.PUBLISHED_RANGE, c.layer(), c.count(), c.firstSeen(), c.lastSeen());
    var suspected = new dev.wraith.model.InventoryAgent(g.id(), g.classification(), dev.wraith.model.Risk.HIGH, g.name(),
        g.workload(), g.process(), g.code(), g.providers(), g.capabilities(), List.of(weak), g.reach(), g.evidence(),
        g.reasons(), g.firstSeen(), g.lastSeen(), g.change());
    String card = between(html(new Inventory(base.tool(), base.scanTime(), base.roots(), List.of(suspected), List.of(),
        base.layers())), "<article class=\"ghost-card\"", "</article>");
    assertThat(card).contains("<span class=\"badge risk-high\">high</span> <span class=\"badge warn\">suspected</span>")
        .contains("attributed by published-range (weak evidence, host layer)")
        .contains("<dt>How sure</dt><dd>suspected: only address evidence names its AI traffic");
  }

  @Test
  void agentTableHasOneRowPerAgentMostAlarmingFirst() {
    // long paths carry <wbr> break points after '/', '.' and '_'; the text is the same without them
    String body = between(HTML, "<table id=\"agents\"", "</table>").replace("<wbr>", "");
    assertThat(between(HTML, "<table id=\"agents\"", "</table>"))
        .contains("services/<wbr>triage-agent/<wbr>triage/<wbr>agent.<wbr>py:12 (sdk-client)")
        .doesNotContain("payments/<wbr>payments-api").as("short tokens stay whole");
    List<String> classes = attributes(between(body, "<tbody>", "</tbody>"), "data-class");
    assertThat(classes).hasSize(8).first().isEqualTo("GHOST");
    assertThat(classes).containsSubsequence("GHOST", "ZOMBIE", "SHADOW_AI", "UNKNOWN", "CONFIRMED");
    assertThat(body).contains("services/search-indexer/main.go:14")
        .contains("<dt>Code</dt><dd><ul><li>services/triage-agent/triage/agent.py:12 (sdk-client)</li>")
        .contains("<dt>Can reach</dt><dd><ul><li>reads Secrets in namespace ai</li></ul></dd>");
    assertThat(between(HTML, "<section id=\"agents-section\">", "</section>")).contains("<output id=\"agent-count\"")
        .contains("8 of 8 agents</output>");
  }

  @Test
  void mcpServersAndLayers() {
    String mcp = between(HTML, "<table id=\"mcp-table\"", "</table>").replace("<wbr>", "");
    assertThat(mcp).contains("<strong>github</strong>").contains(">verified<").contains(">not verified<")
        .contains("<span class=\"badge bad\">prompt-injection</span>").contains("http://127.0.0.1:8808/mcp");
    assertThat(mcp.indexOf("<strong>db-helper</strong>")).as("riskiest first").isLessThan(mcp.indexOf("<strong>github</strong>"));
    String layers = between(HTML, "<table id=\"layer-table\"", "</table>");
    assertThat(layers).contains("data-layer=\"tetragon\" data-state=\"skipped\"")
        .contains("no --tetragon-export or --tetragon-address given")
        .contains("data-state=\"partial\"").contains("node-d: /proc not readable (not root)");
  }

  @Test
  void emptyInventoryStillReads() {
    String empty = html(SampleInventory.empty());
    assertThat(empty).contains("0 ghosts").contains("No ghosts").contains("No agents were found.")
        .contains("No MCP servers were found.").contains("no PATH given");
  }

  @Test
  void matchesTheGoldenFile() throws java.io.IOException {
    dev.wraith.Golden.assertMatches(GoldenReportTest.GOLDEN.resolve("inventory.report.html"), HTML);
  }

  @Test
  void sameInventorySameBytes() {
    assertThat(html(SampleInventory.inventory())).isEqualTo(HTML);
    assertThat(new HtmlReporter(dev.wraith.redact.Redactor.bundled()).format()).isEqualTo("report.html");
  }

  private static String html(Inventory inventory) {
    return new String(SampleInventory.render(new HtmlReporter(dev.wraith.redact.Redactor.bundled()), inventory, Optional.empty()), StandardCharsets.UTF_8);
  }

  /** Every real tag of the page (escaped text cannot hold '<'); the bodies of the style and script are left out. */
  private static List<String> tags(String html) {
    String markup = html.replaceAll("(?s)<style>.*?</style>", "<style></style>")
        .replaceAll("(?s)<script>.*?</script>", "<script></script>");
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<[a-zA-Z/!][^<>]*>").matcher(markup);
    while (m.find()) out.add(m.group());
    return out;
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
    return n;
  }

  private static String between(String s, String start, String end) {
    int a = s.indexOf(start);
    assertThat(a).as("%s in the page", start).isNotNegative();
    int b = s.indexOf(end, a + start.length());
    assertThat(b).as("%s after %s", end, start).isNotNegative();
    return s.substring(a + start.length(), b);
  }

  private static List<String> attributes(String html, String name) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(html);
    while (m.find()) out.add(m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&"));
    return out;
  }

  private static String sha256(String text) throws Exception {
    return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}

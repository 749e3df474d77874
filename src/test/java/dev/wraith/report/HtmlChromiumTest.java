package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * report.html in a real browser (Debian's headless chromium over the DevTools protocol): it loads without console
 * errors or CSP violations, the hostile strings stay inert, typing in the filter and choosing a class change the row
 * count, the column headers sort, and full-page screenshots (light and dark) are written to
 * target/html-report/ as test output. Skipped, with the reason, only when no chromium binary exists; CI
 * installs one (.ci/run).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HtmlChromiumTest {
  static final Path OUT = Path.of("target", "html-report");
  private static HtmlBrowser browser;

  @BeforeAll
  static void openReport() throws Exception {
    Optional<Path> chromium = HtmlBrowser.binary();
    Assumptions.assumeTrue(chromium.isPresent(),
        "no chromium binary on PATH (apt-get install chromium, or set WRAITH_CHROMIUM); .ci/run installs it");
    Files.createDirectories(OUT);
    Path page = OUT.resolve("report.html");
    Files.write(page, SampleInventory.render(new HtmlReporter(dev.wraith.redact.Redactor.bundled()), SampleInventory.inventory(), Optional.empty()));
    browser = new HtmlBrowser(chromium.get(), OUT.resolve("profile"));
    browser.open(page.toAbsolutePath().toUri());
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) browser.close();
  }

  @Test
  @Order(1)
  void loadsEveryAgentAndTheHostileStringsStayText() throws Exception {
    assertThat(browser.eval("document.title").asText()).startsWith("AI agent inventory");
    assertThat(visibleRows()).isEqualTo(8);
    assertThat(browser.eval("typeof window." + SampleInventory.PWNED).asText()).isEqualTo("undefined");
    assertThat(browser.eval("document.querySelectorAll('script').length").asInt()).isEqualTo(1);
    assertThat(browser.eval("document.querySelectorAll('img').length").asInt()).isZero();
    assertThat(browser.eval("document.querySelector('.argv').textContent").asText()).contains(SampleInventory.HOSTILE_ARG);
    assertThat(browser.eval("document.querySelectorAll('svg.chart rect.seg[data-class]').length").asInt())
        .as("one segment per non-empty (class, risk) pair").isEqualTo(7);
  }

  @Test
  @Order(2)
  void typingInTheFilterChangesTheRowCount() throws Exception {
    browser.eval("document.getElementById('agent-filter').focus()");
    browser.type("payments");
    assertThat(visibleRows()).isEqualTo(1);
    assertThat(browser.eval("document.querySelector('#agents tbody tr:not([hidden])').dataset.class").asText())
        .isEqualTo("GHOST");
    assertThat(browser.eval("document.getElementById('agent-count').textContent").asText()).isEqualTo("1 of 8 agents");

    browser.eval("(() => { const f = document.getElementById('agent-filter'); f.select(); })()");
    browser.type("openai");
    assertThat(visibleRows()).as("agents using openai, azure-openai included").isEqualTo(6);

    browser.eval("(() => { const f = document.getElementById('agent-filter'); f.value = '';"
        + " f.dispatchEvent(new Event('input')); const c = document.getElementById('class-filter');"
        + " c.value = 'UNKNOWN'; c.dispatchEvent(new Event('change')); })()");
    assertThat(visibleRows()).isEqualTo(3);
    browser.eval("(() => { const c = document.getElementById('class-filter'); c.value = '';"
        + " c.dispatchEvent(new Event('change')); })()");
    assertThat(visibleRows()).isEqualTo(8);
  }

  @Test
  @Order(3)
  void headersSortTheTable() throws Exception {
    clickHeader(2);
    assertThat(firstAgentName()).isEqualTo("billing-bot");
    assertThat(browser.eval("document.querySelectorAll('#agents th')[2].getAttribute('aria-sort')").asText())
        .isEqualTo("ascending");
    clickHeader(2);
    assertThat(firstAgentName()).isEqualTo("web-chat");
    clickHeader(5);
    assertThat(lastAgentName()).as("most calls last, ascending").isEqualTo("triage-agent");
    clickHeader(1);
    clickHeader(1);
    assertThat(firstAgentName()).as("highest risk first, descending").isEqualTo("sync.py");
  }

  @Test
  @Order(4)
  void screenshotsInLightAndDark() throws Exception {
    browser.open(OUT.resolve("report.html").toAbsolutePath().toUri());
    assertThat(visibleRows()).as("a fresh page, no filter").isEqualTo(8);
    byte[] light = browser.screenshot();
    Files.write(OUT.resolve("report.png"), light);
    browser.emulateDarkMode(true);
    assertThat(browser.eval("getComputedStyle(document.body).backgroundColor").asText()).isEqualTo("rgb(17, 20, 24)");
    byte[] dark = browser.screenshot();
    Files.write(OUT.resolve("report-dark.png"), dark);
    browser.emulateDarkMode(false);
    for (byte[] png : new byte[][] {light, dark}) {
      assertThat(png).hasSizeGreaterThan(20_000);
      assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }
  }

  @Test
  @Order(5)
  void noConsoleErrorsAndTheErrorCollectorWorks() throws Exception {
    assertThat(browser.errors).as("console errors, exceptions, CSP violations").isEmpty();
    browser.eval("console.error('probe from the test')");
    browser.eval("new Promise(r => setTimeout(r, 200))");
    assertThat(browser.errors).singleElement().asString().contains("probe from the test");
  }

  private static int visibleRows() throws Exception {
    return browser.eval("document.querySelectorAll('#agents tbody tr:not([hidden])').length").asInt();
  }

  private static void clickHeader(int column) throws Exception {
    browser.eval("document.querySelectorAll('#agents th')[" + column + "].querySelector('button').click()");
  }

  private static String firstAgentName() throws Exception {
    return browser.eval("document.querySelector('#agents tbody tr strong').textContent").asText();
  }

  private static String lastAgentName() throws Exception {
    return browser.eval("[...document.querySelectorAll('#agents tbody tr strong')].pop().textContent").asText();
  }
}

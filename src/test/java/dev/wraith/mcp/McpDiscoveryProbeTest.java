package dev.wraith.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.McpFinding;
import dev.wraith.model.McpProbe;
import dev.wraith.model.McpScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project config pointing at our test server: probed through discovery, and a changed tool reported as a rug pull. */
class McpDiscoveryProbeTest {
  @TempDir Path project;

  private McpScan scanWith(String variant, ToolHistory history, Instant now) throws Exception {
    Files.writeString(project.resolve(".mcp.json"), """
        {"mcpServers": {
          "calc": {"command": "%s", "args": ["%s"], "env": {"WRAITH_TEST_VARIANT": "%s", "API_TOKEN": "PLANTED-do-not-print"}},
          "calc-again": {"command": "%s", "args": ["%s"], "env": {"WRAITH_TEST_VARIANT": "%s", "API_TOKEN": "PLANTED-do-not-print"}}
        }}""".formatted(McpProbeTest.PYTHON, McpProbeTest.SCRIPT, variant, McpProbeTest.PYTHON, McpProbeTest.SCRIPT, variant));
    SdkProber prober = new SdkProber(Duration.ofSeconds(15), new ToolInspector(dev.wraith.catalogue.CatalogueLoader.bundled().mcpProbe()), System.getenv(), "test", dev.wraith.redact.Redactor.bundled());
    return new McpDiscovery(CatalogueLoader.bundled(), ConfigFiles.local())
        .scan(null, List.of(project), Optional.of(new McpDiscovery.Probing(prober, history, now)));
  }

  @Test
  void changedToolDescriptionIsReportedAgainstTheHistory() throws Exception {
    ToolHistory history = new InMemoryToolHistory();
    Instant first = Instant.parse("2026-03-01T10:00:00Z");
    McpScan before = scanWith("1", history, first);
    assertThat(before.findings()).extracting(f -> f.probe().status()).containsOnly(McpProbe.Status.OK);
    assertThat(before.findings()).allMatch(f -> f.probe().changes().isEmpty());
    assertThat(before.findings().get(0).server().envNames()).containsExactly("API_TOKEN", "WRAITH_TEST_VARIANT");

    McpScan after = scanWith("2", history, first.plusSeconds(3600));
    McpFinding calc = after.findings().stream().filter(f -> f.server().name().equals("calc")).findFirst().orElseThrow();
    assertThat(calc.probe().changes()).containsExactly("tool add changed since 2026-03-01T10:00:00Z");
    assertThat(calc.probe().tools().get(0).warnings()).contains("hidden-instruction: read-secrets", "hidden-instruction: exfiltrate");
    assertThat(after.toString()).doesNotContain("PLANTED");
  }

  @Test
  void relativeScriptsRunFromTheConfigsCwdOrItsRoot() throws Exception {
    Files.createDirectories(project.resolve("tools"));
    Files.copy(Path.of(McpProbeTest.SCRIPT), project.resolve("tools/server.py"));
    Files.writeString(project.resolve(".mcp.json"), """
        {"mcpServers": {
          "by-cwd": {"command": "%1$s", "args": ["server.py"], "cwd": "tools"},
          "by-root": {"command": "%1$s", "args": ["tools/server.py"]}
        }}""".formatted(McpProbeTest.PYTHON));
    SdkProber prober = new SdkProber(Duration.ofSeconds(15), new ToolInspector(dev.wraith.catalogue.CatalogueLoader.bundled().mcpProbe()), System.getenv(), "test", dev.wraith.redact.Redactor.bundled());
    McpScan scan = new McpDiscovery(CatalogueLoader.bundled(), ConfigFiles.local())
        .scan(null, List.of(project), Optional.of(new McpDiscovery.Probing(prober, new InMemoryToolHistory(), Instant.EPOCH)));
    assertThat(scan.findings()).extracting(f -> f.server().name() + " " + f.probe().status().id() + " " + f.probe().tools().size())
        .containsExactly("by-cwd ok 3", "by-root ok 3");
  }
}

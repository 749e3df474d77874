package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.Golden;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** report.md of the sample inventory and of an empty one, byte for byte ({@link Golden}). */
class MarkdownReporterTest {
  @Test
  void matchesTheGoldenFiles() throws Exception {
    byte[] full = SampleInventory.render(new MarkdownReporter(dev.wraith.redact.Redactor.bundled()), SampleInventory.inventory(), Optional.of(SampleInventory.codeScan()));
    byte[] empty = SampleInventory.render(new MarkdownReporter(dev.wraith.redact.Redactor.bundled()), SampleInventory.empty(), Optional.empty());
    Golden.assertMatches(GoldenReportTest.GOLDEN.resolve("inventory.report.md"), full);
    Golden.assertMatches(GoldenReportTest.GOLDEN.resolve("empty.report.md"), empty);
    assertThat(new String(empty, StandardCharsets.UTF_8)).contains("## Ghosts\n\nNo ghosts").contains("## Agents\n\nNo agents found.")
        .contains("## MCP servers\n\nNo MCP server configurations found.");
  }
}

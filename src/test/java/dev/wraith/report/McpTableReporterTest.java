package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.McpFinding;
import dev.wraith.model.McpPackage;
import dev.wraith.model.McpProbe;
import dev.wraith.model.McpScan;
import dev.wraith.model.McpServer;
import dev.wraith.model.McpTool;
import dev.wraith.model.McpTransport;
import dev.wraith.model.McpVerdict;
import dev.wraith.model.ScanReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names a server chose are printed with its invisible characters made visible, so they cannot reorder the table. */
class McpTableReporterTest {
  @Test
  void invisibleCharactersInToolNamesAreShownEscaped() throws Exception {
    McpServer s = new McpServer("srv", "Cursor", "~/.cursor/mcp.json", McpTransport.STDIO, "npx", List.of(), "", "", List.of(),
        new McpPackage(McpPackage.Ecosystem.NPM, "x-mcp", "1.0.0"));
    McpTool t = new McpTool("read\u202Eelif", "", List.of("filesystem"), List.of("invisible-unicode: bidi-control (1)"), "sha256:0");
    McpProbe p = new McpProbe(McpProbe.Status.OK, "", "srv\u200B", "1", List.of(t), List.of(), List.of(), List.of(), List.of(), List.of());
    McpScan scan = new McpScan(List.of(new McpFinding(s, new McpVerdict(false, "", List.of(dev.wraith.model.McpReason.of(dev.wraith.model.McpReason.Kind.UNKNOWN_PACKAGE))), p)), List.of(), 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new McpTableReporter(dev.wraith.redact.Redactor.bundled(), dev.wraith.correlate.McpServers::server).write(new ToolScan<>(new ScanReport.Tool("wraith", "0", "0", 1), scan), out);
    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(table).contains("read\\u{202E}elif", "probe ok: srv\\u{200B} 1, 1 tool,").doesNotContain("\u202E", "\u200B");
  }
}

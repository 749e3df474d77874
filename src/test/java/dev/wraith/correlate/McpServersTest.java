package dev.wraith.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Inventory;
import dev.wraith.model.McpFinding;
import dev.wraith.model.McpPackage;
import dev.wraith.model.McpProbe;
import dev.wraith.model.McpReason;
import dev.wraith.model.McpReason.Kind;
import dev.wraith.model.McpServer;
import dev.wraith.model.McpTool;
import dev.wraith.model.McpTransport;
import dev.wraith.model.McpVerdict;
import dev.wraith.model.Risk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One risk level per situation, and the inventory entry carrying the probe's findings as reasons. */
class McpServersTest {
  static final McpServer FS = new McpServer("fs", "Cursor", "~/.cursor/mcp.json", McpTransport.STDIO, "npx",
      List.of("-y", "@modelcontextprotocol/server-filesystem@2026.8.31", "/srv"), "", "", List.of(),
      new McpPackage(McpPackage.Ecosystem.NPM, "@modelcontextprotocol/server-filesystem", "2026.8.31"));
  static final McpServer REMOTE = new McpServer("docs", "Cursor", "~/.cursor/mcp.json", McpTransport.HTTP, "", List.of(),
      "https://mcp.example.com/mcp", "mcp.example.com", List.of(), McpPackage.NONE);

  static McpFinding finding(McpServer s, boolean verified, List<McpReason> reasons, McpTool... tools) {
    McpProbe p = tools.length == 0 ? McpProbe.NOT_PROBED
        : new McpProbe(McpProbe.Status.OK, "", "s", "1", List.of(tools), List.of(), List.of(), List.of(), List.of(), List.of());
    return new McpFinding(s, new McpVerdict(verified, verified ? "Model Context Protocol" : "", reasons), p);
  }

  static McpTool tool(String name, List<String> caps, List<String> warnings) {
    return new McpTool(name, "", caps, warnings, "sha256:0");
  }

  static Risk risk(McpFinding f) {
    return McpServers.risk(f, new ArrayList<>());
  }

  @Test
  void riskLevels() {
    assertThat(risk(finding(FS, true, List.of()))).isEqualTo(Risk.LOW);
    assertThat(risk(finding(FS, true, List.of(McpReason.of(Kind.UNPINNED))))).isEqualTo(Risk.MEDIUM);
    assertThat(risk(finding(FS, true, List.of(), tool("write_file", List.of("filesystem", "write"), List.of())))).isEqualTo(Risk.LOW);
    assertThat(risk(finding(FS, true, List.of(), tool("run", List.of("shell"), List.of())))).isEqualTo(Risk.MEDIUM);
    assertThat(risk(finding(FS, false, List.of(McpReason.of(Kind.UNKNOWN_PACKAGE))))).isEqualTo(Risk.HIGH);
    assertThat(risk(finding(REMOTE, false, List.of(McpReason.of(Kind.UNKNOWN_HOST))))).isEqualTo(Risk.MEDIUM);
    assertThat(risk(finding(REMOTE, false, List.of(McpReason.of(Kind.UNKNOWN_HOST)), tool("exec", List.of("shell"), List.of())))).isEqualTo(Risk.HIGH);
    assertThat(risk(finding(REMOTE, false, List.of(McpReason.of(Kind.PLAIN_HTTP))))).isEqualTo(Risk.HIGH);
    assertThat(risk(finding(FS, false, List.of(McpReason.of(Kind.UNKNOWN_PACKAGE), McpReason.typosquat("@modelcontextprotocol/server-filesystem")))))
        .isEqualTo(Risk.CRITICAL);
    assertThat(risk(finding(FS, true, List.of(), tool("add", List.of(), List.of("hidden-instruction: important-tag")))))
        .isEqualTo(Risk.CRITICAL);
    McpFinding changed = new McpFinding(FS, new McpVerdict(true, "Model Context Protocol", List.of()),
        finding(FS, true, List.of(), tool("add", List.of(), List.of())).probe().withChanges(List.of("tool add changed since 2026-11-01T00:00:00Z")));
    assertThat(risk(changed)).isEqualTo(Risk.CRITICAL);
  }

  @Test
  void inventoryEntryCarriesPackageCommandToolsAndProbeReasons() {
    Inventory.InventoryMcpServer e = McpServers.server(finding(FS, false, List.of(McpReason.of(Kind.UNKNOWN_PACKAGE)),
        tool("add", List.of(), List.of("invisible-unicode: zero-width (1)"))));
    assertThat(e.pkg()).isEqualTo("npm:@modelcontextprotocol/server-filesystem@2026.8.31");
    assertThat(e.command()).isEqualTo("npx -y @modelcontextprotocol/server-filesystem@2026.8.31 /srv");
    assertThat(e.reasons()).contains("Publisher check: unknown-package", "Tool add: invisible-unicode: zero-width (1)");
    assertThat(e.risk()).isEqualTo(Risk.CRITICAL);
    assertThat(e.tools()).extracting(McpTool::name).containsExactly("add");
  }
}

package dev.wraith.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Inventory;
import dev.wraith.model.McpFinding;
import dev.wraith.model.McpPackage;
import dev.wraith.model.McpProbe;
import dev.wraith.model.McpServer;
import dev.wraith.model.McpTool;
import dev.wraith.model.McpTransport;
import dev.wraith.model.McpVerdict;
import dev.wraith.model.Risk;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One risk level per situation, and the inventory entry carrying the probe's findings as reasons. */
class McpRiskTest {
  static final McpServer FS = new McpServer("fs", "Cursor", "~/.cursor/mcp.json", McpTransport.STDIO, "npx",
      List.of("-y", "@modelcontextprotocol/server-filesystem@2026.8.31", "/srv"), "", "", List.of(),
      new McpPackage(McpPackage.Ecosystem.NPM, "@modelcontextprotocol/server-filesystem", "2026.8.31"));

  static McpFinding finding(boolean verified, List<String> reasons, McpTool... tools) {
    McpProbe p = tools.length == 0 ? McpProbe.NOT_PROBED
        : new McpProbe(McpProbe.Status.OK, "", "s", "1", List.of(tools), List.of(), List.of(), List.of(), List.of(), List.of());
    return new McpFinding(FS, new McpVerdict(verified, verified ? "mcp-reference-servers-npm" : "", reasons), p);
  }

  static McpTool tool(String name, List<String> caps, List<String> warnings) {
    return new McpTool(name, "", caps, warnings, "sha256:0");
  }

  @Test
  void riskLevels() {
    assertThat(McpRisk.of(finding(true, List.of()))).isEqualTo(Risk.LOW);
    assertThat(McpRisk.of(finding(true, List.of("unpinned")))).isEqualTo(Risk.MEDIUM);
    assertThat(McpRisk.of(finding(true, List.of(), tool("write_file", List.of("filesystem", "write"), List.of())))).isEqualTo(Risk.LOW);
    assertThat(McpRisk.of(finding(false, List.of("unknown-package")))).isEqualTo(Risk.MEDIUM);
    assertThat(McpRisk.of(finding(false, List.of("local-script"), tool("run", List.of("shell"), List.of())))).isEqualTo(Risk.HIGH);
    assertThat(McpRisk.of(finding(false, List.of("unknown-package", "typosquat: @modelcontextprotocol/server-filesystem"))))
        .isEqualTo(Risk.CRITICAL);
    assertThat(McpRisk.of(finding(true, List.of(), tool("add", List.of(), List.of("hidden-instruction: important-tag")))))
        .isEqualTo(Risk.CRITICAL);
  }

  @Test
  void inventoryEntryCarriesPackageCommandAndProbeReasons() {
    Inventory.InventoryMcpServer e = McpRisk.inventory(finding(false, List.of("unknown-package"),
        tool("add", List.of(), List.of("invisible-unicode: zero-width (1)"))));
    assertThat(e.pkg()).isEqualTo("npm:@modelcontextprotocol/server-filesystem@2026.8.31");
    assertThat(e.command()).isEqualTo("npx -y @modelcontextprotocol/server-filesystem@2026.8.31 /srv");
    assertThat(e.reasons()).containsExactly("unknown-package", "tool add: invisible-unicode: zero-width (1)");
    assertThat(e.risk()).isEqualTo(Risk.CRITICAL);
    assertThat(e.tools()).hasSize(1);
  }
}

package dev.wraith.report;

import dev.wraith.model.Inventory;
import dev.wraith.model.Inventory.InventoryMcpServer;
import dev.wraith.model.McpTool;

/**
 * The MCP servers of report.html: where each is configured, what it runs, whether its publisher is verified, its
 * risk and its tools. Tool descriptions are attacker-controlled (hidden instructions are the point of tool
 * poisoning), so they are shown folded, as escaped text, next to any warning the probe raised.
 */
final class HtmlMcp {
  private static final java.util.Comparator<InventoryMcpServer> RISKIEST_FIRST =
      java.util.Comparator.comparing(InventoryMcpServer::risk, java.util.Comparator.reverseOrder()).thenComparing(InventoryMcpServer::name)
          .thenComparing(InventoryMcpServer::source).thenComparing(InventoryMcpServer::command);
  private HtmlMcp() {}

  static void servers(Inventory inventory, HtmlWriter w) {
    w.open("section", "id", "mcp").element("h2", "MCP servers (" + inventory.mcpServers().size() + ")");
    if (inventory.mcpServers().isEmpty()) {
      w.element("p", "No MCP servers were found.", "class", "empty").close("section").newline();
      return;
    }
    w.open("div", "class", "panel").open("table", "id", "mcp-table");
    w.open("thead").open("tr");
    for (String h : new String[] {"Server", "Publisher", "Risk", "Configured in", "Runs", "Tools", "Why"}) {
      w.element("th", h, "scope", "col");
    }
    w.close("tr").close("thead").open("tbody").newline();
    for (InventoryMcpServer m : inventory.mcpServers().stream().sorted(RISKIEST_FIRST).toList()) {
      w.open("tr", "data-verified", String.valueOf(m.verified()));
      w.open("td").element("strong", m.name());
      if (!m.pkg().isEmpty()) w.open("br").open("code").breakable(m.pkg()).close("code");
      w.close("td");
      w.open("td").element("span", m.verified() ? "verified" : "not verified", "class", "badge " + (m.verified() ? "ok" : "bad"))
          .close("td");
      w.open("td").element("span", m.risk().id(), "class", "badge risk-" + m.risk().id()).close("td");
      w.open("td").open("code").breakable(m.source()).close("code").close("td");
      w.open("td");
      if (!m.command().isEmpty()) w.open("code").breakable(m.command()).close("code");
      if (!m.command().isEmpty() && !m.url().isEmpty()) w.open("br");
      if (!m.url().isEmpty()) w.open("code").breakable(m.url()).close("code");
      w.close("td");
      w.open("td");
      tools(m, w);
      w.close("td");
      w.open("td");
      HtmlAgents.list(m.reasons(), w);
      w.close("td").close("tr").newline();
    }
    w.close("tbody").close("table").close("div").close("section").newline();
  }

  private static void tools(InventoryMcpServer m, HtmlWriter w) {
    if (m.tools().isEmpty()) {
      w.element("span", "not enumerated", "class", "muted");
      return;
    }
    w.open("ul", "class", "tools");
    for (McpTool t : m.tools()) {
      w.open("li").element("code", t.name());
      if (!t.capabilities().isEmpty()) w.text(" — " + String.join(", ", t.capabilities()));
      for (String warning : t.warnings()) w.text(" ").element("span", warning, "class", "badge bad");
      if (!t.description().isEmpty()) {
        w.open("details").element("summary", "description").element("span", t.description(), "class", "tool-description")
            .close("details");
      }
      w.close("li");
    }
    w.close("ul");
  }
}

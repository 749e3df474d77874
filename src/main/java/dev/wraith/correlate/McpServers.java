package dev.wraith.correlate;

import dev.wraith.model.Inventory.InventoryMcpServer;
import dev.wraith.model.McpFinding;
import dev.wraith.model.McpPackage;
import dev.wraith.model.McpServer;
import dev.wraith.model.McpTransport;
import dev.wraith.model.Risk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MCP servers as the inventory lists them, with a risk of their own (not counted with agents):
 * <ul>
 *   <li>CRITICAL: a package name one edit away from an official one (typosquat);</li>
 *   <li>HIGH: an unverified local (stdio) server, which runs with the user's file and shell access, or a server
 *       reached over plain http;</li>
 *   <li>MEDIUM: an unverified remote server;</li>
 *   <li>LOW: a verified publisher; raised to MEDIUM when it is unpinned or on a latest tag.</li>
 * </ul>
 */
final class McpServers {
  private McpServers() {}

  static List<InventoryMcpServer> of(List<McpFinding> findings) {
    return findings.stream().map(McpServers::server)
        .sorted(Comparator.comparing(InventoryMcpServer::source).thenComparing(InventoryMcpServer::name)).toList();
  }

  private static InventoryMcpServer server(McpFinding f) {
    McpServer s = f.server();
    List<String> reasons = new ArrayList<>();
    Risk risk = risk(f, reasons);
    List<String> argv = new ArrayList<>();
    if (!s.command().isEmpty()) argv.add(s.command());
    argv.addAll(s.args());
    return new InventoryMcpServer(s.name(), s.source(), String.join(" ", Masking.argv(argv)), s.url(), pkg(s.pkg()),
        f.verdict().verified(), risk, reasons, List.of());
  }

  private static Risk risk(McpFinding f, List<String> reasons) {
    List<String> codes = f.verdict().reasons();
    boolean local = f.server().transport() == McpTransport.STDIO;
    if (codes.stream().anyMatch(c -> c.startsWith("typosquat"))) {
      reasons.add("Its package name imitates an official one: " + String.join(", ",
          codes.stream().filter(c -> c.startsWith("typosquat")).toList()));
      return Risk.CRITICAL;
    }
    Risk risk;
    if (f.verdict().verified()) {
      reasons.add("Published by " + f.verdict().publisher() + ", a verified publisher");
      risk = Risk.LOW;
      if (codes.contains("unpinned") || codes.contains("latest-tag")) {
        reasons.add("Not pinned to a version: what runs can change without review");
        risk = Risk.MEDIUM;
      }
    } else if (codes.contains("plain-http")) {
      reasons.add("Reached over plain http: tool calls and results can be read or altered on the way");
      risk = Risk.HIGH;
    } else if (local) {
      reasons.add("Unverified local server: runs with your user's file and shell access");
      risk = Risk.HIGH;
    } else {
      reasons.add("Unverified remote server: it sees every tool call sent to it");
      risk = Risk.MEDIUM;
    }
    codes.stream().filter(c -> !c.startsWith("typosquat")).forEach(c -> reasons.add("Publisher check: " + c));
    return risk;
  }

  private static String pkg(McpPackage p) {
    if (p.ecosystem() == McpPackage.Ecosystem.NONE) return "";
    return p.ecosystem().id() + ":" + p.name() + (p.version().isEmpty() ? "" : "@" + p.version());
  }
}

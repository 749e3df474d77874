package dev.wraith.correlate;

import dev.wraith.model.Inventory.InventoryMcpServer;
import dev.wraith.model.McpFinding;
import dev.wraith.model.McpPackage;
import dev.wraith.model.McpProbe;
import dev.wraith.model.McpReason;
import dev.wraith.model.McpTool;
import dev.wraith.model.McpServer;
import dev.wraith.model.McpTransport;
import dev.wraith.model.Risk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MCP servers as the inventory lists them, with a risk of their own (not counted with agents):
 * <ul>
 *   <li>CRITICAL: a package name one edit away from an official one (typosquat), hidden instructions or invisible
 *       characters in what the server tells the agent, or a tool that changed since an earlier probe (rug pull);</li>
 *   <li>HIGH: unverified and local (stdio: it runs with the user's file and shell access), reached over plain http,
 *       or handing out shell or write tools;</li>
 *   <li>MEDIUM: an unverified remote server; a verified one that is unpinned, on a latest tag or hands out a shell;</li>
 *   <li>LOW: a verified, pinned publisher with nothing flagged.</li>
 * </ul>
 * A failed probe neither lowers nor raises the risk; it is one more reason. The one place MCP verdicts are worded:
 * scan-all's inventory and {@code wraith mcp} both show these sentences.
 */
public final class McpServers {
  private McpServers() {}

  static List<InventoryMcpServer> of(List<McpFinding> findings) {
    return findings.stream().map(McpServers::server)
        .sorted(Comparator.comparing(InventoryMcpServer::source).thenComparing(InventoryMcpServer::name)).toList();
  }

  /** One server as the inventory lists it: its risk and the reasons for it, in sentences. */
  public static InventoryMcpServer server(McpFinding f) {
    McpServer s = f.server();
    List<String> reasons = new ArrayList<>();
    Risk risk = risk(f, reasons);
    List<String> argv = new ArrayList<>();
    if (!s.command().isEmpty()) argv.add(s.command());
    argv.addAll(s.args());
    return new InventoryMcpServer(s.name(), s.source(), String.join(" ", argv), s.url(), pkg(s.pkg()),
        f.verdict().verified(), risk, reasons, f.probe().tools(), f.probe().changes());
  }

  static Risk risk(McpFinding f, List<String> reasons) {
    List<McpReason> flags = f.verdict().reasons();
    McpProbe p = f.probe();
    boolean local = f.server().transport() == McpTransport.STDIO;
    boolean shell = has(p, "shell");
    boolean write = has(p, "write");
    Risk risk;
    List<String> squats = flags.stream().filter(r -> weight(r) == Weight.IMITATES).map(McpReason::code).toList();
    boolean hidden = !p.warnings().isEmpty() || p.tools().stream().anyMatch(t -> !t.warnings().isEmpty());
    if (!squats.isEmpty()) {
      reasons.add("Its package name imitates an official one: " + String.join(", ", squats));
      risk = Risk.CRITICAL;
    } else if (hidden) {
      reasons.add("What it tells the agent carries hidden instructions or invisible characters");
      risk = Risk.CRITICAL;
    } else if (!p.changes().isEmpty()) {
      reasons.add("Its tools changed since an earlier probe (possible rug pull)");
      risk = Risk.CRITICAL;
    } else if (f.verdict().verified()) {
      reasons.add("Published by " + f.verdict().publisher() + ", a verified publisher");
      risk = Risk.LOW;
      if (flags.stream().anyMatch(r -> weight(r) == Weight.MAY_CHANGE)) {
        reasons.add("Not pinned to a version: what runs can change without review");
        risk = Risk.MEDIUM;
      }
      if (shell) {
        reasons.add("Hands out a shell tool");
        risk = Risk.MEDIUM;
      }
    } else if (flags.stream().anyMatch(r -> weight(r) == Weight.READABLE_ON_THE_WAY)) {
      reasons.add("Reached over plain http: tool calls and results can be read or altered on the way");
      risk = Risk.HIGH;
    } else if (local) {
      reasons.add("Unverified local server: runs with your user's file and shell access");
      risk = Risk.HIGH;
    } else if (shell || write) {
      reasons.add("Unverified remote server handing out " + (shell ? "shell" : "write") + " tools");
      risk = Risk.HIGH;
    } else {
      reasons.add("Unverified remote server: it sees every tool call sent to it");
      risk = Risk.MEDIUM;
    }
    flags.stream().filter(r -> weight(r) != Weight.IMITATES).forEach(r -> reasons.add("Publisher check: " + r.code()));
    switch (p.status()) {
      case FAILED, TIMEOUT -> reasons.add("Probe " + p.status().id() + ": " + p.detail());
      case OK, NOT_PROBED, SKIPPED -> { }
    }
    for (McpTool t : p.tools()) for (String w : t.warnings()) reasons.add("Tool " + t.name() + ": " + w);
    p.warnings().forEach(w -> reasons.add("Server instructions: " + w));
    reasons.addAll(p.changes());
    return risk;
  }

  /** What one publisher-check reason does to the risk. */
  private enum Weight {
    /** CRITICAL, named in a sentence of its own. */
    IMITATES,
    /** Raises a verified server to MEDIUM. */
    MAY_CHANGE,
    /** HIGH for an unverified server. */
    READABLE_ON_THE_WAY,
    /** Listed; the verdict's verified flag already weighs it. */
    LISTED
  }

  private static Weight weight(McpReason r) {
    return switch (r.kind()) {
      case TYPOSQUAT -> Weight.IMITATES;
      case UNPINNED, LATEST_TAG -> Weight.MAY_CHANGE;
      case PLAIN_HTTP -> Weight.READABLE_ON_THE_WAY;
      case LOCAL_SCRIPT, PROGRAM, UNKNOWN_PACKAGE, UNKNOWN_HOST -> Weight.LISTED;
    };
  }

  private static boolean has(McpProbe p, String capability) {
    return p.tools().stream().anyMatch(t -> t.capabilities().contains(capability));
  }

  private static String pkg(McpPackage p) {
    if (p.ecosystem() == McpPackage.Ecosystem.NONE) return "";
    return p.ecosystem().id() + ":" + p.name() + (p.version().isEmpty() ? "" : "@" + p.version());
  }
}

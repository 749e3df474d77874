package dev.wraith.report;

import dev.wraith.model.InventoryAgent;
import dev.wraith.model.InventoryAgent.Connection;
import dev.wraith.model.InventoryAgent.ProcessRef;
import dev.wraith.model.InventoryAgent.WorkloadRef;
import java.util.ArrayList;
import java.util.List;

/** The phrases the terminal and Markdown inventory reports share, so both say the same thing the same way. */
final class AgentText {
  private AgentText() {}

  /** "payments/Deployment/checkout-api (container app) on node-a", "node node-a", or "code only". */
  static String where(InventoryAgent a) {
    List<String> parts = new ArrayList<>();
    a.workload().ifPresent(w -> parts.add(workload(w)));
    a.process().filter(p -> !p.node().isEmpty()).ifPresent(p -> parts.add((a.workload().isEmpty() ? "node " : "on ") + p.node()));
    if (parts.isEmpty()) return a.code().isEmpty() ? "-" : "code only";
    return String.join(" ", parts);
  }

  static String workload(WorkloadRef w) {
    return w.namespace() + "/" + w.kind() + "/" + w.name() + (w.container().isEmpty() ? "" : " (container " + w.container() + ")")
        + (w.cluster().isEmpty() ? "" : " in cluster " + w.cluster());
  }

  /** "pid 5002 python3.12 /tmp/agent.py --loop, exec'd by alice@example.com". */
  static String process(ProcessRef p) {
    StringBuilder b = new StringBuilder("pid ").append(p.pid()).append(' ').append(String.join(" ", p.arguments().isEmpty()
        ? List.of(p.binary()) : p.arguments()));
    if (p.execed()) b.append(", exec'd into the container").append(p.execedBy().isEmpty() ? "" : " by " + p.execedBy());
    return b.toString();
  }

  /**
   * "openai api.openai.com (104.18.7.192:443), 2760 connections, 2026-02-20T09:00:00Z – 2026-03-02T09:56:00Z
   * (tetragon; evidence dns-answer, strong)".
   */
  static String calls(Connection c) {
    String dest = c.host().isEmpty() ? c.ip() + ":" + c.port() : c.host() + " (" + c.ip() + ":" + c.port() + ")";
    return c.provider() + " " + dest + ", " + c.count() + (c.count() == 1 ? " connection, " : " connections, ")
        + seconds(c.firstSeen()) + " – " + seconds(c.lastSeen()) + " (" + c.layer() + "; evidence " + c.evidence().id() + ", "
        + c.strength().id() + ")";
  }

  /**
   * "GHOST", "GHOST (suspected)", "GHOST (inactive)": how sure the classification is, and whether it still runs (a
   * ZOMBIE is inactive by definition and says nothing more).
   */
  static String label(InventoryAgent a) {
    List<String> notes = new java.util.ArrayList<>();
    if (a.suspected()) notes.add("suspected");
    if (a.inactive() && a.classification() != dev.wraith.model.Classification.ZOMBIE) notes.add("inactive");
    return a.classification().label() + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
  }

  static String since(InventoryAgent a) {
    return "first seen " + a.firstSeen().map(AgentText::seconds).orElse("-") + ", last seen "
        + a.lastSeen().map(AgentText::seconds).orElse("-")
        + (a.inactive() ? ", not running now" : "")
        + a.acknowledgement().map(k -> "; acknowledged " + seconds(k.at()) + ": " + k.note()).orElse("");
  }

  /** To the second: what a reader compares (inventory.json keeps the full precision). */
  private static String seconds(java.time.Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}

package dev.wraith.report;

import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.InventoryAgent.Connection;
import dev.wraith.model.InventoryAgent.Evidence;
import dev.wraith.model.InventoryAgent.ProcessRef;
import dev.wraith.model.InventoryAgent.WorkloadRef;
import dev.wraith.model.Risk;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The agent parts of report.html: a detail card per ghost and the sortable, filterable table of every agent. */
final class HtmlAgents {
  private HtmlAgents() {}

  /** Where it runs, what it calls, since when, who started it and what it can reach, for each ghost. */
  static void ghostCards(Inventory inventory, HtmlWriter w) {
    List<InventoryAgent> ghosts = inventory.ghosts();
    w.open("section", "id", "ghosts").element("h2", "Ghosts (" + ghosts.size() + ")");
    if (ghosts.isEmpty()) {
      w.element("p", "No ghosts: every agent seen at runtime has code, a manifest or a known app behind it.", "class", "empty");
    }
    for (InventoryAgent g : ghosts) {
      w.open("article", "class", "ghost-card", "id", "ghost-" + g.id(), "data-agent", g.id());
      w.open("h3").text(g.name() + " ").element("span", g.risk().id(), "class", "badge risk-" + g.risk().id());
      if (g.suspected()) w.text(" ").element("span", "suspected", "class", "badge warn");
      if (g.inactive()) w.text(" ").element("span", "inactive", "class", "badge warn");
      if (g.acknowledgement().isPresent()) w.text(" ").element("span", "acknowledged", "class", "badge");
      w.close("h3");
      if (!g.reasons().isEmpty()) w.element("p", g.reasons().get(0), "class", "lead");
      w.open("dl", "class", "facts");
      w.element("dt", "Where it runs").open("dd").breakable(where(g)).close("dd");
      g.process().ifPresent(p -> process(p, w));
      w.element("dt", "What it calls").open("dd");
      if (g.connections().isEmpty()) w.text("no connection observed");
      else {
        w.open("ul");
        for (Connection c : g.connections()) w.element("li", connection(c));
        w.close("ul");
      }
      w.close("dd");
      if (!g.connections().isEmpty()) HtmlReporter.fact(w, "How sure", howSure(g));
      HtmlReporter.fact(w, "Since when", AgentText.since(g, inventory.scanTime(), HtmlReporter.TIME::format));
      w.element("dt", "Who started it").open("dd").text(AgentText.startedBy(g));
      list(AgentText.auditLines(g), w);
      w.close("dd");
      w.element("dt", "What it can reach").open("dd");
      if (g.reach().isEmpty()) w.text("nothing beyond its connections is known");
      else list(g.reach().stream().map(AgentText::reach).toList(), w);
      w.close("dd").element("dt", "Why it is a ghost").open("dd");
      list(g.reasons(), w);
      w.close("dd").element("dt", "Evidence").open("dd");
      list(g.evidence().stream().map(HtmlAgents::evidence).toList(), w);
      w.close("dd").close("dl").close("article").newline();
    }
    w.close("section").newline();
  }

  static void table(Inventory inventory, HtmlWriter w) {
    w.open("section", "id", "agents-section").element("h2", "All agents");
    w.open("div", "class", "panel").open("div", "class", "controls");
    w.element("label", "Filter", "for", "agent-filter", "class", "muted");
    w.open("input", "id", "agent-filter", "type", "search", "autocomplete", "off",
        "placeholder", "name, namespace, provider, path, reason…");
    w.open("select", "id", "class-filter", "aria-label", "Classification");
    w.element("option", "All classes", "value", "");
    for (Classification c : Classification.values()) w.element("option", c.label(), "value", c.name());
    w.close("select");
    w.element("output", inventory.agents().size() + " of " + inventory.agents().size() + " agents", "id", "agent-count",
        "for", "agent-filter class-filter", "class", "muted");
    w.close("div");
    w.open("table", "id", "agents", "data-total", String.valueOf(inventory.agents().size()));
    w.open("thead").open("tr");
    header(w, "Class", "number");
    header(w, "Risk", "number");
    header(w, "Agent", "text");
    header(w, "Where", "text");
    header(w, "Providers", "text");
    header(w, "Calls", "number");
    header(w, "Last seen", "number");
    header(w, "Change", "text");
    w.element("th", "Why");
    w.close("tr").close("thead").newline().open("tbody").newline();
    for (InventoryAgent a : inventory.agents()) row(a, w);
    w.close("tbody").close("table");
    if (inventory.agents().isEmpty()) w.element("p", "No agents were found.", "class", "empty");
    w.close("div").close("section").newline();
  }

  /** A bulleted list, or nothing for an empty one. */
  static void list(List<String> items, HtmlWriter w) {
    if (items.isEmpty()) return;
    w.open("ul");
    for (String i : items) w.open("li").breakable(i).close("li");
    w.close("ul");
  }

  private static void header(HtmlWriter w, String label, String type) {
    w.open("th", "scope", "col", "data-type", type).open("button", "type", "button").text(label).close("button").close("th");
  }

  private static void row(InventoryAgent a, HtmlWriter w) {
    long calls = a.connections().stream().mapToLong(Connection::count).sum();
    w.open("tr", "data-class", a.classification().name(), "data-risk", a.risk().id(), "data-agent", a.id());
    w.open("td", "data-sort", String.valueOf(sortKey(a.classification())))
        .element("span", a.classification().label(), "class", "badge c-" + a.classification().name()).close("td");
    w.open("td", "data-sort", String.valueOf(sortKey(a.risk())))
        .element("span", a.risk().id(), "class", "badge risk-" + a.risk().id()).close("td");
    w.open("td").element("strong", a.name());
    if (a.classification() == Classification.GHOST) {
      w.text(" ").element("a", "details", "href", "#ghost-" + a.id());
    }
    w.close("td");
    w.open("td").open("span", "class", "mono").breakable(where(a)).close("span").close("td");
    w.element("td", String.join(", ", a.providers()));
    w.element("td", calls == 0 ? "—" : String.valueOf(calls), "data-sort", String.valueOf(calls));
    w.element("td", a.lastSeen().map(HtmlReporter.TIME::format).orElse("—"), "data-sort",
        String.valueOf(a.lastSeen().map(Instant::getEpochSecond).orElse(-1L)));
    w.element("td", a.change().name().toLowerCase(Locale.ROOT));
    w.open("td").text(a.reasons().isEmpty() ? "" : a.reasons().get(0));
    details(a, w);
    w.close("td").close("tr").newline();
  }

  /** Everything else known about the agent, folded: reasons, code, connections, reach, evidence. */
  /** The column's sort key, in the table's order: CONFIRMED first, GHOST last. */
  private static int sortKey(Classification c) {
    return switch (c) {
      case CONFIRMED -> 0;
      case UNKNOWN -> 1;
      case SHADOW_AI -> 2;
      case ZOMBIE -> 3;
      case GHOST -> 4;
    };
  }

  /** The column's sort key, low to critical. */
  private static int sortKey(Risk r) {
    return switch (r) {
      case LOW -> 0;
      case MEDIUM -> 1;
      case HIGH -> 2;
      case CRITICAL -> 3;
    };
  }

  private static void details(InventoryAgent a, HtmlWriter w) {
    List<String> code = a.code().stream().map(r -> r.path() + (r.line() > 0 ? ":" + r.line() : "") + " (" + r.ruleId() + ")")
        .toList();
    if (a.reasons().size() <= 1 && code.isEmpty() && a.connections().isEmpty() && a.reach().isEmpty()
        && a.evidence().isEmpty()) {
      return;
    }
    w.open("details").element("summary", "more").open("dl", "class", "facts");
    if (a.reasons().size() > 1) block(w, "Reasons", a.reasons());
    block(w, "Code", code);
    block(w, "Calls", a.connections().stream().map(HtmlAgents::connection).toList());
    block(w, "Can reach", a.reach().stream().map(AgentText::reach).toList());
    block(w, "Capabilities", a.capabilities());
    block(w, "Evidence", a.evidence().stream().map(HtmlAgents::evidence).toList());
    HtmlReporter.fact(w, "Id", a.id());
    w.close("dl").close("details");
  }

  private static void block(HtmlWriter w, String term, List<String> items) {
    if (items.isEmpty()) return;
    w.element("dt", term).open("dd");
    list(items, w);
    w.close("dd");
  }

  /** The workload (and node), else the code, in one line. */
  static String where(InventoryAgent a) {
    if (a.workload().isPresent()) {
      WorkloadRef wl = a.workload().get();
      String node = a.process().map(ProcessRef::node).filter(n -> !n.isEmpty()).map(n -> ", node " + n).orElse("");
      return wl.kind() + " " + wl.namespace() + "/" + wl.name()
          + (wl.container().isEmpty() ? "" : ", container " + wl.container())
          + (wl.cluster().isEmpty() ? "" : ", cluster " + wl.cluster()) + node;
    }
    if (!a.code().isEmpty()) {
      String first = a.code().get(0).path() + (a.code().get(0).line() > 0 ? ":" + a.code().get(0).line() : "");
      long files = a.code().stream().map(InventoryAgent.CodeRef::path).distinct().count();
      return first + (files > 1 ? " (+" + (files - 1) + " more)" : "");
    }
    return a.process().map(p -> (p.node().isEmpty() ? "" : "node " + p.node() + ", ") + "pid " + p.pid()).orElse("unknown");
  }

  private static void process(ProcessRef p, HtmlWriter w) {
    w.element("dt", "Process").open("dd");
    w.open("code").breakable(p.binary()).close("code").text(" (pid " + p.pid() + (p.script().isEmpty() ? "" : ", script "));
    if (!p.script().isEmpty()) w.open("code").breakable(p.script()).close("code");
    w.text(")");
    if (!p.arguments().isEmpty()) w.open("br").element("code", String.join(" ", p.arguments()), "class", "argv");
    w.close("dd");
  }

  private static String connection(Connection c) {
    String host = c.host().isEmpty() ? c.ip() : c.host();
    StringBuilder b = new StringBuilder(c.provider().isEmpty() ? "unattributed" : c.provider()).append(" — ")
        .append(host).append(':').append(c.port());
    if (!c.ip().isEmpty() && !c.ip().equals(host)) b.append(" (").append(c.ip()).append(')');
    b.append(" · ").append(HtmlReporter.plural(c.count(), "connection"));
    if (c.firstSeen() != null && c.lastSeen() != null) {
      b.append(" from ").append(HtmlReporter.TIME.format(c.firstSeen())).append(" to ")
          .append(HtmlReporter.TIME.format(c.lastSeen()));
      Duration span = Duration.between(c.firstSeen(), c.lastSeen());
      if (c.count() > 1 && !span.isNegative() && !span.isZero()) {
        long minutes = Math.round(span.toMinutes() / (double) (c.count() - 1));
        b.append(minutes >= 1 ? " (about every " + HtmlReporter.plural(minutes, "minute") + ")" : " (several a minute)");
      }
    }
    return b.append(" · attributed by ").append(c.evidence().id()).append(" (").append(c.strength().id())
        .append(" evidence, ").append(c.layer()).append(" layer)").toString();
  }

  /** The evidence grade in words. */
  private static String howSure(InventoryAgent g) {
    return switch (g.trafficEvidence()) {
      case STRONG -> "confirmed: named by strong evidence (what the process asked for, a pin or the cluster's own map)";
      case WEAK -> "suspected: only address evidence names its AI traffic; the address may serve other sites too";
      case NONE -> "no traffic observed";
    };
  }

  /** For the evidence list: a layer-tagged line. */
  static String evidence(Evidence e) {
    return e.layer() + ": " + e.detail();
  }
}

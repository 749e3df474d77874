package dev.wraith.report;

import dev.wraith.model.InventoryAgent;
import dev.wraith.model.InventoryAgent.Connection;
import dev.wraith.model.InventoryAgent.ProcessRef;
import dev.wraith.model.InventoryAgent.WorkloadRef;
import dev.wraith.model.Counted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The phrases the terminal and Markdown inventory reports share, so both say the same thing the same way. */
final class AgentText {
  private AgentText() {}

  /** The footnote of a table that marks implied providers with {@link #implied}. */
  static final String IMPLIED_NOTE = "* implied: the code names no provider; the framework's default is assumed";

  /** A provider the code does not name but its framework defaults to, as agent tables print it: "openai*". */
  static String implied(String provider) {
    return provider + "*";
  }

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

  /** "pid 5002 python3.12 /tmp/agent.py --loop" (who started it is {@link #startedBy}). */
  static String process(ProcessRef p) {
    return "pid " + p.pid() + ' ' + String.join(" ", p.arguments().isEmpty() ? List.of(p.binary()) : p.arguments());
  }

  /**
   * Who started the agent's process, in one sentence that is true for each origin: a node process was started on the
   * node outside any pod (no exec is involved), a container's process by the container's own command, an exec'd one
   * by whoever the audit log names (the audit lines themselves, with the time, are the agent's "audit" evidence).
   */
  static String startedBy(InventoryAgent a) {
    if (a.process().isEmpty()) return "no process observed";
    ProcessRef p = a.process().get();
    return switch (p.origin()) {
      case NODE -> "started on " + (p.node().isEmpty() ? "this host" : "node " + p.node())
          + " itself, outside any pod or container (not exec'd: no kubectl exec or audit log applies)";
      case CONTAINER -> "started by its container's own command (the container's first process or one of its"
          + " children), not exec'd into it";
      case EXEC -> p.execedBy().isEmpty()
          ? "exec'd into the running container; no audit log names who (give --audit-log FILE)"
          : "exec'd into the running container by " + p.execedBy() + " (kubectl exec in the Kubernetes audit log)";
    };
  }

  /**
   * A reach line for people: "read-secrets — can read secrets in namespace payments via …". The correlation writes it
   * so; agents from older state snapshots hold "KIND: detail", where a colon after a word like "secrets" reads to the
   * redactor as an assignment and would mask the detail's first word, so those are set off with a dash too.
   */
  static String reach(String line) {
    for (dev.wraith.model.ReachReason.Kind k : dev.wraith.model.ReachReason.Kind.values()) {
      if (line.startsWith(k.id() + ": ")) return k.id() + dev.wraith.model.ReachReason.SEPARATOR + line.substring(k.id().length() + 2);
    }
    return line;
  }

  /** The audit-log lines of an exec'd agent: who, when, into which pod and container, what command. */
  static List<String> auditLines(InventoryAgent a) {
    return a.evidence().stream().filter(e -> e.layer().equals("audit")).map(InventoryAgent.Evidence::detail).toList();
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

  /**
   * "first seen 2026-11-16T09:14:08Z (21 days before this scan started), last seen 2026-11-27T07:58:08Z", or "first
   * seen … (during this scan)" when the first sighting is this scan's own; then whether it still runs and its
   * acknowledgement. First seen is the first sighting (this scan's events, or an earlier scan's), not a start time.
   */
  static String since(InventoryAgent a, Instant scanTime, Function<Instant, String> time) {
    StringBuilder b = new StringBuilder();
    if (a.firstSeen().isEmpty()) b.append("never seen running");
    else {
      Instant first = a.firstSeen().get();
      b.append("first seen ").append(time.apply(first)).append(first.isBefore(scanTime)
          ? " (" + ago(first, scanTime) + " before this scan started)" : " (during this scan)");
    }
    a.lastSeen().ifPresent(l -> b.append(", last seen ").append(time.apply(l)));
    if (a.inactive()) b.append(", not running now");
    a.acknowledgement().ifPresent(k -> b.append("; acknowledged ").append(time.apply(k.at())).append(": ").append(k.note()));
    return b.toString();
  }

  /** {@link #since} with ISO times to the second, as the terminal and Markdown write them. */
  static String since(InventoryAgent a, Instant scanTime) {
    return since(a, scanTime, AgentText::seconds);
  }

  /** "11 days", "3 hours", "4 minutes", "less than a minute": how long before {@code now}; {@code then} is earlier. */
  static String ago(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    if (d.toDays() >= 1) return Counted.of(d.toDays(), "day");
    if (d.toHours() >= 1) return Counted.of(d.toHours(), "hour");
    if (d.toMinutes() >= 1) return Counted.of(d.toMinutes(), "minute");
    return "less than a minute";
  }

  /** To the second: what a reader compares (inventory.json keeps the full precision). */
  static String seconds(Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}

package dev.wraith.cli;

import dev.wraith.state.Diff;
import dev.wraith.state.ScanSummary;
import dev.wraith.state.StateException;
import dev.wraith.state.StateStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code wraith diff}: what changed between two recorded scans. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Compares two scans recorded in the state database (by default the last two): NEW agents, GONE agents, and "
            + "CHANGED ones with their old → new classification and risk, or 'evidence changed' when the verdict "
            + "is the same but what makes the agent (workload, script, code, providers, capabilities, reach) changed. "
            + "Scan numbers are those of 'wraith history'. Never creates a database.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith diff                      the last scan against the one before",
        "  wraith diff 3 7 --format json"
    })
final class DiffCommand implements Callable<Integer>, ExitCodes.Documented {
  @Override
  public ExitCodes.Help exitCodes() {
    return ExitCodes.help().usage("no such database or scan", "fewer than two scans", ExitCodes.OUTPUT);
  }

  @Mixin StateOptions state = new StateOptions();
  @Mixin FormatOptions format = new FormatOptions("table", "json");
  @Mixin OutputOptions output = new OutputOptions();

  @Parameters(paramLabel = "SCAN", arity = "0..2", description = "FROM and TO scan numbers (both or neither).")
  List<Long> scans = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    boolean json = format.format().equals("json");
    if (scans.size() == 1) throw new Main.UsageProblem("give both FROM and TO scans, or neither for the last two");
    try (StateStore store = state.openExisting()) {
      long[] pair = scans.isEmpty() ? lastTwo(store) : new long[] {scans.get(0), scans.get(1)};
      Diff diff = store.diff(pair[0], pair[1]);
      String text = json ? HistoryCommand.json(document(diff)) : table(diff);
      output.emit(out -> HistoryCommand.write(out, text, json), System.out);
    } catch (StateException e) {
      throw new Main.UsageProblem(e.getMessage());
    }
    return Main.OK;
  }

  private static long[] lastTwo(StateStore store) {
    List<ScanSummary> all = store.scans();
    if (all.size() < 2) {
      throw new Main.UsageProblem("state database " + store.location().display() + " has " + all.size() + " scan(s); diff needs "
          + "two: run 'wraith scan-all' again");
    }
    return new long[] {all.get(all.size() - 2).id(), all.get(all.size() - 1).id()};
  }

  private static Map<String, Object> document(Diff d) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schemaVersion", 1);
    doc.put("from", d.from());
    doc.put("to", d.to());
    doc.put("new", d.added());
    doc.put("gone", d.gone());
    doc.put("changed", d.changed());
    return doc;
  }

  private static String table(Diff d) {
    StringBuilder b = new StringBuilder()
        .append("scan ").append(d.from().id()).append(" (").append(HistoryCommand.time(d.from().time())).append(") → scan ")
        .append(d.to().id()).append(" (").append(HistoryCommand.time(d.to().time())).append(")\n\n");
    if (d.isEmpty()) return b.append("no changes\n").toString();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"CHANGE", "CLASSIFICATION", "RISK", "NAME", "AGENT", "DETAIL"});
    for (Diff.Agent a : d.added()) rows.add(row("NEW", a));
    for (Diff.Agent a : d.gone()) rows.add(row("GONE", a));
    for (Diff.Change c : d.changed()) {
      String cls = c.fromClassification() == c.toClassification() ? c.toClassification().label()
          : c.fromClassification().label() + " → " + c.toClassification().label();
      String risk = c.fromRisk() == c.toRisk() ? c.toRisk().name() : c.fromRisk() + " → " + c.toRisk();
      rows.add(new String[] {"CHANGED", cls, risk, name(c.name(), c.cluster()), c.id(), detail(c)});
    }
    return b.append(HistoryCommand.table(rows)).append(d.added().size()).append(" new, ").append(d.gone().size())
        .append(" gone, ").append(d.changed().size()).append(" changed\n").toString();
  }

  private static String[] row(String change, Diff.Agent a) {
    return new String[] {change, a.classification().label(), a.risk().name(), name(a.name(), a.cluster()), a.id(), ""};
  }

  /** "support-agent", or "support-agent in cluster staging" when the scans named clusters. */
  private static String name(String name, String cluster) {
    return cluster.isEmpty() ? name : name + " in cluster " + cluster;
  }

  /** What else changed besides class and risk: "no longer seen running", "running again", "evidence changed". */
  static String detail(dev.wraith.state.Diff.Change c) {
    List<String> parts = new java.util.ArrayList<>();
    if (!c.fromInactive() && c.toInactive()) parts.add("no longer seen running");
    if (c.fromInactive() && !c.toInactive()) parts.add("running again");
    if (c.evidenceChanged()) parts.add("evidence changed");
    return String.join(", ", parts);
  }
}

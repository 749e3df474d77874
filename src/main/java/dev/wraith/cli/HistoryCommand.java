package dev.wraith.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.wraith.model.Classification;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import dev.wraith.state.AgentHistory;
import dev.wraith.state.ScanSummary;
import dev.wraith.state.StateException;
import dev.wraith.state.StateStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wraith history}: the recorded scans, or one agent's classification history. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Lists the scans recorded in the state database (time, agents per class, layers), or with --agent the "
            + "classification and risk one agent had in each scan that listed it, with its first sighting and its "
            + "last sighting at runtime. Never creates a database.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith history                    every recorded scan",
        "  wraith history --agent 0bad5c     one agent, by a unique id prefix",
        "  wraith history --state ci.db --format json"
    })
final class HistoryCommand implements Callable<Integer>, ExitCodes.Documented {
  @Override
  public ExitCodes.Help exitCodes() {
    return ExitCodes.help().usage("no such database or agent", ExitCodes.OUTPUT);
  }

  @Mixin StateOptions state = new StateOptions();
  @Mixin FormatOptions format = new FormatOptions("table", "json");
  @Mixin OutputOptions output = new OutputOptions();

  @Option(names = "--agent", paramLabel = "ID", description = "Show this agent's history (full id or a unique prefix).")
  String agent;

  @Override
  public Integer call() throws Exception {
    boolean json = format.format().equals("json");
    try (StateStore store = state.openExisting()) {
      if (agent != null) {
        AgentHistory h = store.agentHistory(resolve(store, agent)).orElseThrow();
        String text = json ? json(Map.of("schemaVersion", 1, "agent", h)) : agentTable(h);
        output.emit(out -> write(out, text, json), System.out);
      } else {
        List<ScanSummary> scans = store.scans();
        String text = json ? json(document(store, scans)) : scanTable(store, scans);
        output.emit(out -> write(out, text, json), System.out);
      }
    } catch (StateException e) {
      throw new Main.UsageProblem(e.getMessage());
    }
    return Main.OK;
  }

  /** A full agent id or a unique prefix of one; anything else is a usage error. */
  static String resolve(StateStore store, String prefix) {
    if (store.agentHistory(prefix).isPresent()) return prefix;
    List<String> ids = store.agentIds(prefix, 6);
    if (ids.size() == 1) return ids.get(0);
    if (ids.isEmpty()) throw new Main.UsageProblem("no agent '" + prefix + "' in " + store.location().display());
    throw new Main.UsageProblem("agent id '" + prefix + "' is ambiguous: " + String.join(", ", ids)
        + (ids.size() > 5 ? ", …" : ""));
  }

  private static Map<String, Object> document(StateStore store, List<ScanSummary> scans) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schemaVersion", 1);
    doc.put("state", store.location().display());
    doc.put("scans", scans);
    return doc;
  }

  private static String scanTable(StateStore store, List<ScanSummary> scans) {
    if (scans.isEmpty()) return "no scans recorded in " + store.location().display() + " yet; run 'wraith scan-all'\n";
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("SCAN", "TIME"));
    for (Classification c : Classification.values()) header.add(c.label());
    header.addAll(List.of("CRITICAL", "HIGH", "LAYERS"));
    rows.add(header.toArray(String[]::new));
    for (ScanSummary s : scans) {
      List<String> row = new ArrayList<>(List.of(Long.toString(s.id()), time(s.time())));
      for (Classification c : Classification.values()) row.add(Integer.toString(s.summary().get(c)));
      row.add(Integer.toString(s.risk().get(Risk.CRITICAL)));
      row.add(Integer.toString(s.risk().get(Risk.HIGH)));
      row.add(layers(s.layers()));
      rows.add(row.toArray(String[]::new));
    }
    return table(rows) + scans.size() + " scan(s) in " + store.location().display() + "\n";
  }

  private static String agentTable(AgentHistory h) {
    StringBuilder b = new StringBuilder();
    b.append(h.name()).append("  ").append(h.id()).append('\n');
    b.append("first seen ").append(time(h.firstSeen())).append(", last seen at runtime ")
        .append(h.lastRuntimeSeen().map(HistoryCommand::time).orElse("never")).append("\n\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SCAN", "TIME", "CLASSIFICATION", "RISK", "RUNTIME", "DIGEST"});
    for (AgentHistory.Entry e : h.entries()) {
      rows.add(new String[] {Long.toString(e.scanId()), time(e.time()), e.classification().label(), e.risk().name(),
          e.runtime() ? "seen" : e.inactive() ? "inactive" : "-", e.digest().substring(0, Math.min(12, e.digest().length()))});
    }
    b.append(table(rows));
    for (var ack : h.acknowledgements()) b.append("acknowledged ").append(time(ack.at())).append(": ").append(ack.note()).append('\n');
    return b.toString();
  }

  /** Seconds are enough on a terminal; JSON keeps the exact instant. */
  static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Left-aligned columns, two spaces apart, the first row a header underlined with '─'. */
  static String table(List<String[]> rows) {
    int[] w = new int[rows.get(0).length];
    for (String[] r : rows) for (int i = 0; i < w.length; i++) w[i] = Math.max(w[i], r[i].length());
    StringBuilder b = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < w.length; i++) {
        line.append(i == 0 ? "" : "  ").append(rows.get(r)[i]).append(" ".repeat(w[i] - rows.get(r)[i].length()));
      }
      b.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        List<String> rule = new ArrayList<>();
        for (int width : w) rule.add("─".repeat(width));
        b.append(String.join("  ", rule)).append('\n');
      }
    }
    return b.toString();
  }

  /**
   * Typed records to JSON: stable key order, ISO-8601 instants, Optional as value or null, every string through the
   * bundled redactor (this command reads a state database and no catalogue).
   */
  static String json(Object value) throws java.io.IOException {
    ObjectMapper mapper = new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
        .registerModule(new dev.wraith.redact.RedactingModule(dev.wraith.redact.Redactor.bundled()))
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(SerializationFeature.INDENT_OUTPUT);
    return mapper.writeValueAsString(value) + "\n";
  }

  /** Writes JSON as it is (it was redacted as it was serialised) and tables line by line through the redactor. */
  static void write(java.io.OutputStream out, String text, boolean json) {
    PrintStream p = new PrintStream(json ? out : dev.wraith.redact.Redactor.bundled().lines(out), false, StandardCharsets.UTF_8);
    p.print(text);
    p.flush();
  }

  static String layers(List<LayerStatus> layers) {
    return layers.stream().map(l -> l.layer() + " " + l.state().id()).collect(Collectors.joining(", "));
  }
}

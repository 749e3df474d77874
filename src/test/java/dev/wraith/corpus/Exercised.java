package dev.wraith.corpus;

import dev.wraith.redact.Redactor;
import dev.wraith.report.InventoryReport;
import dev.wraith.report.Reporter;
import dev.wraith.scan.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the corpus test runs, in one place: the commands, the formats of each, and the commands it leaves out with the
 * reason. {@link CorpusCoverageTest} holds this against the CLI and the Registry, so a new command, format or reporter
 * that the corpus does not run fails the build.
 */
final class Exercised {
  /** Every command the corpus runs, with the --format values it runs it with (empty: the command has no --format). */
  static final Map<String, List<String>> FORMATS = Map.ofEntries(
      Map.entry("scan", List.of("table", "json", "sarif")),
      Map.entry("cluster", List.of("table", "json")),
      Map.entry("sensor", List.of("table", "json")),
      Map.entry("tetragon", List.of("table", "json")),
      Map.entry("mcp", List.of("table", "json")),
      Map.entry("scan-all", List.of("table", "json")),
      Map.entry("history", List.of("table", "json")),
      Map.entry("diff", List.of("table", "json")),
      Map.entry("ack", List.of()),
      Map.entry("aibom", List.of()),
      Map.entry("operator", List.of()),
      Map.entry("catalogue", List.of()));

  /** Commands the corpus does not run, and why that leaves no output path uncovered. */
  static final Map<String, String> NOT_RUN = Map.of(
      "demo", "runs scan-all's pipeline over the bundled examples only; it reads no user input",
      "help", "prints usage text");

  /** The Registry's reporter lists the corpus knows, by the method that returns each. */
  static final Set<String> REPORTER_LISTS = Set.of("reporters", "clusterReporters", "sensorReporters", "mcpReporters",
      "tetragonReporters", "inventoryReporters");

  /** The --probe values the sensor runs with ({@code auto} is whichever of the two can run). */
  static final List<String> PROBE_MODES = List.of("proc", "ebpf");

  /** The --cdx-version values the AIBOM is written in (aibom, and scan-all's aibom.cdx.json in the delivery runs). */
  static final List<String> CDX_VERSIONS = List.of("1.6", "1.7");

  /** The --ocsf-body values the webhook delivery runs with. */
  static final List<String> OCSF_BODIES = List.of("lines", "array");

  /** The delivery sinks the corpus sends to ({@link dev.wraith.delivery.Sink}'s kinds). */
  static final Set<String> OCSF_SINKS = Set.of("SplunkHec", "Webhook");

  /** The kinds of --state the corpus writes and reads ({@link dev.wraith.state.StateLocation}'s). */
  static final Set<String> STATE_KINDS = Set.of("SqliteFile", "Postgres");

  /** Reporters used outside the Registry's lists, and the command whose run covers them. */
  static final Map<String, String> DIRECT_REPORTERS = Map.of("InventoryTableReporter", "scan-all --format table");

  private Exercised() {}

  /** The files every scan-all results directory must hold: the inventory reporters' and code.sarif. */
  static List<String> resultFiles() {
    List<String> out = new ArrayList<>(List.of("code.sarif"));
    for (Reporter<InventoryReport> r : Registry.inventoryReporters(Redactor.bundled())) out.add(r.format());
    return out;
  }
}

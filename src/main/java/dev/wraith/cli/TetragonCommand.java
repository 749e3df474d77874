package dev.wraith.cli;

import dev.wraith.attribution.Attributor;
import dev.wraith.attribution.Pin;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ScanReport;
import dev.wraith.report.TetragonReporter;
import dev.wraith.scan.Registry;
import dev.wraith.tetragon.JsonExportSource;
import dev.wraith.tetragon.TetragonCollector;
import dev.wraith.tetragon.TetragonScan;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wraith tetragon}: the kernel layer, from Tetragon's JSON export. */
@Command(
    name = "tetragon",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Reads Cilium Tetragon events (process exec/exit and tcp_connect kprobes) and prints every process that "
            + "connected to an AI API, model server or vector database: node, pod, container, program, the script "
            + "it runs, whether it was exec'd into its container (kubectl exec), is an exec probe or runs on the "
            + "node itself, the provider and how it was attributed, how often and since when.",
        "",
        "Needs the TracingPolicy in deploy/tetragon/tracingpolicy.yaml. Destinations are attributed from --resolve "
            + "pins, published provider ranges and distinctive model-server ports; not from DNS, because today's "
            + "answers say nothing about when the events were recorded. Unreadable lines and rate-limit events are "
            + "reported as warnings, never fatal.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith tetragon --tetragon-events /var/log/tetragon/tetragon.log",
        "  wraith tetragon --tetragon-events tetragon.log --tetragon-events tetragon-2026-03-02T10-00-00.000.log.gz",
        "                                                  the live file and a rotated backup",
        "  kubectl logs -n kube-system ds/tetragon -c export-stdout --prefix > events.log",
        "  wraith tetragon --tetragon-events events.log --format json -o ai.jsonl",
        "  wraith tetragon --tetragon-events events.log --resolve api.openai.com=10.0.0.7",
        "                                                  traffic through an egress proxy",
        "",
        "Exit codes: 0 ok, 2 bad usage, 3 the events could not be read."
    })
final class TetragonCommand implements Callable<Integer> {
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin CatalogueOptions catalogue = new CatalogueOptions();

  @Option(names = "--tetragon-events", paramLabel = "FILE",
      description = "Tetragon JSON export (NDJSON; rotated .gz files and saved kubectl logs of the export-stdout "
          + "container work too). Repeatable.")
  List<Path> events = new ArrayList<>();

  @Option(names = "--tetragon-address", paramLabel = "ADDR",
      description = "Tetragon gRPC address (unix:///var/run/tetragon/tetragon.sock or host:port). Not built yet.")
  String address;

  @Option(names = "--resolve", paramLabel = "HOST=IP[:PORT]",
      description = "Treat connections to IP (on PORT, or any port) as connections to HOST. Repeatable.")
  List<String> resolve = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (address != null) {
      throw new Main.UsageProblem("--tetragon-address: the gRPC stream is not built yet; use --tetragon-events with the JSON export");
    }
    if (events.isEmpty()) throw new Main.UsageProblem("give at least one --tetragon-events FILE");
    for (Path f : events) if (!Files.isRegularFile(f)) throw new Main.UsageProblem(f + ": not a readable file");
    List<Pin> pins = new ArrayList<>();
    for (String r : resolve) {
      try {
        pins.add(Pin.parse(r));
      } catch (IllegalArgumentException e) {
        throw new Main.UsageProblem("--resolve: " + e.getMessage());
      }
    }
    TetragonReporter reporter = reporter(Registry.tetragonReporters());
    Catalogue cat = catalogue.load();
    var tool = new ScanReport.Tool("wraith", Main.toolVersion(), cat.version(), cat.schema());
    TetragonScan scan = new TetragonCollector(new Attributor(cat, pins, Optional.empty()))
        .collect(new JsonExportSource(events));
    try (OutputStream out = output.open(System.out)) {
      reporter.write(tool, scan, out);
    }
    return scan.status().state() == LayerStatus.State.FAILED ? Main.LAYER_FAILED : Main.OK;
  }

  private TetragonReporter reporter(List<TetragonReporter> reporters) {
    for (TetragonReporter r : reporters) if (r.format().equalsIgnoreCase(output.format)) return r;
    throw new Main.UsageProblem("unknown --format '" + output.format + "' (tetragon writes table or json)");
  }
}

package dev.wraith.cli;

import dev.wraith.attribution.Pin;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ScanReport;
import dev.wraith.report.Reporter;
import dev.wraith.report.ToolScan;
import dev.wraith.scan.Registry;
import dev.wraith.tetragon.GrpcEventSource;
import dev.wraith.tetragon.JsonExportSource;
import dev.wraith.tetragon.TetragonAddress;
import dev.wraith.tetragon.EventSource;
import dev.wraith.tetragon.TetragonLayer;
import dev.wraith.model.TetragonScan;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wraith tetragon}: the kernel layer, from Tetragon's JSON export or its live gRPC stream. */
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
        "Events come from the JSON export (--tetragon-events) or, without files, from Tetragon's gRPC API "
            + "(--tetragon-address, by default the Helm chart's socket) for --duration seconds or until Ctrl-C. "
            + "Needs the TracingPolicy in deploy/tetragon/tracingpolicy.yaml. Destinations are attributed first by the "
            + "names each process resolved at the time (--dns-log: the dns-answer lines wraith sensor recorded; a "
            + "non-AI name settles it), then by --resolve pins, published provider ranges and distinctive "
            + "model-server ports; never by DNS lookups of now, because today's answers say nothing about when the "
            + "events were recorded. Destinations nothing names are listed after the table, busiest first, with how to "
            + "attribute them. Unreadable lines, rate-limit "
            + "events and a dropped stream are reported as data gaps (status partial), never fatal; a socket that "
            + "is not there fails the layer with the reason.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith tetragon --duration 300         the local Tetragon's socket, 5 min",
        "  wraith tetragon --tetragon-address localhost:54321 --duration 60",
        "  wraith tetragon --tetragon-events /var/log/tetragon/tetragon.log",
        "  wraith tetragon --tetragon-events tetragon.log \\",
        "      --tetragon-events tetragon-2026-03-02T10-00-00.000.log.gz",
        "                                         the live file and a rotated backup",
        "  kubectl logs -n kube-system ds/tetragon -c export-stdout --prefix \\",
        "      > events.log",
        "  wraith tetragon --tetragon-events events.log --format json -o ai.jsonl",
        "  wraith tetragon --tetragon-events events.log --dns-log sensor.jsonl",
        "                                         named by the sensor's DNS answers",
        "  wraith tetragon --tetragon-events events.log \\",
        "      --resolve api.openai.com=10.0.0.7  through an egress proxy"
    })
final class TetragonCommand implements Callable<Integer>, ExitCodes.Documented {
  @Override
  public ExitCodes.Help exitCodes() {
    return ExitCodes.help().usage(ExitCodes.OUTPUT).failed("the events could not be read (file, socket, server)");
  }

  @Mixin FormatOptions format = new FormatOptions("table", "json");
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin CatalogueOptions catalogue = new CatalogueOptions();
  @Mixin TetragonOptions tetragon = new TetragonOptions();

  @Option(names = "--duration", paramLabel = "SECONDS",
      description = "How long to read the live stream; without it, until Ctrl-C. Accepted with --tetragon-events "
          + "too, where files are read to the end.")
  Double durationSeconds;

  @Mixin ResolveOptions resolve = new ResolveOptions();

  /** Counted down once the report is written: a Ctrl-C waits for it. */
  private final CountDownLatch written = new CountDownLatch(1);
  /** Stops a live read on Ctrl-C; null for files. */
  private Thread onInterrupt;

  @Override
  public Integer call() throws Exception {
    if (!tetragon.events.isEmpty() && tetragon.address != null) {
      throw new Main.UsageProblem("give --tetragon-events FILE or --tetragon-address ADDR, not both");
    }
    InputFiles.check("--tetragon-events", tetragon.events);
    InputFiles.check("--dns-log", tetragon.dnsLogs);
    Optional<Duration> duration = duration();
    List<Pin> pins = resolve.pins();
    Catalogue cat = catalogue.load();
    Reporter<ToolScan<TetragonScan>> reporter = reporter(Registry.tetragonReporters(dev.wraith.redact.Redactor.of(cat)));
    var tool = new ScanReport.Tool("wraith", Main.toolVersion(), cat.version(), cat.schema());
    try {
      TetragonScan scan = TetragonLayer.scan(cat, tetragon.events.isEmpty() ? live(duration) : new JsonExportSource(tetragon.events),
          pins, tetragon.dnsLogs);
      output.emit(out -> reporter.write(new ToolScan<>(tool, scan), out), System.out);
      return scan.status().state() == LayerStatus.State.FAILED ? Main.LAYER_FAILED : Main.OK;
    } finally {
      written.countDown();
      if (onInterrupt != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
          // Ctrl-C: the hook is running and has waited for the report
        }
      }
    }
  }


  private Optional<Duration> duration() {
    if (durationSeconds == null) return Optional.empty();
    if (!(durationSeconds > 0) || durationSeconds > 31_536_000) {
      throw new Main.UsageProblem("--duration must be between 0 and 31536000 seconds (a year)");
    }
    return Optional.of(Duration.ofMillis((long) (durationSeconds * 1000)));
  }

  /**
   * The live stream, read until the duration ends or, without one, until Ctrl-C: the interrupt stops the stream, and the
   * JVM waits (briefly) for what was read to be written before it exits.
   */
  private EventSource live(Optional<Duration> duration) {
    TetragonAddress a;
    try {
      a = TetragonAddress.parse(tetragon.address == null ? TetragonAddress.DEFAULT : tetragon.address);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageProblem("--tetragon-address " + e.getMessage());
    }
    GrpcEventSource source = new GrpcEventSource(a, duration);
    if (Terminal.interactive()) {
      System.err.println(dev.wraith.redact.Redactor.bundled().text("wraith: reading Tetragon events from " + a
          + duration.map(d -> " for " + d.toSeconds() + " s").orElse(" until Ctrl-C") + " ..."));
    }
    onInterrupt = new Thread(() -> {
      source.stop();
      try {
        written.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "wraith-tetragon-stop");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    return source;
  }

  private Reporter<ToolScan<TetragonScan>> reporter(List<Reporter<ToolScan<TetragonScan>>> reporters) {
    return format.select(reporters, Reporter::format);
  }
}

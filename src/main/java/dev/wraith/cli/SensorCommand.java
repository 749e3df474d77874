package dev.wraith.cli;

import dev.wraith.attribution.Pin;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.host.ebpf.ProbeMode;
import dev.wraith.incluster.HttpEndpoint;
import dev.wraith.incluster.ObservationBuffer;
import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ScanReport;
import dev.wraith.report.SensorJsonReporter;
import dev.wraith.report.Reporter;
import dev.wraith.report.SensorWindow;
import dev.wraith.scan.HostSession;
import dev.wraith.scan.Registry;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wraith sensor}: the host layer, once or continuously. */
@Command(
    name = "sensor",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Watches this node's processes for connections to AI APIs, model servers and vector databases, and says for "
            + "each which process, pod and container it came from, whether it was exec'd into its container or runs on "
            + "the node itself, and the script it runs.",
        "",
        "With wraith's eBPF probe (--probe auto, the default, when it can load: root or CAP_BPF and CAP_PERFMON, kernel "
            + "BTF, tracefs) every TCP connect is seen as it happens, with the exec'd binary and arguments of even a "
            + "50 ms process. The probe also reads the DNS answers a process receives and the first 2 KiB it writes on "
            + "each connection, of which only the TLS SNI, a proxy CONNECT target or an HTTP method, Host and path are "
            + "kept, with the connection. Without the probe, /proc is sampled every 200 ms, so a connection that stays "
            + "open 250 ms or more is not missed; the status says why the probe is not used. Destinations are "
            + "attributed from --resolve pins, /etc/hosts (node and container), forward DNS of the catalogue's "
            + "hostnames, published provider ranges and distinctive model-server ports (all address evidence, marked "
            + "weak); never from wide address blocks. Connections to private addresses nothing attributed are "
            + "listed as in-cluster, for scan-all and the operator to name through the cluster's Services and pods. "
            + "Read-only; run as root (or with CAP_SYS_PTRACE) to see every process's sockets.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith sensor                          observe 10 s, print a table",
        "  wraith sensor --duration 60 --format json -o ai.jsonl",
        "  wraith sensor --watch --format json    one JSON line per observation,",
        "                                         window after window",
        "  wraith sensor --resolve api.openai.com=10.0.0.7 \\",
        "      --resolve api.anthropic.com=10.0.0.8:8443",
        "                                         through an egress proxy or a stand-in",
        "  wraith sensor --proc-root /host/proc   in a DaemonSet with the host's /proc",
        "  wraith sensor --probe ebpf             the eBPF probe or nothing (exit 3)",
        "  wraith sensor --serve :9478 --duration 60",
        "                                         keep observing; serve the last",
        "                                         windows at GET /observations"
    })
final class SensorCommand implements Callable<Integer>, ExitCodes.Documented {
  @Override
  public ExitCodes.Help exitCodes() {
    return ExitCodes.help().usage(ExitCodes.OUTPUT)
        .failed("the proc root could not be read", "--probe ebpf and the probe cannot load");
  }

  @Mixin FormatOptions format = new FormatOptions("table", "json");
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin CatalogueOptions catalogue = new CatalogueOptions();

  @Mixin HostOptions host = new HostOptions();

  @Option(names = "--watch", description = "Observe window after window until stopped, writing each as it ends.")
  boolean watch;

  @Mixin ResolveOptions resolve = new ResolveOptions();

  @Option(names = "--interval", paramLabel = "MILLIS", defaultValue = "200",
      description = "Time between /proc samples, 50 to 250 ms (not used by the eBPF probe). Default: ${DEFAULT-VALUE}.")
  int intervalMillis;

  @Option(names = "--include-hashes", description = "Write entry-script SHA-256 hashes into the output. Off by default: "
      + "the hash identifies code exactly and stays on the node unless asked for.")
  boolean includeHashes;

  @Option(names = "--serve", paramLabel = "[HOST]:PORT", defaultValue = "${env:WRAITH_SERVE}",
      description = "Observe window after window and serve, read-only over HTTP, the JSON Lines of the windows that "
          + "ended within --retain at GET /observations, and liveness at GET /healthz (503 once no window ended for "
          + "three windows). Nothing is written to standard output except with --output. Env: WRAITH_SERVE.")
  String serve;

  @Option(names = "--retain", paramLabel = "SECONDS", defaultValue = "600",
      description = "With --serve: how long finished windows stay available; at least the scanner's interval. "
          + "Default: ${DEFAULT-VALUE}.")
  long retainSeconds;

  @Override
  public Integer call() throws Exception {
    Duration window = host.duration();
    if (intervalMillis < 50 || intervalMillis > 250) throw new Main.UsageProblem("--interval must be between 50 and 250 ms");
    if (!Files.isDirectory(host.procRoot)) throw new Main.UsageProblem(host.procRoot + ": not a directory");
    List<Pin> pins = resolve.pins();
    Catalogue cat = catalogue.load();
    Reporter<SensorWindow> reporter = reporter(Registry.sensorReporters(includeHashes, dev.wraith.redact.Redactor.of(cat)));
    var tool = new ScanReport.Tool("wraith", Main.toolVersion(), cat.version(), cat.schema());
    if (serve != null && !serve.isBlank()) return serve(cat, pins, tool, window);
    try (HostSession layer = open(cat, pins); OutputStream out = output.open()) {
      do {
        HostScan scan = layer.observe(window, Duration.ofMillis(intervalMillis));
        reporter.write(new SensorWindow(tool, scan, layer.lastDnsAnswers()), out);
        out.flush();
        if (scan.status().state() == LayerStatus.State.FAILED) return Main.LAYER_FAILED;
      } while (watch);
    }
    return Main.OK;
  }

  /** --serve: windows go to the buffer (always JSON) and, only if --output is given, to that file as well. */
  private int serve(Catalogue cat, List<Pin> pins, ScanReport.Tool tool, Duration window) throws Exception {
    if (retainSeconds < 1) throw new Main.UsageProblem("--retain must be at least 1 second");
    java.net.InetSocketAddress address;
    try {
      address = HttpEndpoint.parseAddress(serve);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageProblem("--serve: " + e.getMessage());
    }
    dev.wraith.redact.Redactor redactor = dev.wraith.redact.Redactor.of(cat);
    Reporter<SensorWindow> json = new SensorJsonReporter(includeHashes, redactor);
    Reporter<SensorWindow> file = output.toStdout() ? null : reporter(Registry.sensorReporters(includeHashes, redactor));
    var buffer = new ObservationBuffer(Duration.ofSeconds(retainSeconds), window.multipliedBy(3).plusSeconds(30),
        java.time.Clock.systemUTC());
    try (HostSession layer = open(cat, pins);
        HttpEndpoint endpoint = HttpEndpoint.start(address, buffer.routes());
        OutputStream out = file == null ? OutputStream.nullOutputStream() : output.open()) {
      if (host.probe == ProbeMode.EBPF && layer.probeUnavailable().isPresent()) return Main.LAYER_FAILED; // said by open()
      System.err.println("wraith sensor: serving /observations and /healthz on port " + endpoint.port());
      while (!Thread.currentThread().isInterrupted()) {
        HostScan scan;
        try {
          scan = layer.observe(window, Duration.ofMillis(intervalMillis));
        } catch (InterruptedException e) {
          break; // stopped (tests, embedding); a pod is stopped by SIGTERM, which ends the JVM
        }
        var bytes = new java.io.ByteArrayOutputStream();
        json.write(new SensorWindow(tool, scan, layer.lastDnsAnswers()), bytes);
        buffer.add(scan.end(), bytes.toByteArray());
        if (file != null) {
          file.write(new SensorWindow(tool, scan, layer.lastDnsAnswers()), out);
          out.flush();
        }
        // --probe ebpf whose probe stopped: every next window would fail at once; exit so the pod restarts
        if (host.probe == ProbeMode.EBPF && scan.status().state() == LayerStatus.State.FAILED) return Main.LAYER_FAILED;
      }
    }
    return Main.OK;
  }

  /** The host layer with the chosen probe; --probe ebpf that cannot load is said on stderr (the status says it too). */
  private HostSession open(Catalogue cat, List<Pin> pins) {
    HostSession layer = HostSession.open(cat, host.procRoot, pins, !host.noDns, host.probe);
    if (host.probe == ProbeMode.EBPF && layer.probeUnavailable().isPresent()) {
      System.err.println(dev.wraith.redact.Redactor.of(cat).text("wraith sensor: --probe ebpf: the eBPF probe cannot load: "
          + layer.probeUnavailable().get()));
    }
    return layer;
  }

  private Reporter<SensorWindow> reporter(List<Reporter<SensorWindow>> reporters) {
    return format.select(reporters, Reporter::format);
  }
}

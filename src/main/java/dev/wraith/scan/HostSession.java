package dev.wraith.scan;

import dev.wraith.attribution.Attributor;
import dev.wraith.attribution.DnsAnswerRecord;
import dev.wraith.attribution.DnsCache;
import dev.wraith.attribution.Pin;
import dev.wraith.attribution.Resolver;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.host.LiveProcFs;
import dev.wraith.host.Sensor;
import dev.wraith.host.ebpf.LoaderProbe;
import dev.wraith.host.ebpf.ProbeMode;
import dev.wraith.host.ebpf.ProbeRestarts;
import dev.wraith.host.ebpf.ProbeSensor;
import dev.wraith.host.ebpf.ProbeStart;
import dev.wraith.host.ebpf.ProbeWindow;
import dev.wraith.host.ebpf.SupervisedProbe;
import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One open host layer (scan-all's {@link HostLayer}, {@code wraith sensor}): the eBPF probe or the /proc sampler over
 * a proc root (see {@link ProbeMode}), with the catalogue's attribution (pins, hosts files, a background DNS cache
 * unless disabled, published ranges, model-server ports). Open once, observe one or many windows, close to stop the probe and the DNS refresher.
 */
public final class HostSession implements AutoCloseable {
  /** How long a forward-resolved answer is trusted, and how long one lookup may take. */
  static final Duration DNS_TTL = Duration.ofSeconds(60), DNS_TIMEOUT = Duration.ofSeconds(2);

  /** At most this many processes are listed for MCP server discovery. */
  static final int MAX_PROCESSES = 50_000;

  private final Sensor sensor;
  private Optional<ProbeSensor> probe;
  /** Why the eBPF probe is not used (auto), or why the layer cannot run (--probe ebpf). */
  private Optional<String> probeUnavailable;
  private final ProbeMode mode;
  private final Optional<DnsCache> dns;
  private final LiveProcFs proc;
  private final Redactor redactor;
  private Optional<ProbeWindow> lastWindow = Optional.empty();

  private HostSession(Sensor sensor, Optional<ProbeSensor> probe, Optional<String> unavailable, ProbeMode mode,
      Optional<DnsCache> dns, LiveProcFs proc, Redactor redactor) {
    this.sensor = sensor;
    this.probe = probe;
    this.probeUnavailable = unavailable;
    this.mode = mode;
    this.redactor = redactor;
    this.dns = dns;
    this.proc = proc;
  }

  /** The /proc sampler only (offline roots, tests). */
  public static HostSession open(Catalogue catalogue, Path procRoot, List<Pin> pins, boolean resolveDns) {
    return open(catalogue, procRoot, pins, resolveDns, ProbeMode.PROC);
  }

  /**
   * With {@code mode} AUTO or EBPF the eBPF probe is started here (it needs this process's privileges); a loader that
   * stops is restarted as a long-running sensor's is ({@link ProbeRestarts#LONG_RUNNING}).
   */
  public static HostSession open(Catalogue catalogue, Path procRoot, List<Pin> pins, boolean resolveDns, ProbeMode mode) {
    return open(catalogue, procRoot, pins, resolveDns, mode, ProbeRestarts.LONG_RUNNING);
  }

  /** As above, a stopped loader restarted as {@code restarts} says (scan-all's one window: {@link ProbeRestarts#ONE_SHOT}). */
  public static HostSession open(Catalogue catalogue, Path procRoot, List<Pin> pins, boolean resolveDns, ProbeMode mode,
      ProbeRestarts restarts) {
    Redactor redactor = Redactor.of(catalogue);
    return open(catalogue, procRoot, pins, resolveDns, mode,
        () -> SupervisedProbe.start(() -> LoaderProbe.start(redactor), restarts, Clock.systemUTC()));
  }

  /** @param starter starts the probe (the loader; a fixture in tests) */
  static HostSession open(Catalogue catalogue, Path procRoot, List<Pin> pins, boolean resolveDns, ProbeMode mode,
      Supplier<ProbeStart> starter) {
    Optional<DnsCache> dns = resolveDns
        ? Optional.of(new DnsCache(Attributor.resolvableHosts(catalogue), Resolver.system(), DNS_TTL, DNS_TIMEOUT,
            Clock.systemUTC()).start())
        : Optional.empty();
    Attributor attributor = new Attributor(catalogue, pins, dns);
    LiveProcFs proc = new LiveProcFs(procRoot);
    Supplier<List<String>> notes = () -> dns.map(d -> List.of(d.summary())).orElse(List.of("DNS cache: off (--no-dns)"));
    Redactor redactor = Redactor.of(catalogue);
    Sensor sensor = new Sensor(proc, attributor, redactor, Clock.systemUTC(), notes);
    if (mode == ProbeMode.PROC) return new HostSession(sensor, Optional.empty(), Optional.empty(), mode, dns, proc, redactor);
    Optional<String> notLive = notThisKernel(procRoot);
    ProbeStart start = notLive.<ProbeStart>map(ProbeStart.Unavailable::new).orElseGet(starter);
    if (start instanceof ProbeStart.Started s) {
      ProbeSensor ps = new ProbeSensor(s.probe(), proc, procRoot, attributor, nodeName(procRoot), redactor, Clock.systemUTC(),
          notes);
      return new HostSession(sensor, Optional.of(ps), Optional.empty(), mode, dns, proc, redactor);
    }
    String why = ((ProbeStart.Unavailable) start).reason();
    return new HostSession(sensor, Optional.empty(), Optional.of(why), mode, dns, proc, redactor);
  }

  /** Why the eBPF probe is not in use, if it is not (also when --probe proc chose it so: empty then). */
  public Optional<String> probeUnavailable() {
    return probeUnavailable;
  }

  /**
   * One window. A probe that stops and cannot be restarted fails its window; with AUTO the next windows sample /proc, saying why, and with
   * EBPF they fail at once. A /proc window says that it saw no names.
   */
  public HostScan observe(Duration window, Duration interval) throws InterruptedException {
    lastWindow = Optional.empty();
    if (probe.isPresent()) {
      ProbeWindow w = probe.get().observe(window);
      lastWindow = Optional.of(w);
      Optional<String> stopped = probe.get().stopped();
      if (stopped.isPresent()) {
        probe.get().close();
        probe = Optional.empty();
        probeUnavailable = Optional.of("it stopped: " + stopped.get());
      }
      return w.scan();
    }
    if (mode == ProbeMode.EBPF) {
      String why = "eBPF probe unavailable: " + probeUnavailable.orElse("unknown") + " (--probe ebpf; --probe auto falls back to /proc)";
      java.time.Instant now = java.time.Instant.now();
      return new HostScan(proc.describe(), now, now, List.of(), List.of(), LayerStatus.failed(Sensor.LAYER, why),
          new HostScan.Stats(0, 0, 0, 0, 0));
    }
    HostScan scan = sensor.observe(window, interval);
    List<String> warnings = new ArrayList<>();
    probeUnavailable.ifPresent(why -> warnings.add("eBPF probe unavailable: " + why + "; sampling /proc every "
        + interval.toMillis() + " ms"));
    warnings.addAll(scan.status().warnings());
    warnings.add(NO_NAMES);
    LayerStatus s = scan.status();
    return new HostScan(scan.procRoot(), scan.start(), scan.end(), scan.observations(), scan.unowned(), scan.inCluster(),
        new LayerStatus(s.layer(), s.state(), s.reason(), warnings, s.notes()), scan.stats());
  }

  /** The status line of every /proc window. */
  static final String NO_NAMES = "names not seen: without the eBPF probe, the TLS SNI, proxy CONNECT targets, HTTP Host "
      + "headers and DNS answers of processes are not read, so destinations are attributed by address only";

  /** The last window's probed connections and DNS answers, when the eBPF probe observed it. */
  public Optional<ProbeWindow> lastProbeWindow() {
    return lastWindow;
  }

  /** The DNS answers the last window recorded (eBPF probe only; empty otherwise), for the sensor's dns-answer lines. */
  public List<DnsAnswerRecord> lastDnsAnswers() {
    return lastWindow.map(ProbeWindow::answers).orElse(List.of());
  }

  /** Every process now (argv masked as the sensor masks it), for MCP server discovery. */
  public List<dev.wraith.model.ProcessInfo> processes() throws IOException {
    return dev.wraith.host.ProcessList.snapshot(proc, MAX_PROCESSES, redactor);
  }

  @Override
  public void close() {
    probe.ifPresent(ProbeSensor::close);
    dns.ifPresent(DnsCache::close);
  }

  /** The probe sees this kernel's processes: a proc root that is not this kernel's procfs (a fixture) cannot use it. */
  private static Optional<String> notThisKernel(Path procRoot) {
    try {
      if (Files.getFileStore(procRoot).type().equals("proc")) return Optional.empty();
    } catch (IOException e) {
      // fall through
    }
    return Optional.of(procRoot + " is not a live proc filesystem (a fixture or a copy), and the probe sees the running kernel");
  }

  /** $NODE_NAME (the downward API in a DaemonSet), else the kernel's hostname. */
  private static String nodeName(Path procRoot) {
    String env = System.getenv("NODE_NAME");
    if (env != null && !env.isBlank()) return env.trim();
    try {
      return Files.readString(procRoot.resolve("sys/kernel/hostname")).trim();
    } catch (IOException e) {
      return "";
    }
  }
}

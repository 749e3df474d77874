package dev.wraith.incluster;

import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Gathers the node sensors' observations without exec: lists the sensor pods through the API, then GETs
 * {@code http://POD-IP:PORT/observations} from each, a few nodes at a time, with connect and request timeouts, a
 * deadline for the whole answer and a size cap; the answer is read line by line as it arrives (never held whole). A
 * node that is not running, not reachable or answers garbage is a warning; the layer fails only when no node answered.
 */
public final class SensorCollector {
  static final int PARALLEL = 8;
  static final long MAX_BYTES = 64L << 20;
  /** How long one node's whole answer may take, headers and body, beyond which it counts as unreachable. */
  static final Duration DEADLINE = Duration.ofSeconds(60);

  /** GETs one URL; the real one is {@link #http(Duration, Duration)}. */
  @FunctionalInterface
  public interface Fetcher {
    /** The body of a 200 answer, to be read (and closed) by the caller; anything else is an IOException. */
    InputStream get(URI uri) throws IOException, InterruptedException;
  }

  private final SensorPods pods;
  private final Fetcher fetcher;
  private final int port;
  private final SensorJsonReader reader = new SensorJsonReader();

  public SensorCollector(SensorPods pods, Fetcher fetcher, int port) {
    this.pods = pods;
    this.fetcher = fetcher;
    this.port = port;
  }

  public SensorCollection collect() throws InterruptedException {
    List<SensorPods.SensorPod> found;
    try {
      found = pods.list();
    } catch (RuntimeException e) {
      System.getLogger(SensorCollector.class.getName()).log(System.Logger.Level.DEBUG, "listing sensor pods", e);
      return new SensorCollection(List.of(), LayerStatus.failed("host", "cannot list sensor pods (" + pods.describe() + "): "
          + (e.getMessage() == null ? "an internal error (run with --debug for details)" : e.getMessage())));
    }
    if (found.isEmpty()) {
      return new SensorCollection(List.of(), LayerStatus.skipped("host", "no sensor pods (" + pods.describe() + ")"));
    }
    List<SensorCollection.NodeScan> scans = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int answered = 0;
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, found.size()));
    try {
      List<Future<NodeResult>> futures = new ArrayList<>();
      for (SensorPods.SensorPod p : found) futures.add(pool.submit(() -> fetch(p)));
      for (Future<NodeResult> f : futures) {
        NodeResult r = join(f);
        scans.addAll(r.scans());
        warnings.addAll(r.warnings());
        notes.addAll(r.notes());
        if (r.answered()) answered++;
      }
    } finally {
      pool.shutdownNow();
    }
    if (answered == 0) return new SensorCollection(List.of(), new LayerStatus("host", LayerStatus.State.FAILED,
        "no sensor answered (" + found.size() + " pods)", warnings));
    return new SensorCollection(scans, LayerStatus.ran("host", warnings).withNotes(notes));
  }

  /** The real fetcher: JDK HTTP client, no redirects, bounded connect and request time, at most {@value #MAX_BYTES} bytes. */
  public static Fetcher http(Duration connectTimeout, Duration requestTimeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    return uri -> {
      HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      if (r.statusCode() != 200) {
        r.body().close();
        throw new IOException("answered HTTP " + r.statusCode());
      }
      return new Capped(r.body());
    };
  }

  /** A body that stops with a plain sentence beyond {@value #MAX_BYTES} bytes. */
  private static final class Capped extends java.io.FilterInputStream {
    private long read;

    Capped(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0 && (read += n) > MAX_BYTES) throw new IOException("answer larger than " + (MAX_BYTES >> 20) + " MiB");
      return n;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }
  }

  private record NodeResult(boolean answered, List<SensorCollection.NodeScan> scans, List<String> warnings,
      List<String> notes) {
    static NodeResult unanswered(String warning) {
      return new NodeResult(false, List.of(), List.of(warning), List.of());
    }
  }

  private NodeResult fetch(SensorPods.SensorPod p) throws InterruptedException {
    String where = "node " + (p.node().isEmpty() ? "?" : p.node()) + " (" + p.name() + ")";
    if (p.ip().isEmpty() || !p.phase().equals("Running")) {
      return NodeResult.unanswered(where + ": sensor not running (" + p.phase() + ")");
    }
    String host = dev.wraith.model.HostPort.bracketed(p.ip());
    SensorJsonReader.Result r;
    try (InputStream body = fetcher.get(URI.create("http://" + host + ":" + port + "/observations"))) {
      r = reader.read(body);
    } catch (IOException | RuntimeException e) {
      return NodeResult.unanswered(where + ": unreachable: " + unreachable(e));
    }
    List<String> warnings = new ArrayList<>();
    r.warnings().forEach(w -> warnings.add(where + ": " + w));
    warnings.addAll(incomplete(where, r.scans()));
    List<SensorCollection.NodeScan> scans = r.scans().stream()
        .map(s -> new SensorCollection.NodeScan(p.node(), p.name(), s)).toList();
    if (scans.isEmpty() && warnings.isEmpty()) warnings.add(where + ": no finished window yet");
    List<String> notes = r.scans().stream().max(java.util.Comparator.comparing(HostScan::end))
        .map(last -> last.status().notes().stream().map(n -> where + ", last window: " + n).toList()).orElse(List.of());
    return new NodeResult(true, scans, warnings, notes);
  }

  /**
   * The windows a sensor itself reported partial or failed (the probe restarted, fell back to /proc sampling, a
   * process table could not be read): one warning per distinct state and reason, with how many of the node's windows
   * it held for and when, so a problem a sensor saw is the host layer's problem too and not lost on the way.
   */
  static List<String> incomplete(String where, List<HostScan> windows) {
    Map<String, List<HostScan>> byReason = new java.util.TreeMap<>();
    for (HostScan w : windows) {
      if (w.status().incomplete()) byReason.computeIfAbsent(why(w.status()), k -> new ArrayList<>()).add(w);
    }
    List<String> out = new ArrayList<>();
    byReason.forEach((reason, ws) -> {
      Instant from = ws.stream().map(HostScan::start).min(Instant::compareTo).orElseThrow();
      Instant to = ws.stream().map(HostScan::end).max(Instant::compareTo).orElseThrow();
      out.add(where + ": " + ws.size() + " of " + dev.wraith.model.Counted.of(windows.size(), "window") + " " + reason
          + ", between " + from + " and " + to);
    });
    return out;
  }

  /** "partial (reason)"; a status with warnings and no reason names its first warning. */
  private static String why(LayerStatus s) {
    if (!s.reason().isEmpty() || s.warnings().isEmpty()) return s.stateAndReason();
    return s.state().id() + " (" + s.warnings().get(0) + ")";
  }

  /** Why a sensor could not be read, in words (the exception's class and text go to --debug only). */
  static String unreachable(Exception e) {
    System.getLogger(SensorCollector.class.getName()).log(System.Logger.Level.DEBUG, "fetching observations", e);
    if (e instanceof java.net.http.HttpConnectTimeoutException) return "connection timed out";
    if (e instanceof java.net.http.HttpTimeoutException) return "no answer within the request timeout";
    if (e instanceof java.net.ConnectException) return "connection refused or no route to the pod";
    if (e instanceof java.net.UnknownHostException) return "unknown host";
    if (e instanceof java.io.InterruptedIOException) return "the answer took longer than " + DEADLINE.toSeconds() + " s";
    if (e instanceof IOException && e.getMessage() != null
        && (e.getMessage().startsWith("answered HTTP") || e.getMessage().startsWith("answer larger"))) {
      return e.getMessage();
    }
    return e instanceof IOException ? "the connection failed (run with --debug for details)"
        : "an internal error (run with --debug for details)";
  }

  /** Waits for one node within {@link #DEADLINE} from now; a node that takes longer is cut off (its thread interrupted). */
  private static NodeResult join(Future<NodeResult> f) throws InterruptedException {
    try {
      return f.get(DEADLINE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      f.cancel(true);
      return NodeResult.unanswered("a sensor took longer than " + DEADLINE.toSeconds() + " s to answer; cut off");
    } catch (java.util.concurrent.ExecutionException e) {
      System.getLogger(SensorCollector.class.getName()).log(System.Logger.Level.DEBUG, "sensor fetch", e.getCause());
      return NodeResult.unanswered("sensor fetch failed: an internal error (run with --debug for details)");
    }
  }
}

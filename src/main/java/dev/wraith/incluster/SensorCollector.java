package dev.wraith.incluster;

import dev.wraith.model.LayerStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Gathers the node sensors' observations without exec: lists the sensor pods through the API, then GETs
 * {@code http://POD-IP:PORT/observations} from each, a few nodes at a time, with connect and request timeouts and a
 * size cap. A node that is not running, not reachable or answers garbage is a warning; the layer fails only when no
 * node answered.
 */
public final class SensorCollector {
  static final int PARALLEL = 8;
  static final long MAX_BYTES = 64L << 20;

  /** GETs one URL; the real one is {@link #http(Duration, Duration)}. */
  @FunctionalInterface
  public interface Fetcher {
    String get(URI uri) throws IOException, InterruptedException;
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
      return new SensorCollection(List.of(), LayerStatus.failed("host", "cannot list sensor pods (" + pods.describe() + "): " + e.getMessage()));
    }
    if (found.isEmpty()) {
      return new SensorCollection(List.of(), LayerStatus.skipped("host", "no sensor pods (" + pods.describe() + ")"));
    }
    List<SensorCollection.NodeScan> scans = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int answered = 0;
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, found.size()));
    try {
      List<Future<NodeResult>> futures = new ArrayList<>();
      for (SensorPods.SensorPod p : found) futures.add(pool.submit(() -> fetch(p)));
      for (Future<NodeResult> f : futures) {
        NodeResult r = join(f);
        scans.addAll(r.scans());
        warnings.addAll(r.warnings());
        if (r.answered()) answered++;
      }
    } finally {
      pool.shutdownNow();
    }
    if (answered == 0) return new SensorCollection(List.of(), new LayerStatus("host", LayerStatus.State.FAILED,
        "no sensor answered (" + found.size() + " pods)", warnings));
    return new SensorCollection(scans, LayerStatus.ran("host", warnings));
  }

  /** The real fetcher: JDK HTTP client, no redirects, bounded connect and request time, at most {@value #MAX_BYTES} bytes. */
  public static Fetcher http(Duration connectTimeout, Duration requestTimeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    return uri -> {
      HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        byte[] body = in.readNBytes((int) MAX_BYTES + 1);
        if (r.statusCode() != 200) throw new IOException("HTTP " + r.statusCode());
        if (body.length > MAX_BYTES) throw new IOException("answer larger than " + (MAX_BYTES >> 20) + " MiB");
        return new String(body, StandardCharsets.UTF_8);
      }
    };
  }

  private record NodeResult(boolean answered, List<SensorCollection.NodeScan> scans, List<String> warnings) {}

  private NodeResult fetch(SensorPods.SensorPod p) throws InterruptedException {
    String where = "node " + (p.node().isEmpty() ? "?" : p.node()) + " (" + p.name() + ")";
    if (p.ip().isEmpty() || !p.phase().equals("Running")) {
      return new NodeResult(false, List.of(), List.of(where + ": sensor not running (" + p.phase() + ")"));
    }
    String host = p.ip().contains(":") ? "[" + p.ip() + "]" : p.ip();
    String text;
    try {
      text = fetcher.get(URI.create("http://" + host + ":" + port + "/observations"));
    } catch (IOException | RuntimeException e) {
      return new NodeResult(false, List.of(), List.of(where + ": unreachable: " + e));
    }
    SensorJsonReader.Result r = reader.read(text);
    List<String> warnings = new ArrayList<>();
    r.warnings().forEach(w -> warnings.add(where + ": " + w));
    List<SensorCollection.NodeScan> scans = r.scans().stream()
        .map(s -> new SensorCollection.NodeScan(p.node(), p.name(), s)).toList();
    if (scans.isEmpty() && warnings.isEmpty()) warnings.add(where + ": no finished window yet");
    return new NodeResult(true, scans, warnings);
  }

  private static NodeResult join(Future<NodeResult> f) throws InterruptedException {
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      return new NodeResult(false, List.of(), List.of("sensor fetch failed: " + e.getCause()));
    }
  }
}

package dev.wraith.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket from java.net.http; no Selenium): open a page,
 * evaluate JavaScript, type, take screenshots, and collect every console error, uncaught exception and browser log
 * error (CSP violations included). One browser per instance, its profile under target/.
 */
final class HtmlBrowser implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();
  /** Console errors, uncaught exceptions and log errors, as text. */
  final List<String> errors = new CopyOnWriteArrayList<>();

  /** The chromium binary on PATH (Debian's {@code chromium}, or a Chrome), or WRAITH_CHROMIUM. */
  static Optional<Path> binary() {
    String override = System.getenv("WRAITH_CHROMIUM");
    if (override != null && !override.isBlank()) return Optional.of(Path.of(override));
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator, -1)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  HtmlBrowser(Path binary, Path profile) throws Exception {
    Files.createDirectories(profile);
    process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
        "--disable-background-networking", "--disable-sync", "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900",
        "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String browserUrl = devToolsUrl();
    URI base = URI.create(browserUrl.replaceFirst("^ws://([^/]+)/.*$", "http://$1"));
    HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    String pageUrl = null;
    for (int attempt = 0; attempt < 50 && pageUrl == null; attempt++) {
      String body = http.send(HttpRequest.newBuilder(base.resolve("/json/list")).timeout(TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      for (JsonNode t : JSON.readTree(body)) {
        if (t.path("type").asText().equals("page")) pageUrl = t.path("webSocketDebuggerUrl").asText();
      }
      if (pageUrl == null) Thread.sleep(100);
    }
    if (pageUrl == null) throw new IllegalStateException("chromium opened no page");
    socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Listener()).get(60, TimeUnit.SECONDS);
    call("Runtime.enable", Map.of());
    call("Log.enable", Map.of());
    call("Page.enable", Map.of());
  }

  /** Navigates and waits for the load event. */
  void open(URI uri) throws Exception {
    CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
    awaited.put("Page.loadEventFired", loaded);
    call("Page.navigate", Map.of("url", uri.toString()));
    loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The value of a JavaScript expression (awaited if a promise); a thrown exception fails the call. */
  JsonNode eval(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (r.has("exceptionDetails")) throw new AssertionError("page threw: " + r.path("exceptionDetails"));
    return r.path("result").path("value");
  }

  /** Types into the focused element as a user would (input events fire). */
  void type(String text) throws Exception {
    call("Input.insertText", Map.of("text", text));
  }

  /** A full-page PNG, 1280 pixels wide. */
  byte[] screenshot() throws Exception {
    return screenshot(1280);
  }

  /** A full-page PNG {@code width} CSS pixels wide (the layout reflows to that width first). */
  byte[] screenshot(int width) throws Exception {
    viewport(width, 900);
    JsonNode metrics = call("Page.getLayoutMetrics", Map.of());
    int height = (int) Math.ceil(metrics.path("cssContentSize").path("height").asDouble(900));
    viewport(width, Math.min(height, 12000));
    JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
    return java.util.Base64.getDecoder().decode(shot.path("data").asText());
  }

  /** Lays the page out in a window of this size. */
  void viewport(int width, int height) throws Exception {
    call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
        "mobile", false));
  }

  void emulateDarkMode(boolean dark) throws Exception {
    call("Emulation.setEmulatedMedia", Map.of("features",
        List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
  }

  JsonNode call(String method, Map<String, ?> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(JSON.writeValueAsString(msg), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    JsonNode r = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (r.has("error")) throw new IllegalStateException(method + ": " + r.path("error"));
    return r.path("result");
  }

  @Override
  public void close() {
    try {
      if (socket != null) socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the browser is destroyed below either way
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String devToolsUrl() throws IOException {
    BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    String line;
    while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain = new Thread(() -> {
          try {
            while (err.readLine() != null) { /* keep chromium's stderr pipe from filling */ }
          } catch (IOException e) {
            // the browser exited
          }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
      seen.append(line).append('\n');
    }
    throw new IllegalStateException("chromium printed no DevTools address:\n" + seen);
  }

  private void event(JsonNode msg) {
    String method = msg.path("method").asText();
    JsonNode p = msg.path("params");
    switch (method) {
      case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
      case "Runtime.consoleAPICalled" -> {
        String type = p.path("type").asText();
        if (type.equals("error") || type.equals("assert")) errors.add("console." + type + ": " + p.path("args"));
      }
      case "Log.entryAdded" -> {
        if (p.path("entry").path("level").asText().equals("error")) errors.add("log: " + p.path("entry").path("text").asText());
      }
      default -> { }
    }
    CompletableFuture<JsonNode> waiter = awaited.remove(method);
    if (waiter != null) waiter.complete(p);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        try {
          JsonNode msg = JSON.readTree(buffer.toString());
          if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(msg.path("id").asInt());
            if (f != null) f.complete(msg);
          } else {
            event(msg);
          }
        } catch (IOException e) {
          errors.add("unreadable DevTools message: " + e.getMessage());
        }
        buffer.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}

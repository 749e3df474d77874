package dev.wraith.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * An HTTP endpoint on loopback (JDK HttpServer) that answers each POST with the next scripted behaviour, then with
 * the fallback: 200, an error status, a reset (the connection closed without an answer), or a slow answer. It keeps
 * every request it acknowledged with 2xx (body and headers), and counts all of them.
 */
public final class ScriptedEndpoint implements AutoCloseable {
  /** What the endpoint does with one request. */
  public sealed interface Behaviour permits Status, Reset, Slow {}

  public record Status(int code, String retryAfter) implements Behaviour {}

  public record Reset() implements Behaviour {}

  /** Waits {@code millis}, then answers 503 (the client has given up by then). */
  public record Slow(long millis) implements Behaviour {}

  public record Received(String path, String body, String authorization, String contentType) {}

  public static final Behaviour OK = new Status(200, null);
  public static final Behaviour BUSY = new Status(503, null);

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Behaviour> script;
  private final Behaviour fallback;
  private final List<Received> accepted = Collections.synchronizedList(new ArrayList<>());
  private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

  public ScriptedEndpoint(List<Behaviour> script, Behaviour fallback) throws IOException {
    this.script = new ConcurrentLinkedQueue<>(script);
    this.fallback = fallback;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::handle);
    server.start();
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public List<Received> accepted() {
    return List.copyOf(accepted);
  }

  public int requests() {
    return requests.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Behaviour b = script.poll();
    if (b == null) b = fallback;
    if (b instanceof Reset) {
      ex.close(); // no status line: the client sees the connection end
      return;
    }
    if (b instanceof Slow s) {
      try {
        Thread.sleep(s.millis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      respond(ex, 503, null);
      return;
    }
    Status st = (Status) b;
    if (st.code() / 100 == 2) {
      accepted.add(new Received(ex.getRequestURI().getPath(), body, ex.getRequestHeaders().getFirst("Authorization"),
          ex.getRequestHeaders().getFirst("Content-Type")));
    }
    respond(ex, st.code(), st.retryAfter());
  }

  private static void respond(HttpExchange ex, int code, String retryAfter) throws IOException {
    byte[] text = ("{\"text\":\"" + (code / 100 == 2 ? "Success" : "Server is busy") + "\",\"code\":" + (code / 100 == 2 ? 0 : 9)
        + "}").getBytes(StandardCharsets.UTF_8);
    if (retryAfter != null) ex.getResponseHeaders().add("Retry-After", retryAfter);
    try {
      ex.sendResponseHeaders(code, text.length);
      ex.getResponseBody().write(text);
    } catch (IOException gone) {
      // the client gave up (slow answer)
    } finally {
      ex.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}

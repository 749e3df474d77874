package dev.wraith.incluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A read-only HTTP endpoint on the JDK's built-in server: GET (and HEAD) of a fixed set of paths, nothing else
 * (405 for other methods, 404 for other paths). Request bodies and query strings are ignored. Two daemon threads
 * serve, so a slow scraper cannot starve the sampler or the scan loop.
 */
public final class HttpEndpoint implements AutoCloseable {
  /** One answer. */
  public record Response(int status, String contentType, byte[] body) {
    public static Response text(int status, String text) {
      return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;

  private HttpEndpoint(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds and starts serving {@code routes} (path → response, computed per request). */
  public static HttpEndpoint start(InetSocketAddress address, Map<String, Supplier<Response>> routes) throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "wraith-http");
      t.setDaemon(true);
      return t;
    });
    Map<String, Supplier<Response>> table = new TreeMap<>(routes);
    server.createContext("/", exchange -> answer(exchange, table));
    server.setExecutor(executor);
    server.start();
    return new HttpEndpoint(server, executor);
  }

  /** ":9478" (every interface), "127.0.0.1:0", "[::1]:9090". */
  public static InetSocketAddress parseAddress(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) throw new IllegalArgumentException("expected [HOST]:PORT, got '" + text + "'");
    String host = text.substring(0, colon).replace("[", "").replace("]", "");
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in '" + text + "'", e);
    }
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range in '" + text + "'");
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void answer(HttpExchange exchange, Map<String, Supplier<Response>> routes) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      Supplier<Response> route = routes.get(exchange.getRequestURI().getPath());
      Response r;
      if (!method.equals("GET") && !method.equals("HEAD")) r = Response.text(405, "only GET\n");
      else if (route == null) r = Response.text(404, "not found; try " + String.join(", ", routes.keySet()) + "\n");
      else r = safely(route);
      exchange.getResponseHeaders().set("Content-Type", r.contentType());
      boolean head = method.equals("HEAD");
      exchange.sendResponseHeaders(r.status(), head ? -1 : (r.body().length == 0 ? -1 : r.body().length));
      if (!head && r.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(r.body());
        }
      }
    }
  }

  private static Response safely(Supplier<Response> route) {
    try {
      return route.get();
    } catch (RuntimeException e) {
      dev.wraith.files.Failures.describe(e, "serving a request"); // logged for --debug; the client learns nothing of it
      return Response.text(500, "internal error\n");
    }
  }
}

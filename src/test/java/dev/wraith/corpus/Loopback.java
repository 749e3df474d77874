package dev.wraith.corpus;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The corpus's servers and clients, all on loopback: nothing the corpus runs sends anything off this machine. */
final class Loopback {
  private Loopback() {}

  /**
   * A remote MCP server on loopback that refuses every request with 401 and echoes the token it was sent, in the body
   * and in WWW-Authenticate, as servers do; the probe's message about it must not carry the token.
   */
  static int remoteMcp(List<AutoCloseable> cleanup) throws IOException {
    var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] body = ("{\"error\":\"invalid token in " + exchange.getRequestURI() + " and " + auth + "\"}")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\", presented=\"" + auth + "\"");
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(401, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    cleanup.add(() -> server.stop(0));
    return server.getAddress().getPort();
  }

  /** A loopback listener standing in for an AI API: the planted process holds a connection to it. */
  static int aiEndpoint(List<AutoCloseable> cleanup) throws IOException {
    ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    cleanup.add(s);
    List<Socket> accepted = new ArrayList<>();
    cleanup.add(() -> {
      for (Socket a : accepted) a.close();
    });
    Thread t = new Thread(() -> {
      try {
        while (!s.isClosed()) accepted.add(s.accept());
      } catch (IOException closed) {
        // the test is over
      }
    }, "redact-corpus-listener");
    t.setDaemon(true);
    t.start();
    return s.getLocalPort();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static String poll(String url, Predicate<String> done) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        last = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        if (done.test(last)) return last;
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(300);
    }
    throw new AssertionError("no complete answer from " + url + " within 120 s; last: " + last);
  }

}

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

  /** An OCSF receiver on loopback: what it was sent (bodies, and the Authorization header apart, never an output). */
  record Receiver(int port, List<String> bodies, List<String> authorizations) {
    String url(String path) {
      return "http://127.0.0.1:" + port + path;
    }
  }

  /**
   * A webhook or Splunk HEC endpoint on loopback answering every POST with {@code status}; a refusal (4xx) echoes the
   * Authorization header it was sent in its body and in WWW-Authenticate, as careless servers do, and the delivery's
   * messages must not repeat it.
   */
  static Receiver ocsfReceiver(List<AutoCloseable> cleanup, int status) throws IOException {
    var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    List<String> bodies = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> authorizations = java.util.Collections.synchronizedList(new ArrayList<>());
    server.createContext("/", exchange -> {
      String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
      authorizations.add(auth);
      String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      byte[] answer = ("{\"text\":\"" + (status < 300 ? "Success" : "Invalid token " + auth) + "\",\"code\":" + status + "}")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (status < 300) bodies.add(body);
      else exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\", presented=\"" + auth + "\"");
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    cleanup.add(() -> server.stop(0));
    return new Receiver(server.getAddress().getPort(), bodies, authorizations);
  }

  /**
   * A loopback listener standing in for an AI API: the planted processes connect to it (again and again, or once and
   * briefly). The newest connections are kept open, older ones closed, so its sockets stay few.
   */
  static int aiEndpoint(List<AutoCloseable> cleanup) throws IOException {
    ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
    java.util.Deque<Socket> accepted = new java.util.ArrayDeque<>();
    cleanup.add(() -> {
      synchronized (accepted) {
        for (Socket a : accepted) a.close();
      }
    });
    cleanup.add(s); // closed first: the acceptor stops before the sockets are closed
    Thread t = new Thread(() -> {
      try {
        while (!s.isClosed()) {
          Socket a = s.accept();
          synchronized (accepted) {
            accepted.addLast(a);
            if (accepted.size() > 16) accepted.removeFirst().close();
          }
        }
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
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
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

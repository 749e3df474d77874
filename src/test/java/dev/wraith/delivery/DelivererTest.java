package dev.wraith.delivery;

import static dev.wraith.delivery.ScriptedEndpoint.BUSY;
import static dev.wraith.delivery.ScriptedEndpoint.OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Delivery to a real HTTP endpoint on loopback that fails (503, resets, slow answers), then recovers, or never does. */
class DelivererTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Secret TOKEN = new Secret("hec-token-8c1f2e");

  /** Short waits, so a test that retries six times takes well under a second of backoff. */
  private static DeliveryPolicy policy(int queue, int batch, Duration deadline) {
    return new DeliveryPolicy(queue, batch, 6, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(400),
        deadline);
  }

  private static List<String> findings(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("{\"class_uid\":2004,\"metadata\":{\"uid\":\"event-" + i + "\"},\"message\":\"finding " + i + "\"}");
    }
    return out;
  }

  @Test
  void aWebhookThatFailsThenRecoversGetsEveryFindingExactlyOnce() throws Exception {
    var script = List.of(BUSY, new ScriptedEndpoint.Reset(), new ScriptedEndpoint.Slow(1_500),
        new ScriptedEndpoint.Status(503, "0"), OK);
    try (ScriptedEndpoint endpoint = new ScriptedEndpoint(script, OK)) {
      Sink sink = new Sink.Webhook(endpoint.uri("/hooks/wraith"), Sink.Body.LINES, Optional.empty());
      DeliveryResult r = new Deliverer(sink, policy(100, 2, Duration.ofSeconds(20)), "wraith/test").deliver(findings(5));
      assertThat(r.delivered()).isEqualTo(5);
      assertThat(r.failed()).isZero();
      assertThat(r.dropped()).isZero();
      assertThat(r.requests()).isEqualTo(7); // five for the first batch, one each for the other two
      assertThat(r.complete()).isTrue();
      assertThat(r.line()).isEqualTo("OCSF delivery to webhook " + endpoint.uri("/hooks/wraith")
          + ": 5 delivered, 0 failed, 0 dropped (7 requests)");
      List<String> received = new ArrayList<>();
      for (ScriptedEndpoint.Received rec : endpoint.accepted()) {
        assertThat(rec.contentType()).isEqualTo("application/x-ndjson");
        assertThat(rec.authorization()).isNull();
        for (String line : rec.body().split("\n")) received.add(JSON.readTree(line).path("metadata").path("uid").asText());
      }
      assertThat(received).containsExactly("event-0", "event-1", "event-2", "event-3", "event-4");
    }
  }

  @Test
  void splunkHecGetsEventEnvelopesAndTheTokenOnlyInItsHeader() throws Exception {
    try (ScriptedEndpoint endpoint = new ScriptedEndpoint(List.of(BUSY), OK)) {
      Sink sink = new Sink.SplunkHec(Sink.endpoint(endpoint.uri("").toString(), true), TOKEN);
      DeliveryResult r = new Deliverer(sink, policy(100, 10, Duration.ofSeconds(20)), "wraith/test").deliver(findings(3));
      assertThat(r.complete()).isTrue();
      assertThat(r.requests()).isEqualTo(2);
      ScriptedEndpoint.Received rec = endpoint.accepted().get(0);
      assertThat(rec.path()).isEqualTo("/services/collector/event");
      assertThat(rec.authorization()).isEqualTo("Splunk hec-token-8c1f2e");
      String[] events = rec.body().split("\n");
      assertThat(events).hasSize(3);
      JsonNode first = JSON.readTree(events[0]);
      assertThat(first.path("event").path("class_uid").asInt()).isEqualTo(2004);
      assertThat(first.path("sourcetype").asText()).isEqualTo("ocsf:detection_finding");
      assertThat(first.path("source").asText()).isEqualTo("wraith");
      assertThat(r.line() + r + sink).doesNotContain("hec-token-8c1f2e");
    }
  }

  @Test
  void anEndpointThatNeverRecoversFailsWithinTheDeadlineAndCountsEverything() throws Exception {
    try (ScriptedEndpoint endpoint = new ScriptedEndpoint(List.of(), BUSY)) {
      Sink sink = new Sink.Webhook(endpoint.uri("/hook"), Sink.Body.ARRAY, Optional.of(TOKEN));
      DeliveryPolicy slowBackoff = new DeliveryPolicy(100, 2, 50, Duration.ofMillis(200), Duration.ofMillis(400),
          Duration.ofMillis(400), Duration.ofMillis(1_500));
      long start = System.nanoTime();
      DeliveryResult r = new Deliverer(sink, slowBackoff, "wraith/test").deliver(findings(5));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(took).isLessThan(Duration.ofMillis(1_500 + 1_000));
      assertThat(r.delivered()).isZero();
      assertThat(r.failed()).isEqualTo(5);
      assertThat(r.complete()).isFalse();
      assertThat(r.requests()).isGreaterThanOrEqualTo(2).isEqualTo(endpoint.requests());
      assertThat(r.line()).startsWith("OCSF delivery to webhook " + endpoint.uri("/hook") + ": 0 delivered, 5 failed, "
          + "0 dropped (").contains("last error: deadline passed (last: HTTP 503 (busy))")
          .doesNotContain("hec-token-8c1f2e");
      assertThat(endpoint.accepted()).isEmpty();
    }
  }

  @Test
  void aRefusedTokenEndsTheDeliveryAtOnceAndTheQueueBoundDrops() throws Exception {
    try (ScriptedEndpoint endpoint = new ScriptedEndpoint(List.of(), new ScriptedEndpoint.Status(403, null))) {
      Sink sink = new Sink.Webhook(endpoint.uri("/hook"), Sink.Body.LINES, Optional.of(TOKEN));
      DeliveryResult r = new Deliverer(sink, policy(4, 2, Duration.ofSeconds(20)), "wraith/test").deliver(findings(7));
      assertThat(r.requests()).isEqualTo(1);
      assertThat(r.failed()).isEqualTo(4);
      assertThat(r.dropped()).isEqualTo(3);
      assertThat(r.lastError()).contains("HTTP 403 (the endpoint refused the token; check WRAITH_OCSF_TOKEN_FILE or "
          + "WRAITH_OCSF_TOKEN)");
    }
    try (ScriptedEndpoint endpoint = new ScriptedEndpoint(List.of(), OK)) {
      Sink sink = new Sink.Webhook(endpoint.uri("/hook"), Sink.Body.ARRAY, Optional.of(TOKEN));
      DeliveryResult r = new Deliverer(sink, policy(4, 10, Duration.ofSeconds(20)), "wraith/test").deliver(findings(7));
      assertThat(r.delivered()).isEqualTo(4);
      assertThat(r.dropped()).isEqualTo(3);
      assertThat(r.line()).endsWith("4 delivered, 0 failed, 3 dropped (1 request); last error: 3 beyond the queue of 4");
      ScriptedEndpoint.Received rec = endpoint.accepted().get(0);
      assertThat(rec.authorization()).isEqualTo("Bearer hec-token-8c1f2e");
      assertThat(rec.contentType()).isEqualTo("application/json");
      JsonNode array = JSON.readTree(rec.body());
      assertThat(array.isArray()).isTrue();
      assertThat(array).extracting(n -> n.path("metadata").path("uid").asText())
          .containsExactly("event-0", "event-1", "event-2", "event-3");
    }
  }

  @Test
  void endpointsAreHttpWithoutCredentials() {
    assertThat(Sink.endpoint("https://splunk.acme.example:8088", true).toString())
        .isEqualTo("https://splunk.acme.example:8088/services/collector/event");
    assertThat(Sink.endpoint("https://splunk.acme.example:8088/services/collector/event", true).getPath())
        .isEqualTo("/services/collector/event");
    assertThat(Sink.endpoint("https://hooks.acme.example/wraith", false).getPath()).isEqualTo("/wraith");
    assertThatThrownBy(() -> Sink.endpoint("https://user:s3cret@hooks.acme.example/x", false))
        .hasMessageContaining("carries credentials").satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    assertThatThrownBy(() -> Sink.endpoint("ftp://hooks.acme.example/x", false)).hasMessageContaining("http or https");
    assertThat(new Secret("abc").toString()).isEqualTo("***");
  }

  /** Transport failures read as words, never as exception class names: a reset connection, TLS to a plain endpoint. */
  @Test
  void transportFailuresAreWordsNotExceptionClasses() throws Exception {
    try (ScriptedEndpoint endpoint = new ScriptedEndpoint(List.of(), new ScriptedEndpoint.Reset())) {
      Sink sink = new Sink.Webhook(endpoint.uri("/hook"), Sink.Body.LINES, Optional.empty());
      DeliveryResult r = new Deliverer(sink, new DeliveryPolicy(10, 10, 2, Duration.ofMillis(10), Duration.ofMillis(20),
          Duration.ofSeconds(2), Duration.ofSeconds(10)), "wraith/test").deliver(findings(1));
      assertThat(r.lastError()).contains("the connection was closed before an answer after 2 attempts");
    }
    // an endpoint that answers a TLS hello in plain HTTP, as an http server given an https URL does
    try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread answer = new Thread(() -> {
        try (java.net.Socket s = plain.accept()) {
          s.getInputStream().read(new byte[512]);
          s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
        } catch (java.io.IOException e) {
          // the client went away: nothing to answer
        }
      });
      answer.start();
      java.net.URI tls = java.net.URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/hook");
      DeliveryResult t = new Deliverer(new Sink.Webhook(tls, Sink.Body.LINES, Optional.empty()), new DeliveryPolicy(10, 10,
          1, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofSeconds(10)), "wraith/test")
          .deliver(findings(1));
      answer.join(10_000);
      assertThat(t.lastError()).contains("TLS failed (is the certificate trusted by this Java, and is the endpoint https?) "
          + "after 1 attempts");
    }
  }
}

package dev.wraith.incluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The sensor's serve mode: retention, health and the HTTP surface, over a real socket. */
class ObservationBufferTest {
  static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

  /** A clock tests move by hand. */
  static final class Hand extends Clock {
    Instant now = T;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void keepsWindowsWithinRetentionAndAlwaysTheLatest() {
    Hand clock = new Hand();
    var b = new ObservationBuffer(Duration.ofMinutes(10), Duration.ofMinutes(3), clock);
    b.add(T, bytes("one\n"));
    clock.now = T.plusSeconds(300);
    b.add(clock.now, bytes("two\n"));
    assertThat(text(b.observations())).isEqualTo("one\ntwo\n");
    clock.now = T.plusSeconds(601);
    assertThat(text(b.observations())).isEqualTo("two\n");
    clock.now = T.plusSeconds(3600);
    assertThat(text(b.observations())).isEqualTo("two\n");
  }

  @Test
  void healthTurnsUnhealthyWhenWindowsStopEnding() {
    Hand clock = new Hand();
    var b = new ObservationBuffer(Duration.ofMinutes(10), Duration.ofMinutes(3), clock);
    assertThat(b.health().status()).isEqualTo(200);
    clock.now = T.plusSeconds(181);
    assertThat(b.health().status()).isEqualTo(503);
    b.add(clock.now, bytes("w\n"));
    assertThat(b.health().status()).isEqualTo(200);
    clock.now = clock.now.plusSeconds(180);
    assertThat(text(b.health().body())).startsWith("stale: last window ended");
  }

  @Test
  void servesOnlyGetOfItsPaths() throws Exception {
    var b = new ObservationBuffer(Duration.ofMinutes(10), Duration.ofMinutes(3), Clock.systemUTC());
    b.add(Instant.now(), bytes("{\"type\":\"status\"}\n"));
    try (HttpEndpoint e = HttpEndpoint.start(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), b.routes())) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + e.port();
      var obs = http.send(HttpRequest.newBuilder(URI.create(base + "/observations")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(obs.statusCode()).isEqualTo(200);
      assertThat(obs.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
      assertThat(obs.body()).isEqualTo("{\"type\":\"status\"}\n");
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(), HttpResponse.BodyHandlers.ofString())
          .statusCode()).isEqualTo(200);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/env")).build(), HttpResponse.BodyHandlers.ofString())
          .statusCode()).isEqualTo(404);
      assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/observations"))
          .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }
  }

  @Test
  void parsesListenAddresses() {
    assertThat(HttpEndpoint.parseAddress(":9478").getPort()).isEqualTo(9478);
    assertThat(HttpEndpoint.parseAddress(":9478").getAddress().isAnyLocalAddress()).isTrue();
    assertThat(HttpEndpoint.parseAddress("127.0.0.1:0").getAddress().isLoopbackAddress()).isTrue();
    assertThat(HttpEndpoint.parseAddress("[::1]:9090").getPort()).isEqualTo(9090);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpEndpoint.parseAddress("9478"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpEndpoint.parseAddress(":70000"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}

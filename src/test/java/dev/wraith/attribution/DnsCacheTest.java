package dev.wraith.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DnsCacheTest {
  static InetAddress ip(String s) {
    return Pin.literal(s, s);
  }

  @Test
  void aHangingResolverNeverBlocksLookups() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    Resolver hangs = h -> {
      entered.countDown();
      never.await();
      return List.of();
    };
    try (DnsCache dns = new DnsCache(List.of("api.openai.com", "api.anthropic.com"), hangs, Duration.ofSeconds(60),
        Duration.ofMillis(100), Clock.systemUTC()).start()) {
      assertThat(entered.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      // a lookup is in progress and will never return; reading the cache must not wait for it
      assertThat(dns.hostOf(ip("1.2.3.4"))).isEmpty();
      Thread.sleep(600);
      assertThat(dns.summary()).contains("0 of 2").contains("2 failed or timed out");
    } finally {
      never.countDown();
    }
  }

  @Test
  void answersExpireAfterTheirTtl() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    Clock clock = new Clock() {
      public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
      public Clock withZone(java.time.ZoneId z) { return this; }
      public Instant instant() { return now.get(); }
    };
    try (DnsCache dns = new DnsCache(List.of("api.groq.com"), h -> List.of(ip("10.0.0.5")), Duration.ofSeconds(30),
        Duration.ofSeconds(1), clock)) {
      assertThat(dns.summary()).isEqualTo("DNS cache: the first lookups of the 1 catalogue hostnames have not finished "
          + "(nothing attributed by dns-lookup yet)");
      dns.refresh();
      assertThat(dns.summary()).isEqualTo("DNS cache: 1 of 1 catalogue hostnames resolved, 0 failed or timed out");
      assertThat(dns.hostOf(ip("10.0.0.5"))).contains("api.groq.com");
      now.set(now.get().plusSeconds(31));
      assertThat(dns.hostOf(ip("10.0.0.5"))).isEmpty();
    }
  }
}

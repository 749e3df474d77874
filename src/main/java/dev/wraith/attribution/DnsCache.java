package dev.wraith.attribution;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * IP → catalogue hostname, learnt by resolving the catalogue's concrete (non-wildcard) hostnames forward
 * in the background. Answers accumulate (round-robin DNS returns different subsets) and each expires
 * {@code ttl} after it was last seen. Lookups never block: {@link #hostOf} only reads the map. Resolution
 * runs on a small bounded pool with a per-name timeout, so an unreachable DNS server leaves the cache
 * empty instead of stalling the sensor; a name whose lookup hangs holds one pool thread at most.
 */
public final class DnsCache implements AutoCloseable {
  private record Entry(String host, Instant expires) {}

  private final List<String> hosts;
  private final Resolver resolver;
  private final Duration ttl;
  private final Duration timeout;
  private final Clock clock;
  private final Map<InetAddress, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicInteger resolvedNames = new AtomicInteger();
  private final AtomicInteger failedNames = new AtomicInteger();
  private final AtomicInteger rounds = new AtomicInteger();
  private final ExecutorService lookups;
  private final ScheduledExecutorService ticker;

  public DnsCache(List<String> hosts, Resolver resolver, Duration ttl, Duration timeout, Clock clock) {
    this.hosts = List.copyOf(hosts);
    this.resolver = resolver;
    this.ttl = ttl;
    this.timeout = timeout;
    this.clock = clock;
    this.lookups = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, hosts.size())),
        daemon("wraith-dns"), new ThreadPoolExecutor.DiscardPolicy());
    this.ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(daemon("wraith-dns-refresh"));
  }

  /** Starts resolving now and again every half TTL. Returns at once. */
  public DnsCache start() {
    ticker.scheduleWithFixedDelay(this::refresh, 0, Math.max(1, ttl.toMillis() / 2), TimeUnit.MILLISECONDS);
    return this;
  }

  /** The catalogue hostname this IP was an answer for, if that answer has not expired. */
  public Optional<String> hostOf(InetAddress ip) {
    Entry e = entries.get(ip);
    if (e == null || !clock.instant().isBefore(e.expires())) return Optional.empty();
    return Optional.of(e.host());
  }

  /** One line for the layer status: how many names resolved in the last round, or that none has finished. */
  public String summary() {
    if (rounds.get() == 0) {
      return "DNS cache: the first lookups of the " + hosts.size() + " catalogue hostnames have not finished (nothing "
          + "attributed by dns-lookup yet)";
    }
    return "DNS cache: " + resolvedNames.get() + " of " + hosts.size() + " catalogue hostnames resolved, "
        + failedNames.get() + " failed or timed out";
  }

  /** One round over every name; waits for each at most {@code timeout}. Runs on the ticker thread. */
  void refresh() {
    int ok = 0, failed = 0;
    for (String host : hosts) {
      Future<List<InetAddress>> f = lookups.submit(() -> resolver.resolve(host));
      try {
        List<InetAddress> answers = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Instant expires = clock.instant().plus(ttl);
        for (InetAddress a : answers) entries.put(a, new Entry(host, expires));
        ok++;
      } catch (TimeoutException e) {
        f.cancel(true);
        failed++;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        failed++;
      }
    }
    resolvedNames.set(ok);
    failedNames.set(failed);
    rounds.incrementAndGet();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    lookups.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}

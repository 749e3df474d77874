package dev.wraith.incluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Leader election on a {@code coordination.k8s.io} Lease with fabric8's {@code LeaderElector}, so that several scanner
 * replicas can run and exactly one scans and publishes. The leader runs {@link Term} on its own thread; when the lease
 * is lost (not renewed within the renew deadline, or taken over after it expired) the term is interrupted and this
 * replica campaigns again. A follower only reads the lease; it takes over once the leader's lease has expired, or within a
 * second when the leader stepped down and released it ({@link #run} does on interrupt; fabric8 releases a lease by
 * shortening it to one second).
 *
 * <p>fabric8 only logs election errors (and wraith ships no logger), so every lease call goes through a recording lock
 * that hands its outcome to {@link Metrics#recordLease}: a follower that cannot read the lease turns unhealthy there.
 */
public final class LeaderElection {
  /** What the leader does while it leads: run until interrupted. */
  @FunctionalInterface
  public interface Term {
    void run() throws InterruptedException;
  }

  /**
   * Which lease, and who asks for it.
   *
   * @param identity unique per replica (the pod name and a random suffix)
   * @param leaseDuration how long a lease is valid without renewal; the renew deadline is 2/3 of it, retries every 1/5
   */
  public record Settings(String namespace, String name, String identity, Duration leaseDuration) {
    public Settings {
      if (leaseDuration.compareTo(Duration.ofSeconds(2)) < 0) throw new IllegalArgumentException("lease duration below 2s");
    }

    Duration renewDeadline() {
      return leaseDuration.multipliedBy(2).dividedBy(3);
    }

    Duration retryPeriod() {
      return leaseDuration.dividedBy(5);
    }
  }

  private final KubernetesClient client;
  private final Settings settings;
  private final Term term;
  private final Metrics metrics;
  private final Consumer<String> log;
  private final RecordingLock lock;
  private volatile Thread worker;
  private volatile String leader = "";

  public LeaderElection(KubernetesClient client, Settings settings, Term term, Metrics metrics, Consumer<String> log) {
    this.client = client;
    this.settings = settings;
    this.term = term;
    this.metrics = metrics;
    this.log = log;
    this.lock = new RecordingLock(new LeaseLock(settings.namespace(), settings.name(), settings.identity()), metrics);
  }

  /**
   * Campaigns, leads and campaigns again until interrupted; then stops the term and releases the lease (so a follower
   * takes over without waiting for it to expire) and rethrows the interrupt.
   */
  public void run() throws InterruptedException {
    metrics.recordStandby("");
    log.accept("leader election: " + settings.identity() + " campaigns for lease " + settings.namespace() + "/"
        + settings.name());
    try {
      while (!Thread.currentThread().isInterrupted()) {
        CompletableFuture<?> elector = client.leaderElector().withConfig(config()).build().start();
        try {
          awaitEnd(elector);
        } catch (InterruptedException e) {
          elector.cancel(true);
          throw e;
        } catch (ExecutionException | CancellationException e) {
          log.accept("leader election: " + e.getMessage());
        }
        stopTerm();
        Thread.sleep(settings.retryPeriod().toMillis());
      }
      throw new InterruptedException();
    } finally {
      stopTerm();
    }
  }

  /**
   * True while this replica's term runs and its last renewal of the lease is within the renew deadline: a leader that
   * could not renew may already be replaced, and must not write.
   */
  public boolean leading() {
    return worker != null && lock.renewedWithin(settings.renewDeadline());
  }

  /**
   * Waits for the elector to end (the lease was lost), checking every retry period that a leader still renews: should
   * the elector's renew loop die without telling (an executor refusing work), the term is stopped here instead.
   */
  private void awaitEnd(CompletableFuture<?> elector) throws InterruptedException, ExecutionException {
    while (true) {
      try {
        elector.get(settings.retryPeriod().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        return;
      } catch (java.util.concurrent.TimeoutException stillRunning) {
        if (worker != null && !lock.renewedWithin(settings.renewDeadline())) {
          log.accept("leader election: lease not renewed within " + settings.renewDeadline().toMillis() + " ms; stepping down");
          elector.cancel(true);
          return;
        }
      }
    }
  }

  private io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig config() {
    return new LeaderElectionConfigBuilder().withName("wraith-scanner").withLock(lock)
        .withLeaseDuration(settings.leaseDuration()).withRenewDeadline(settings.renewDeadline())
        .withRetryPeriod(settings.retryPeriod()).withReleaseOnCancel(true)
        .withLeaderCallbacks(new LeaderCallbacks(this::startTerm, this::stopTerm, this::newLeader)).build();
  }

  /** Called on fabric8's election thread, which must not block: the term gets a thread of its own. */
  private synchronized void startTerm() {
    if (worker != null) return;
    Thread t = new Thread(() -> {
      try {
        term.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "wraith-leader");
    t.setDaemon(true);
    worker = t;
    metrics.recordLeading(Instant.now());
    log.accept("leader election: " + settings.identity() + " leads; scanning");
    t.start();
  }

  /** Idempotent: fabric8 may report the end of a term more than once. */
  private synchronized void stopTerm() {
    Thread t = worker;
    if (t == null) return;
    worker = null;
    metrics.recordStandby(leader);
    log.accept("leader election: " + settings.identity() + " no longer leads; standing by");
    t.interrupt();
  }

  private void newLeader(String identity) {
    leader = identity == null ? "" : identity;
    if (!leader.equals(settings.identity())) metrics.recordStandby(leader);
    log.accept("leader election: leader is now " + (leader.isEmpty() ? "nobody" : leader));
  }

  /** The Lease lock, remembering the outcome of its last call. */
  private static final class RecordingLock implements Lock {
    private final Lock lock;
    private final Metrics metrics;
    private volatile long lastWriteNanos = System.nanoTime() - Long.MAX_VALUE / 2;

    RecordingLock(Lock lock, Metrics metrics) {
      this.lock = lock;
      this.metrics = metrics;
    }

    @Override
    public LeaderElectionRecord get(KubernetesClient client) {
      return record(() -> lock.get(client));
    }

    @Override
    public void create(KubernetesClient client, LeaderElectionRecord r) {
      write(() -> lock.create(client, r));
    }

    @Override
    public void update(KubernetesClient client, LeaderElectionRecord r) {
      write(() -> lock.update(client, r));
    }

    /** Whether the lease was last written (acquired or renewed) by this replica less than {@code d} ago. */
    boolean renewedWithin(Duration d) {
      return System.nanoTime() - lastWriteNanos < d.toNanos();
    }

    @Override
    public String identity() {
      return lock.identity();
    }

    @Override
    public String describe() {
      return lock.describe();
    }

    /** A write (acquire or renew) that succeeded renews this replica's term. */
    private void write(Runnable call) {
      record(() -> {
        call.run();
        lastWriteNanos = System.nanoTime();
        return null;
      });
    }

    private <T> T record(java.util.function.Supplier<T> call) {
      try {
        T t = call.get();
        metrics.recordLease(Instant.now(), "");
        return t;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409) { // a conflict is another replica's write racing ours: the election handles it
          String why = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
          metrics.recordLease(Instant.now(), (e.getCode() == 0 ? "no answer" : String.valueOf(e.getCode())) + ": " + why);
        }
        throw e;
      }
    }
  }
}

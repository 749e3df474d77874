package dev.wraith.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One resource's informer and what a read may conclude from it. The informer retries every failure with fabric8's
 * backoff (its default gives up on a failed first list or watch error, which would freeze the cache for good); the last
 * failure is kept so that a read can say why the cache is not usable.
 */
final class Informed<T extends HasMetadata, R> implements AutoCloseable {
  private static final long POLL_MILLIS = 50;

  private final SharedIndexInformer<T> informer;
  private final ViewStore<T, R> store;
  private final Instant started;
  private final AtomicReference<Throwable> lastError = new AtomicReference<>();
  private CompletableFuture<Void> synced = new CompletableFuture<>();

  private Informed(SharedIndexInformer<T> informer, ViewStore<T, R> store, Instant started) {
    this.informer = informer;
    this.store = store;
    this.started = started;
  }

  static <T extends HasMetadata, R> Informed<T, R> start(Informable<T> source, ViewStore<T, R> store, Instant now) {
    Informed<T, R> i = new Informed<>(source.runnableInformer(0), store, now);
    i.informer.itemStore(store).exceptionHandler((isStarted, t) -> {
      i.lastError.set(t);
      return true;
    });
    i.synced = i.informer.start().toCompletableFuture();
    return i;
  }

  /** The cached objects, or why they cannot be trusted: not synced yet, or the watch is down. */
  Fetch<R> read(InformerKubeApi.Settings settings, Instant now) {
    Duration left = settings.syncTimeout().minus(Duration.between(started, now));
    if (!awaitSync(left)) {
      return failed("informer cache not synced " + Duration.between(started, now).toSeconds() + "s after its start");
    }
    if (!awaitWatch(settings.watchGrace())) return failed("watch down, cached objects not used");
    return Fetch.ok(store.sorted());
  }

  boolean olderThan(Duration age, Instant now) {
    return Duration.between(started, now).compareTo(age) >= 0;
  }

  @Override
  public void close() {
    informer.stop();
  }

  private boolean awaitSync(Duration left) {
    if (synced.isDone() && !synced.isCompletedExceptionally()) return true;
    if (left.isNegative() || left.isZero()) return false;
    try {
      synced.get(left.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A watch closes and reopens every few minutes by design, and reconnects after 410 Gone: wait that out. */
  private boolean awaitWatch(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    while (!informer.isWatching()) {
      if (System.nanoTime() >= deadline) return false;
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** The last error's classification and message (as a failed list would give), with what it means for the cache. */
  private Fetch<R> failed(String what) {
    KubernetesClientException cause = clientException(lastError.get());
    if (cause == null) return Fetch.failed(what.startsWith("watch") ? Failure.UNREACHABLE : Failure.TIMEOUT, what);
    String detail = LiveKubeApi.detail(cause);
    return Fetch.failed(LiveKubeApi.classify(cause), detail.isEmpty() ? what : detail + "; " + what);
  }

  private static KubernetesClientException clientException(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof KubernetesClientException k) return k;
      if (c instanceof WatcherException w) return w.asClientException();
    }
    return t == null ? null : new KubernetesClientException(t.getMessage() == null ? t.toString() : t.getMessage(), t);
  }
}

package dev.wraith.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A {@link KubeApi} served from fabric8 informers, for the long-running operator: each resource is listed once (paged
 * by {@value LiveKubeApi#PAGE}) and then watched, so a cycle reads memory instead of re-listing the cluster. It answers
 * the same objects in the same order as {@link LiveKubeApi}'s lists (namespace/name, the API server's own order), so
 * the cluster layer's output is identical for the same cluster state.
 *
 * <p>A cache is started on the first read of its resource. One that has not synced within {@link Settings#syncTimeout}
 * of its start, or whose watch stays down longer than {@link Settings#watchGrace} (403, disconnect, relisting after 410
 * Gone), answers {@link Fetch.Failed} with the reason of its last error, exactly where a failed list would, and its
 * possibly stale objects are not used. Every {@link Settings#relistEvery} a cache is dropped and rebuilt from a full
 * list, which bounds any drift. Cached objects lose {@code metadata.managedFields} (never read by the layer), and
 * ConfigMaps are kept only as {@link ConfigMapKeys}: the cache holds no configuration values.
 *
 * <p>All namespaces only; narrow with {@link NamespaceScope}. A new resource of the port is one line: {@code read(X.class)}.
 */
public final class InformerKubeApi implements KubeApi, AutoCloseable {
  /**
   * How the caches wait and refresh.
   *
   * @param syncTimeout how long a read waits for a cache's first full list, counted from the cache's start
   * @param relistEvery a cache older than this is rebuilt from a fresh list before it is read
   * @param watchGrace how long a read waits for a watch that is reconnecting before the resource counts as failed
   */
  public record Settings(Duration syncTimeout, Duration relistEvery, Duration watchGrace) {
    public static final Settings DEFAULT = new Settings(Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofSeconds(5));
  }

  private final KubernetesClient client;
  private final String source;
  private final Settings settings;
  private final Clock clock;
  private final Map<Class<?>, Informed<?, ?>> caches = new ConcurrentHashMap<>();

  public InformerKubeApi(KubernetesClient client, String source, Settings settings, Clock clock) {
    this.client = client;
    this.source = source;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public List<String> sources() {
    return List.of(source);
  }

  @Override
  public <T extends HasMetadata> Fetch<T> objects(Class<T> type) {
    return read(type);
  }

  @Override
  public Fetch<ConfigMapKeys> configMaps() {
    return cache(ConfigMap.class, ViewStore::configMapKeys).read(settings, clock.instant());
  }

  /** Stops every informer; a later read starts a fresh one. */
  @Override
  public void close() {
    caches.values().forEach(Informed::close);
    caches.clear();
  }

  private <T extends HasMetadata> Fetch<T> read(Class<T> type) {
    return cache(type, ViewStore::slim).read(settings, clock.instant());
  }

  /** The running cache of {@code type}, started (or restarted after {@code relistEvery}) as needed. */
  @SuppressWarnings("unchecked")
  private <T extends HasMetadata, R> Informed<T, R> cache(Class<T> type, Supplier<ViewStore<T, R>> store) {
    var now = clock.instant();
    return (Informed<T, R>) caches.compute(type, (k, current) -> {
      if (current != null && !current.olderThan(settings.relistEvery(), now)) return current;
      if (current != null) current.close();
      return Informed.start(client.resources(type).inAnyNamespace().withLimit(LiveKubeApi.PAGE), store.get(), now);
    });
  }
}

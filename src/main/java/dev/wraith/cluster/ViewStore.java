package dev.wraith.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An informer's item store that also answers what the cluster layer reads from it, sorted by the informer key
 * (namespace/name, or name for cluster-scoped objects): the order in which the API server lists. Each object is reduced
 * the moment it arrives to what the informer needs back (its identity and resourceVersion, at least) and what the layer
 * reads. Writes come from one informer thread at a time; reads may run concurrently.
 *
 * @param <T> what the informer receives
 * @param <R> what the layer reads
 */
final class ViewStore<T extends HasMetadata, R> implements ItemStore<T> {
  /** One object as kept: what the informer gets back, and what the layer reads. */
  private record Kept<T, R>(T stub, R view) {}

  private final Function<T, Kept<T, R>> keep;
  private final Map<String, Kept<T, R>> items = new ConcurrentSkipListMap<>();

  private ViewStore(Function<T, Kept<T, R>> keep) {
    this.keep = keep;
  }

  /**
   * Ordinary resources, kept whole but without {@code metadata.managedFields} (often a third of an object's size, and
   * never read by the cluster layer).
   */
  static <T extends HasMetadata> ViewStore<T, T> slim() {
    return new ViewStore<>(obj -> {
      if (obj.getMetadata() != null) obj.getMetadata().setManagedFields(null);
      return new Kept<>(obj, obj);
    });
  }

  /**
   * ConfigMaps, each reduced to {@link ConfigMapKeys} as {@link LiveKubeApi} does page by page, so no configuration
   * value stays in memory; the informer gets back a metadata-only stub.
   */
  static ViewStore<ConfigMap, ConfigMapKeys> configMapKeys() {
    return new ViewStore<>(obj -> {
      var m = obj.getMetadata();
      ConfigMap stub = new ConfigMapBuilder().withNewMetadata().withName(m.getName()).withNamespace(m.getNamespace())
          .withUid(m.getUid()).withResourceVersion(m.getResourceVersion()).endMetadata().build();
      return new Kept<>(stub, ConfigMapKeys.of(obj));
    });
  }

  /** What the layer reads, in key order. */
  List<R> sorted() {
    return items.values().stream().map(Kept::view).toList();
  }

  @Override
  public String getKey(T obj) {
    return Cache.metaNamespaceKeyFunc(obj);
  }

  @Override
  public T put(String key, T obj) {
    return stub(items.put(key, keep.apply(obj)));
  }

  @Override
  public T remove(String key) {
    return stub(items.remove(key));
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet().stream();
  }

  @Override
  public Stream<T> values() {
    return items.values().stream().map(Kept::stub);
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public T get(String key) {
    return stub(items.get(key));
  }

  /** The informer's contract: the object, or null when there is none. */
  private static <T> T stub(Kept<T, ?> kept) {
    return kept == null ? null : kept.stub();
  }
}

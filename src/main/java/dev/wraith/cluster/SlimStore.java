package dev.wraith.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * The informer store for ordinary resources: objects by namespace/name, kept sorted, without
 * {@code metadata.managedFields} (often a third of an object's size, and never read by the cluster layer). Writes come
 * from one informer thread at a time; reads may run concurrently.
 */
final class SlimStore<T extends HasMetadata> implements ViewStore<T, T> {
  private final Map<String, T> items = new ConcurrentSkipListMap<>();

  @Override
  public String getKey(T obj) {
    return Cache.metaNamespaceKeyFunc(obj);
  }

  @Override
  public T put(String key, T obj) {
    if (obj.getMetadata() != null) obj.getMetadata().setManagedFields(null);
    return items.put(key, obj);
  }

  @Override
  public T remove(String key) {
    return items.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet().stream();
  }

  @Override
  public Stream<T> values() {
    return items.values().stream();
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public T get(String key) {
    return items.get(key);
  }

  @Override
  public List<T> sorted() {
    return List.copyOf(items.values());
  }
}

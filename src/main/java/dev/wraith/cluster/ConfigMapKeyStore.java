package dev.wraith.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * The informer store for ConfigMaps: each is reduced to {@link ConfigMapKeys} the moment it arrives, as
 * {@link LiveKubeApi} does page by page, so no configuration value stays in memory. The informer itself only needs
 * an object's identity and resourceVersion back, which the metadata-only stub it is given provides.
 */
final class ConfigMapKeyStore implements ViewStore<ConfigMap, ConfigMapKeys> {
  private record Entry(ConfigMap stub, ConfigMapKeys keys) {}

  private final Map<String, Entry> items = new ConcurrentSkipListMap<>();

  @Override
  public String getKey(ConfigMap obj) {
    return Cache.metaNamespaceKeyFunc(obj);
  }

  @Override
  public ConfigMap put(String key, ConfigMap obj) {
    var m = obj.getMetadata();
    ConfigMap stub = new ConfigMapBuilder().withNewMetadata().withName(m.getName()).withNamespace(m.getNamespace())
        .withUid(m.getUid()).withResourceVersion(m.getResourceVersion()).endMetadata().build();
    Entry old = items.put(key, new Entry(stub, ConfigMapKeys.of(obj)));
    return old == null ? null : old.stub();
  }

  @Override
  public ConfigMap remove(String key) {
    Entry old = items.remove(key);
    return old == null ? null : old.stub();
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet().stream();
  }

  @Override
  public Stream<ConfigMap> values() {
    return items.values().stream().map(Entry::stub);
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public ConfigMap get(String key) {
    Entry e = items.get(key);
    return e == null ? null : e.stub();
  }

  @Override
  public List<ConfigMapKeys> sorted() {
    return items.values().stream().map(Entry::keys).toList();
  }
}

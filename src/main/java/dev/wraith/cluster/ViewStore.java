package dev.wraith.cluster;

import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.List;

/**
 * An informer's item store that also answers what the cluster layer reads from it, sorted by the informer key
 * (namespace/name, or name for cluster-scoped objects): the order in which the API server lists.
 *
 * @param <T> what the informer receives
 * @param <R> what the layer reads
 */
interface ViewStore<T, R> extends ItemStore<T> {
  List<R> sorted();
}

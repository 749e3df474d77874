package dev.wraith.correlate;

/**
 * A pod (or another namespaced object) by name in a cluster ({@code cluster} is "" for the one unnamed cluster, and
 * for an index that holds every cluster's pods).
 */
record PodName(String cluster, String namespace, String name) {
  /** "namespace/name" as people read it, after "cluster@" when the cluster has a name; shown, never parsed. */
  String text() {
    return (cluster.isEmpty() ? "" : cluster + "@") + namespace + "/" + name;
  }
}

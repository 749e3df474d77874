package dev.wraith.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts kubectl-shaped files (the cluster fixtures, a generated snapshot) into fabric8's CRUD mock server through its
 * API. Objects are created kind by kind in namespace/name order, because the mock lists in creation order where a real
 * API server lists in key order; Secrets are skipped (the reader never asks for them).
 */
public final class MockCluster {
  private MockCluster() {}

  public static List<HasMetadata> read(KubernetesClient client, List<Path> files) throws IOException {
    List<HasMetadata> all = new ArrayList<>();
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        all.addAll(client.load(in).items());
      }
    }
    all.removeIf(o -> o instanceof Secret);
    all.forEach(o -> o.getMetadata().setResourceVersion(null));
    all.sort(Comparator.comparing((HasMetadata o) -> o.getKind()).thenComparing(Cache::metaNamespaceKeyFunc));
    return all;
  }

  /** Creates every object; returns how many. */
  public static int create(KubernetesClient client, List<HasMetadata> objects) {
    for (HasMetadata o : objects) client.resource(o).create();
    return objects.size();
  }
}

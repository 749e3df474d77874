package dev.wraith.cluster;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the cluster fixtures under src/test/resources/cluster. */
final class ClusterFixtures {
  private ClusterFixtures() {}

  static Path path(String name) {
    try {
      return Path.of(ClusterFixtures.class.getResource("/cluster/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path json() {
    return path("snapshot-cluster.json");
  }

  static Path yaml() {
    return path("snapshot-rbac-and-more.yaml");
  }

  static Path audit() {
    return path("audit.log");
  }
}

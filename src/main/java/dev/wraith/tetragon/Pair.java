package dev.wraith.tetragon;

import dev.wraith.model.Attributed;
import java.time.Instant;
import java.util.Optional;

/**
 * One (process, destination) pair being folded: an AI destination (with the most trusted attribution any of its
 * connections had) or an in-cluster address nothing attributed. Mutable; owned by one fold.
 */
final class Pair {
  Proc process;
  Optional<Proc> parent;
  final String node;
  final String ip;
  final int port;
  Optional<Attributed> attribution = Optional.empty();
  Instant first = Instant.MAX;
  Instant last = Instant.MIN;
  final LongSet seen = new LongSet();
  int connections;

  Pair(String node, String ip, int port) {
    this.node = node;
    this.ip = ip;
    this.port = port;
  }

  /** Keeps the most trusted of the attributions the pair's connections had (method order is trust order). */
  void attribute(Attributed a) {
    if (attribution.isEmpty() || a.method().compareTo(attribution.get().method()) < 0) attribution = Optional.of(a);
  }

  /**
   * What makes a pair: exec_id is unique per node over time, the node keeps streams of several nodes apart.
   * Written out rather than a record: it is built and compared once per event, and the readers hand out the
   * same String instances again and again, which String.equals answers at its first (identity) check.
   */
  static final class Key {
    final String node, execId, ip;
    final int port;
    final int hash;

    Key(String node, String execId, String ip, int port) {
      this.node = node;
      this.execId = execId;
      this.ip = ip;
      this.port = port;
      this.hash = ((node.hashCode() * 31 + execId.hashCode()) * 31 + ip.hashCode()) * 31 + port;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && k.port == port && k.execId.equals(execId) && k.ip.equals(ip)
          && k.node.equals(node);
    }
  }
}

package dev.wraith.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Observations and in-cluster connections sort the one way, in host scans and in Tetragon's alike. */
class ProcessConnectionsTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final Attributed BY_PORT = new Attributed("ollama", "", Attributed.Method.PORT);

  @Test
  void bothKindsSortByPidThenStartTicksThenAddressThenPort() {
    List<InClusterConnection> unsorted = List.of(connection(7, 2, "10.0.0.1", 80), connection(7, 1, "10.0.0.2", 80),
        connection(7, 1, "10.0.0.1", 443), connection(7, 1, "10.0.0.1", 80), connection(3, 9, "10.0.0.9", 1));
    List<String> expected = List.of("3/9 10.0.0.9:1", "7/1 10.0.0.1:80", "7/1 10.0.0.1:443", "7/1 10.0.0.2:80",
        "7/2 10.0.0.1:80");
    assertThat(unsorted.stream().sorted().map(ProcessConnectionsTest::key)).containsExactlyElementsOf(expected);
    assertThat(unsorted.stream().map(c -> c.attributed(BY_PORT)).sorted().map(ProcessConnectionsTest::key))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void tetragonsSortByNodeAndPodBeforeTheProcessAndExecIdBeforeTheAddress() {
    PodRef pod = new PodRef("default", "web", "uid", "app", "cid", "containerd", "img", "web", "Deployment", 0, false);
    TetragonScan scan = new TetragonScan("test", T, T, List.of(
        seen("node-b", Optional.empty(), "exec-1", connection(1, 1, "10.0.0.1", 80)),
        seen("node-a", Optional.of(pod), "exec-2", connection(1, 1, "10.0.0.1", 80)),
        seen("node-a", Optional.of(pod), "exec-1", connection(1, 1, "10.0.0.2", 80)),
        seen("node-a", Optional.empty(), "exec-9", connection(9, 1, "10.0.0.1", 80))).stream()
        .map(s -> new TetragonSeen<>(s.node(), s.execId(), s.pod(), false, "", s.connection().attributed(BY_PORT)))
        .toList(), LayerStatus.ran("tetragon", List.of()), new TetragonScan.Stats(0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertThat(scan.observations()).extracting(s -> s.node() + " " + s.execId() + " " + key(s.connection()))
        .containsExactly("node-a exec-9 9/1 10.0.0.1:80", "node-a exec-1 1/1 10.0.0.2:80",
            "node-a exec-2 1/1 10.0.0.1:80", "node-b exec-1 1/1 10.0.0.1:80");
  }

  private static TetragonSeen<InClusterConnection> seen(String node, Optional<PodRef> pod, String execId,
      InClusterConnection c) {
    return new TetragonSeen<>(node, execId, pod, false, "", c);
  }

  private static InClusterConnection connection(int pid, long startTicks, String ip, int port) {
    ProcessInfo p = new ProcessInfo(pid, startTicks, 1, 0, List.of(pid), "/usr/bin/python3", List.of("python3"), "/",
        List.of(), Optional.empty(), "");
    return new InClusterConnection(p, ProcessOrigin.CONTAINER, Optional.empty(), ip, port, T, T, 1, 1);
  }

  private static String key(ProcessConnections<?> c) {
    return c.process().pid() + "/" + c.process().startTicks() + " " + c.ip() + ":" + c.port();
  }
}

package dev.wraith.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Observations and in-cluster connections sort the one way. */
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

  private static InClusterConnection connection(int pid, long startTicks, String ip, int port) {
    ProcessInfo p = new ProcessInfo(pid, startTicks, 1, 0, List.of(pid), "/usr/bin/python3", List.of("python3"), "/",
        List.of(), Optional.empty(), "");
    return new InClusterConnection(p, ProcessOrigin.CONTAINER, Optional.empty(), ip, port, T, T, 1, 1);
  }

  private static String key(ProcessConnections<?> c) {
    return c.process().pid() + "/" + c.process().startTicks() + " " + c.ip() + ":" + c.port();
  }
}

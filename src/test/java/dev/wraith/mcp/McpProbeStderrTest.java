package dev.wraith.mcp;

import static dev.wraith.mcp.McpProbeTest.PYTHON;
import static dev.wraith.mcp.McpProbeTest.SCRIPT;
import static dev.wraith.mcp.McpProbeTest.server;
import static dev.wraith.mcp.McpProbeTest.stdio;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.McpProbe;
import dev.wraith.redact.Redactor;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * wraith reads a probed stdio server's stderr itself, to the end, after the server is gone: real processes that write
 * and exit at once, flood stderr, or hang with a child holding stderr open.
 */
class McpProbeStderrTest {
  private static final String SECRET = "mcp-stderr-PLANTED-s3cr3t";
  private final ToolInspector inspector = new ToolInspector(CatalogueLoader.bundled().mcpProbe());
  private Path dir;

  @BeforeEach
  void makeDir() throws IOException {
    dir = Files.createTempDirectory("mcp-stderr-");
  }

  @AfterEach
  void removeDir() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  private SdkProber prober(int seconds) {
    return new SdkProber(Duration.ofSeconds(seconds), inspector, System.getenv(), "test", Redactor.bundled());
  }

  /** Each line is its own write and the server exits at once: the race the SDK's transport lost, run 50 times. */
  @Test
  void aServerThatWritesItsErrorAndExitsAtOnceLosesNoLineFiftyTimesInARow() throws Exception {
    Path script = dir.resolve("exits.sh");
    Files.writeString(script, """
        #!/bin/sh
        i=1
        while [ $i -le 10 ]; do echo "stderr line $i of 10" >&2; i=$((i+1)); done
        echo "fatal: login refused for token=$WRAITH_TEST_TOKEN" >&2
        exit 3
        """);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    List<String> expected = new ArrayList<>(IntStream.rangeClosed(1, 10).mapToObj(i -> "stderr line " + i + " of 10").toList());
    expected.add("fatal: login refused for token=***");
    SdkProber prober = prober(15);
    for (int run = 1; run <= 50; run++) {
      McpProbe p = prober.probe(server("exits", script.toString(), List.of()),
          stdio(script.toString(), List.of(), Map.of("WRAITH_TEST_TOKEN", SECRET)));
      assertThat(p.status()).as("run %d: %s", run, p.detail()).isEqualTo(McpProbe.Status.FAILED);
      assertThat(p.detail()).as("run %d", run).isEqualTo("the server exited before answering");
      assertThat(p.stderrTail()).as("run %d", run).containsExactlyElementsOf(expected);
    }
  }

  /**
   * A server that hangs after writing, with a child of its own holding stderr open: the timeout kills both, the tail
   * has every line, and the probe leaves no thread, descriptor or process behind.
   */
  @Test
  void aHangingServerIsKilledWithItsChildAndItsTailReportedAndNothingIsLeaked() throws Exception {
    SdkProber prober = prober(2);
    Instant start = Instant.now();
    probeNoisyHang(prober); // warm-up: classes and jars this JVM opens once
    int fdsBefore = openDescriptors();
    McpProbe p = probeNoisyHang(prober);
    assertThat(p.status()).isEqualTo(McpProbe.Status.TIMEOUT);
    assertThat(p.stderrTail()).containsExactly("starting up", "connecting with token=***", "waiting for the upstream");
    assertThat(probeThreads()).isEmpty();
    assertThat(openDescriptors()).as("descriptors of this JVM after the probe").isEqualTo(fdsBefore);
    assertThat(startedSince(start, "poisoned_server.py noisy-hang")).as("the server").isEmpty();
    assertThat(startedSince(start, "sleep 3599.25")).as("the server's child").isEmpty();
  }

  /** Live processes started since {@code start} whose command line (the full path first) ends with {@code tail}. */
  private static List<ProcessHandle> startedSince(Instant start, String tail) {
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .filter(h -> h.info().startInstant().map(t -> !t.isBefore(start.minusSeconds(1))).orElse(false))
        .filter(h -> h.info().commandLine().orElse("").endsWith(tail)).toList();
  }

  /**
   * A process that left the server's tree (setsid) and keeps stderr open cannot end the stream: the probe still returns
   * within its bound with the lines the server wrote.
   */
  @Test
  void aProcessThatEscapedTheServerAndHoldsStderrDoesNotHoldTheProbe() throws Exception {
    Path script = dir.resolve("escapes.sh");
    Files.writeString(script, """
        #!/bin/sh
        echo "leaving a daemon behind" >&2
        setsid sleep 37.5 &
        echo "fatal: exiting" >&2
        exit 1
        """);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Instant start = Instant.now();
    try {
      McpProbe p = prober(5).probe(server("escapes", script.toString(), List.of()), stdio(script.toString(), List.of(), Map.of()));
      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
      assertThat(p.detail()).isEqualTo("the server exited before answering");
      assertThat(p.stderrTail()).containsExactly("leaving a daemon behind", "fatal: exiting");
      assertThat(startedSince(start, "sleep 37.5")).as("the daemon outlived the probe, as a process outside the tree does").hasSize(1);
    } finally {
      startedSince(start, "sleep 37.5").forEach(ProcessHandle::destroyForcibly); // the daemon this test started
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!probeThreads().isEmpty() && System.nanoTime() < deadline) Thread.onSpinWait();
    assertThat(probeThreads()).as("the readers end once the daemon is gone").isEmpty();
  }

  private static List<String> probeThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> n.startsWith("wraith-mcp-")).toList();
  }

  private static McpProbe probeNoisyHang(SdkProber prober) {
    return prober.probe(server("noisy", PYTHON, List.of(SCRIPT, "noisy-hang")),
        stdio(PYTHON, List.of(SCRIPT, "noisy-hang"), Map.of("WRAITH_TEST_TOKEN", SECRET)));
  }

  private static int openDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return (int) fds.count();
    }
  }

  /**
   * 120 MB on stderr (60 MB of it one line with no end) before the server answers, probed by {@code wraith mcp} in a
   * JVM with a 96 MB heap: the probe completes, the pipe never stalls the server, the tail is the end of the stream.
   * (The SDK's transport read a line whole: this line alone needs more heap than the JVM has.)
   */
  @Test
  void aServerThatFloodsStderrIsProbedInBoundedMemoryAndTheTailIsTheEnd() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home/.cursor"));
    Files.writeString(home.resolve("mcp.json"), """
        {"mcpServers": {"flood": {"command": "%s", "args": ["%s", "flood"],
          "env": {"WRAITH_TEST_TOKEN": "%s", "FLOOD_MB": "120"}}}}""".formatted(PYTHON, SCRIPT, SECRET));
    Path out = dir.resolve("out.json");
    Path err = dir.resolve("err.txt");
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), "dev.wraith.cli.Main", "mcp", "--home", dir.resolve("home").toString(),
        "--probe", "--probe-timeout", "120", "--no-state", "--format", "json", "-o", out.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("WRAITH_"));
    Process child = pb.start();
    if (!child.waitFor(240, TimeUnit.SECONDS)) {
      child.descendants().forEach(ProcessHandle::destroyForcibly);
      child.destroyForcibly().waitFor();
      throw new AssertionError("wraith mcp --probe did not finish in 240 s; stderr: " + Files.readString(err));
    }
    assertThat(child.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isZero();
    JsonNode probe = new ObjectMapper().readTree(out.toFile()).get("servers").get(0).get("probe");
    assertThat(probe.get("status").asText()).as(probe.toString()).isEqualTo("ok");
    assertThat(probe.get("tools")).hasSize(3);
    int lines = (60 << 20) / "flood line 0000000 \n".concat("y".repeat(100)).length(); // as the fixture writes them
    List<String> expected = new ArrayList<>(IntStream.range(lines - StderrTail.LINES + 1, lines)
        .mapToObj(i -> "flood line %07d %s".formatted(i, "y".repeat(100))).toList());
    expected.add("flood done after " + lines + " lines, token=***");
    List<String> tail = new ArrayList<>();
    probe.get("stderrTail").forEach(l -> tail.add(l.asText()));
    assertThat(tail).containsExactlyElementsOf(expected);
    assertThat(Files.readString(out)).doesNotContain(SECRET);
  }
}

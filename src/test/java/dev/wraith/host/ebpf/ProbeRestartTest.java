package dev.wraith.host.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.attribution.Attributor;
import dev.wraith.attribution.Pin;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.host.LiveProcFs;
import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real loader killed with SIGKILL in the middle of a window, on this kernel: {@code wraith sensor --duration}
 * restarts it, keeps the window going, still catches a connection made after the restart, and reports the gap (the
 * window PARTIAL, the counts as notes); a one-shot window whose loader is killed again after its one restart FAILs with
 * a sentence. Clients connect to a server on loopback pinned as api.openai.com. Skips, saying why, without root or a
 * probe that can load here.
 */
class ProbeRestartTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private ServerSocket server;
  private Thread acceptor;

  @BeforeEach
  void needsTheProbeAndAServer() throws IOException {
    Optional<String> why = ProbeSupport.whyNot(ProbeBuild.current());
    assumeTrue(why.isEmpty(), () -> "skipped: the probe cannot load here: " + why.get());
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "skipped: the clients need /usr/bin/python3");
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          s.getOutputStream().write('x'); // the client reads one byte, then closes
        } catch (IOException e) {
          // closed at the end of the test
        }
      }
    }, "probe-restart-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stopServer() throws Exception {
    if (server != null) server.close();
    if (acceptor != null) acceptor.join(5000);
  }

  @Test
  void aLoaderKilledMidWindowIsRestartedAndTheGapIsReported() throws Exception {
    Path out = dir.resolve("sensor.jsonl");
    int[] code = {-1};
    Thread sensor = new Thread(() -> code[0] = dev.wraith.cli.Main.run("sensor", "--probe", "ebpf", "--duration", "15",
        "--no-dns", "--resolve", "api.openai.com=127.0.0.1:" + server.getLocalPort(), "--format", "json", "-o", out.toString()));
    sensor.start();
    ProcessHandle first = awaitLoader(Set.of(), sensor);
    assertThat(first.destroyForcibly()).as("SIGKILL sent to " + first.pid()).isTrue();
    ProcessHandle second = awaitLoader(Set.of(first.pid()), sensor);
    Set<Long> afterRestart = ConcurrentHashMap.newKeySet();
    while (sensor.isAlive()) { // clients one after another until the window ends: no guess at when the new loader is up
      afterRestart.add(client("after-restart"));
    }
    sensor.join();
    assertThat(code[0]).as("a restarted probe does not fail the window").isZero();

    List<JsonNode> lines = new ArrayList<>();
    for (String l : Files.readAllLines(out)) lines.add(JSON.readTree(l));
    List<JsonNode> caught = lines.stream().filter(l -> l.path("type").asText().equals("observation")
        && afterRestart.contains(l.path("pid").asLong())).toList();
    assertThat(caught).as("a connection made after the restart (loader " + second.pid() + ") is caught").isNotEmpty();
    assertThat(caught.get(0).path("provider").asText()).isEqualTo("openai");
    JsonNode status = lines.get(lines.size() - 1);
    assertThat(status.path("state").asText()).isEqualTo("partial");
    assertThat(status.path("warnings").toString()).contains("eBPF probe: events may be missing between ")
        .contains(", while it was restarted (restart 1 of 5) after it stopped: the probe exited (exit status 137)");
    assertThat(status.path("reason").asText()).startsWith("eBPF probe: events may be missing between ");
    assertThat(status.path("notes").toString()).contains("eBPF probe: ").contains("names: ");
    assertThat(status.path("warnings").toString()).doesNotContain("connects, ").doesNotContain("names: ");
  }

  @Test
  void aOneShotWindowWhoseLoaderDiesAgainAfterItsRestartFails() throws Exception {
    var redactor = dev.wraith.redact.Redactor.bundled();
    ProbeStart s = SupervisedProbe.start(() -> LoaderProbe.start(redactor), ProbeRestarts.ONE_SHOT, Clock.systemUTC());
    assertThat(s).as("the checks passed, so the probe must load").isInstanceOf(ProbeStart.Started.class);
    var attributor = new Attributor(CatalogueLoader.bundled(), List.of(Pin.parse("api.openai.com=127.0.0.1:" + server.getLocalPort())),
        Optional.empty());
    try (var sensor = new ProbeSensor(((ProbeStart.Started) s).probe(), new LiveProcFs(Path.of("/proc")), Path.of("/proc"),
        attributor, "probe-restart-node", redactor, Clock.systemUTC(), () -> List.of("DNS cache: off"))) {
      AtomicReference<HostScan> scan = new AtomicReference<>();
      Thread window = new Thread(() -> {
        try {
          scan.set(sensor.observe(Duration.ofSeconds(60)).scan());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      window.start();
      ProcessHandle first = awaitLoader(Set.of(), window);
      first.destroyForcibly();
      ProcessHandle second = awaitLoader(Set.of(first.pid()), window);
      second.destroyForcibly();
      window.join(TimeUnit.SECONDS.toMillis(30));
      assertThat(window.isAlive()).as("the window ends once no restart is left, not at its 60 s").isFalse();
      LayerStatus status = scan.get().status();
      assertThat(status.state()).isEqualTo(LayerStatus.State.FAILED);
      assertThat(status.reason()).isEqualTo("eBPF probe stopped: the probe exited (exit status 137) (restarted once in a row; "
          + "no restarts left)");
      assertThat(status.warnings()).anyMatch(w -> w.contains(", while it was restarted (restart 1 of 1) after it stopped: the probe exited (exit status 137)"));
      assertThat(status.notes()).contains("DNS cache: off");
    }
  }

  /** A client process that connects to the pinned server, reads its byte and exits; returns its pid. */
  private long client(String tag) throws Exception {
    Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import socket,sys; s=socket.create_connection(('127.0.0.1',"
        + server.getLocalPort() + ")); s.recv(1); s.close()", tag).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.pid();
  }

  /**
   * A wraith-probe child of this JVM other than {@code not} (its image reads "... (deleted)" once the sensor has removed
   * the extracted binary), once its programs are attached: the loader opens its ring buffer's epoll descriptor after
   * attaching and writes READY at once, so a descriptor seen on two looks 20 ms apart means READY is in the pipe.
   */
  private static ProcessHandle awaitLoader(Set<Long> not, Thread owner) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    boolean seenOnce = false;
    while (System.nanoTime() < end) {
      Optional<ProcessHandle> loader = ProcessHandle.current().children().filter(c -> !not.contains(c.pid()))
          .filter(c -> c.info().command().map(x -> x.contains("/wraith-probe")).orElse(false)).findFirst();
      boolean ready = loader.isPresent() && hasRingBufferPoll(loader.get());
      if (ready && seenOnce) return loader.get();
      seenOnce = ready;
      assertThat(owner.isAlive()).as("the sensor is running").isTrue();
      Thread.sleep(20);
    }
    throw new AssertionError("no ready wraith-probe child within 30 s");
  }

  private static boolean hasRingBufferPoll(ProcessHandle loader) {
    try (var fds = Files.list(Path.of("/proc", Long.toString(loader.pid()), "fd"))) {
      return fds.anyMatch(f -> {
        try {
          return Files.readSymbolicLink(f).toString().equals("anon_inode:[eventpoll]");
        } catch (IOException e) {
          return false;
        }
      });
    } catch (IOException | java.io.UncheckedIOException e) {
      return false; // gone, or not listable yet
    }
  }
}

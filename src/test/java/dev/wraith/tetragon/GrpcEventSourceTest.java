package dev.wraith.tetragon;

import static dev.wraith.tetragon.TetragonStream.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import dev.wraith.attribution.Attributor;
import dev.wraith.attribution.Pin;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.TetragonScan;
import dev.wraith.tetragon.TetragonTestServer.Ending;
import dev.wraith.tetragon.TetragonTestServer.Script;
import dev.wraith.tetragon.api.EventType;
import dev.wraith.tetragon.api.FieldFilterAction;
import dev.wraith.tetragon.api.GetEventsResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live path against a stand-in Tetragon server over a unix socket and TCP: the same stream as the export
 * tests gives the same observations, a dropped stream is reconnected and reported as a gap, rate-limit and
 * throttle events are gaps, an absent server fails fast with the reason.
 */
class GrpcEventSourceTest {
  static final GrpcEventSource.Backoff FAST = new GrpcEventSource.Backoff(Duration.ofMillis(20), Duration.ofMillis(200));
  static final List<Pin> PINS = List.of(Pin.parse("api.openai.com=104.18.7.192"));

  @TempDir Path dir;

  /** The collector test's messy window without process_connect, which only old JSON exports carry. */
  static List<String> messyStream() {
    return TetragonCollectorTest.messy().stream().filter(l -> !l.contains("\"process_connect\"")).toList();
  }

  static TetragonCollector collector() {
    return new TetragonCollector(new Attributor(CatalogueLoader.bundled(), PINS, Optional.empty()), dev.wraith.redact.Redactor.bundled());
  }

  TetragonScan fromFile(List<String> lines) throws IOException {
    Path f = dir.resolve("tetragon.log");
    Files.write(f, lines);
    return collector().collect(new JsonExportSource(List.of(f)));
  }

  /** Reads until `messages` messages arrived (or 30 s passed, which fails the test's expectations). */
  static TetragonScan live(String address, long messages) {
    return collector().collect(new GrpcEventSource(TetragonAddress.parse(address), Optional.of(Duration.ofSeconds(30)), FAST,
        Clock.systemUTC(), messages));
  }

  TetragonTestServer server(String transport, Script... scripts) throws IOException {
    return transport.equals("unix") ? TetragonTestServer.unix(dir.resolve("tetragon.sock"), scripts)
        : TetragonTestServer.tcp(scripts);
  }

  @ParameterizedTest
  @ValueSource(strings = {"unix", "tcp"})
  void fileAndStreamGiveTheSameObservations(String transport) throws Exception {
    List<String> lines = messyStream();
    List<GetEventsResponse> messages = TetragonTestServer.fromExportLines(lines);
    TetragonScan file = fromFile(lines);
    TetragonScan stream;
    String address;
    try (var server = server(transport, new Script(messages, Ending.HOLD))) {
      address = server.address();
      stream = live(address, messages.size());
    }
    assertThat(file.observations()).hasSize(4);
    assertThat(stream.observations()).isEqualTo(file.observations());
    assertThat(stream.stats().events()).isEqualTo(file.stats().events());
    assertThat(stream.stats().ignored()).isEqualTo(file.stats().ignored());
    assertThat(stream.stats().duplicates()).isEqualTo(file.stats().duplicates()).isEqualTo(2);
    assertThat(stream.stats().connects()).isEqualTo(file.stats().connects());
    assertThat(stream.stats().gaps()).isEqualTo(file.stats().gaps()).isEqualTo(1);
    assertThat(stream.stats().unattributed()).isEqualTo(file.stats().unattributed());
    assertThat(stream.start()).isEqualTo(file.start());
    assertThat(stream.end()).isEqualTo(file.end());
    assertThat(stream.source()).isEqualTo("gRPC " + address);
    assertThat(stream.status().state()).isEqualTo(LayerStatus.State.PARTIAL);
    assertThat(stream.status().warnings()).anyMatch(w -> w.contains("rate_limit_info"));
    assertThat(wire(messages.get(0))).contains("REALVALUE"); // on the wire, as from Tetragon
    assertThat(stream.toString()).doesNotContain("REALVALUE").doesNotContain("ANTHROPIC_API_KEY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"unix", "tcp"})
  void aDroppedStreamIsReconnectedAndReportedAsAGap(String transport) throws Exception {
    List<GetEventsResponse> messages = TetragonTestServer.fromExportLines(messyStream());
    int half = messages.size() / 2;
    TetragonScan whole = fromFile(messyStream());
    try (var server = server(transport, new Script(messages.subList(0, half), Ending.DROP),
        new Script(List.of(), Ending.COMPLETE), new Script(messages.subList(half, messages.size()), Ending.HOLD))) {
      TetragonScan s = live(server.address(), messages.size());
      assertThat(server.requests).hasSize(3);
      assertThat(s.observations()).isEqualTo(whole.observations());
      assertThat(s.stats().gaps()).isEqualTo(3); // the rate-limit event, the drop, the server ending its stream
      assertThat(s.status().state()).isEqualTo(LayerStatus.State.PARTIAL);
      assertThat(s.status().warnings()).anyMatch(w -> w.contains("data gap at ") && w.contains("was down for")
          && w.contains("test server dropped the stream"));
      assertThat(s.status().warnings()).anyMatch(w -> w.contains("Tetragon ended the stream"));
    }
  }

  @Test
  void rateLimitAndThrottleEventsAreGaps() throws Exception {
    Instant t = Instant.parse("2026-03-02T10:00:00Z");
    List<String> lines = List.of(rateLimit(t),
        line("process_throttle", java.util.Map.of("type", "THROTTLE_START", "cgroup", "/kubepods/burstable/pod1"), t.plusSeconds(5)),
        line("process_throttle", java.util.Map.of("type", "THROTTLE_STOP", "cgroup", "/kubepods/burstable/pod1"), t.plusSeconds(9)));
    List<GetEventsResponse> messages = TetragonTestServer.fromExportLines(lines);
    assertThat(messages.get(0).getRateLimitInfo().getNumberOfDroppedProcessEvents()).isEqualTo(1532);
    try (var server = TetragonTestServer.tcp(new Script(messages, Ending.HOLD))) {
      TetragonScan s = live(server.address(), messages.size());
      assertThat(s.stats().gaps()).isEqualTo(2);
      assertThat(s.stats().ignored()).isEqualTo(1); // THROTTLE_STOP closes a gap, it opens none
      assertThat(s.status().warnings()).anyMatch(w -> w.contains("dropped 1532 events"))
          .anyMatch(w -> w.contains("throttled the events of cgroup /kubepods/burstable/pod1"));
      assertThat(s.stats()).isEqualTo(fromFile(lines).stats());
    }
  }

  @Test
  void theRequestAsksOnlyForWhatTheLayerReads() throws Exception {
    try (var server = TetragonTestServer.tcp(new Script(List.of(), Ending.HOLD))) {
      collector().collect(new GrpcEventSource(TetragonAddress.parse(server.address()), Optional.of(Duration.ofSeconds(3))));
      var request = server.requests.get(0);
      assertThat(request.getAllowListList()).hasSize(1);
      assertThat(request.getAllowList(0).getEventSetList()).containsExactly(EventType.PROCESS_EXEC, EventType.PROCESS_EXIT,
          EventType.PROCESS_KPROBE, EventType.PROCESS_THROTTLE, EventType.RATE_LIMIT_INFO);
      var fields = request.getFieldFilters(0);
      assertThat(fields.getAction()).isEqualTo(FieldFilterAction.EXCLUDE);
      assertThat(fields.getFields().getPathsList()).contains("process.environment_variables", "ancestors");
    }
  }

  @Test
  void fieldsTheSubsetDoesNotDeclareAreDroppedNotKept() throws Exception {
    // what a full Tetragon sends on top: environment variables (Process.21) and pod labels (Pod.5)
    GetEventsResponse full = TetragonTestServer.fromExportLines(List.of(connect(TetragonCollectorTest.AGENT,
        TetragonCollectorTest.OLLAMA, 11434, Instant.parse("2026-03-02T10:00:00Z")))).get(0);
    String key = "ANTHROPIC_API_KEY", secret = "sk-ant-LIVE-SECRET-123";
    ByteString envVar = ByteString.copyFrom(new byte[] {0x0a, (byte) key.length()}).concat(ByteString.copyFromUtf8(key))
        .concat(ByteString.copyFrom(new byte[] {0x12, (byte) secret.length()})).concat(ByteString.copyFromUtf8(secret));
    UnknownFieldSet env = UnknownFieldSet.newBuilder()
        .addField(21, UnknownFieldSet.Field.newBuilder().addLengthDelimited(envVar).build()).build();
    var process = full.getProcessKprobe().getProcess().toBuilder().setUnknownFields(env).build();
    GetEventsResponse withSecrets = full.toBuilder().setProcessKprobe(full.getProcessKprobe().toBuilder().setProcess(process)).build();
    assertThat(wire(withSecrets)).contains("sk-ant-LIVE-SECRET-123");
    try (var server = TetragonTestServer.tcp(new Script(List.of(withSecrets), Ending.HOLD))) {
      TetragonScan s = live(server.address(), 1);
      assertThat(s.observations()).hasSize(1);
      assertThat(s.observations().get(0).connection().attribution().providerId()).isEqualTo("ollama");
      assertThat(s.toString()).doesNotContain("LIVE-SECRET").doesNotContain("ANTHROPIC_API_KEY");
    }
    GetEventsResponse parsed = ProtoEventReader.parse(withSecrets.toByteArray());
    assertThat(parsed.getProcessKprobe().getProcess().getUnknownFields().asMap()).isEmpty();
  }

  @Test
  void aMissingSocketFailsAtOnceWithTheReason() {
    long t0 = System.nanoTime();
    TetragonScan s = collector().collect(new GrpcEventSource(TetragonAddress.parse("unix://" + dir.resolve("none.sock")),
        Optional.of(Duration.ofSeconds(60))));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    assertThat(s.status().state()).isEqualTo(LayerStatus.State.FAILED);
    assertThat(s.status().reason()).contains("no socket at " + dir.resolve("none.sock"));
  }

  @Test
  void aRefusedConnectionFailsWithTheReason() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    long t0 = System.nanoTime();
    TetragonScan s = collector().collect(new GrpcEventSource(TetragonAddress.parse("127.0.0.1:" + port),
        Optional.of(Duration.ofSeconds(60))));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    assertThat(s.status().state()).isEqualTo(LayerStatus.State.FAILED);
    assertThat(s.status().reason()).isEqualTo("reading gRPC 127.0.0.1:" + port + ": cannot stream from Tetragon at 127.0.0.1:"
        + port + ": unreachable: connection refused");
  }

  @Test
  void aServerThatGoesAwayForGoodLeavesAGapToTheEnd() throws Exception {
    List<GetEventsResponse> messages = TetragonTestServer.fromExportLines(messyStream());
    Path socket = dir.resolve("tetragon.sock");
    long events = fromFile(messyStream()).stats().events();
    TetragonScan s;
    var server = TetragonTestServer.unix(socket, new Script(messages, Ending.HOLD));
    try {
      var source = new Watched(new GrpcEventSource(TetragonAddress.parse(server.address()), Optional.of(Duration.ofSeconds(8)),
          FAST, Clock.systemUTC(), Long.MAX_VALUE), events);
      Thread stopper = new Thread(() -> {
        try {
          source.taken.await(20, java.util.concurrent.TimeUnit.SECONDS); // the client has read everything sent
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        server.close();
      });
      stopper.start();
      s = collector().collect(source);
      stopper.join();
    } finally {
      server.close(); // closing twice is harmless
    }
    assertThat(s.observations()).hasSize(4);
    assertThat(s.status().state()).isEqualTo(LayerStatus.State.PARTIAL);
    assertThat(s.status().warnings()).anyMatch(w -> w.contains("was not back by the end of the run"));
  }

  @Test
  void stopEndsAnUnboundedRunAndKeepsWhatWasRead() throws Exception {
    List<GetEventsResponse> messages = TetragonTestServer.fromExportLines(messyStream());
    try (var server = TetragonTestServer.tcp(new Script(messages, Ending.HOLD))) {
      var grpc = new GrpcEventSource(TetragonAddress.parse(server.address()), Optional.empty());
      var source = new Watched(grpc, 1);
      Thread stopper = new Thread(() -> {
        try {
          source.taken.await(20, java.util.concurrent.TimeUnit.SECONDS); // something was read
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        grpc.stop();
      });
      stopper.start();
      long t0 = System.nanoTime();
      TetragonScan s = collector().collect(source);
      stopper.join();
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
      assertThat(s.status().state()).isNotEqualTo(LayerStatus.State.FAILED);
      assertThat(s.stats().lines()).isPositive().isLessThanOrEqualTo(messages.size());
    }
  }

  @Test
  void addressesAreCheckedBeforeAnyConnection() {
    assertThat(TetragonAddress.parse("unix:///var/run/tetragon/tetragon.sock").socket()).contains(Path.of("/var/run/tetragon/tetragon.sock"));
    assertThat(TetragonAddress.parse("unix:/run/t.sock").target()).isEqualTo("unix:///run/t.sock");
    assertThat(TetragonAddress.parse("localhost:54321").target()).isEqualTo("localhost:54321");
    assertThat(TetragonAddress.parse("[::1]:54321").socket()).isEmpty();
    for (String bad : List.of("", "localhost", "unix://relative.sock", "host:0", "host:70000", "http://host:1")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> TetragonAddress.parse(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theLayerEntryPointReadsFilesOrTheStream() throws Exception {
    Path f = dir.resolve("events.log");
    Files.write(f, messyStream());
    var cat = CatalogueLoader.bundled();
    TetragonScan fromFiles = TetragonLayer.scan(cat, List.of(f), Optional.of("unix:///nowhere.sock"), PINS, List.of(), Duration.ZERO);
    assertThat(fromFiles.observations()).hasSize(4);
    List<GetEventsResponse> messages = new ArrayList<>(TetragonTestServer.fromExportLines(messyStream()));
    try (var server = TetragonTestServer.tcp(new Script(messages, Ending.HOLD))) {
      TetragonScan live = TetragonLayer.scan(cat, List.of(), Optional.of(server.address()), PINS, List.of(), Duration.ofSeconds(6));
      assertThat(live.observations()).isEqualTo(fromFiles.observations());
    }
    assertThat(TetragonLayer.scan(cat, List.of(), Optional.of("nonsense"), PINS, List.of(), Duration.ofSeconds(1)).status().reason())
        .contains("expected unix:///path");
    assertThat(TetragonLayer.scan(cat, List.of(), Optional.of("unix://" + dir.resolve("x.sock")), PINS, List.of(), Duration.ofSeconds(1))
        .status().state()).isEqualTo(LayerStatus.State.FAILED);
  }

  /** A message's wire bytes, one char per byte (Latin-1), so that searching it for ASCII text searches the bytes. */
  static String wire(GetEventsResponse m) {
    return new String(m.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** Hands every event on, and counts down {@link #taken} once the sink has taken {@code events} of them. */
  static final class Watched implements EventSource {
    final java.util.concurrent.CountDownLatch taken;
    private final EventSource inner;

    Watched(EventSource inner, long events) {
      this.inner = inner;
      this.taken = new java.util.concurrent.CountDownLatch(Math.toIntExact(events));
    }

    @Override
    public String describe() {
      return inner.describe();
    }

    @Override
    public void read(java.util.function.Consumer<Event> sink, ReadTally tally) throws IOException {
      inner.read(e -> {
        sink.accept(e);
        taken.countDown();
      }, tally);
    }
  }
}

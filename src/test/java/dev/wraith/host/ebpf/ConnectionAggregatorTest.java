package dev.wraith.host.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.attribution.DnsAnswerRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorded probe frames (the fixture probe, decoded exactly as the live stream) folded into one record per
 * connection: process named from its exec, SNI from its first write, the names DNS answers gave its address (the
 * process's own, else its namespace's, within their TTL); the window's answers bounded; losses reported.
 */
class ConnectionAggregatorTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final byte[] SERVER = {10, 9, 0, 2}, DNS = {10, 9, 0, 53};
  static final Frames.Proc AGENT = new Frames.Proc(4242, 900_000, 77, 4026532001L);
  static final Frames.Proc NEIGHBOUR = new Frames.Proc(4343, 900_100, 77, 4026532001L);
  static final Frames.Proc ELSEWHERE = new Frames.Proc(4444, 900_200, 78, 4026532999L);
  @TempDir Path dir;

  static byte[] answer(String name, int ttl) {
    return DnsWire.response(9, 0, 1).question(name, 1).a(name, ttl, 10, 9, 0, 2).bytes();
  }

  private byte[] recording() throws Exception {
    return new Frames(T0)
        .exec(AGENT, T0, 1, "/usr/bin/python3.11", "python3", "/srv/agent.py", "--api-key", "sk-proj-NOTAREALKEYNOTAREALKEY")
        .dns(ELSEWHERE, T0.plusMillis(5), DNS, answer("api.openai.com", 300))
        .dns(AGENT, T0.plusMillis(10), DNS, answer("api.openai.com", 300))
        .dns(NEIGHBOUR, T0.plusMillis(11), DNS, answer("cdn-neighbour.example", 300))
        .connect(AGENT, T0.plusMillis(20), 1, SERVER, 443)
        .connect(NEIGHBOUR, T0.plusMillis(21), 2, SERVER, 443)
        .payload(AGENT, T0.plusMillis(22), 1, SERVER, 50001, 443, RequestNamesTest.javaClientHello("api.openai.com"), 517)
        .payload(NEIGHBOUR, T0.plusMillis(23), 2, SERVER, 50002, 443, RequestNamesTest.javaClientHello("cdn-neighbour.example"), 517)
        .exit(AGENT, T0.plusMillis(70))
        .connect(NEIGHBOUR, T0.plusSeconds(400), 3, SERVER, 443) // after every answer's TTL (and the grace)
        .stats(0, 3, 0, 0, 0, 0)
        .bytes();
  }

  private List<ProbedConnection> replay(byte[] frames, ConnectionAggregator agg) throws Exception {
    Path f = Files.write(dir.resolve("events.bin"), frames);
    List<ProbedConnection> out = new ArrayList<>();
    try (FixtureProbe probe = new FixtureProbe(f, dev.wraith.redact.Redactor.bundled())) {
      while (probe.stopped().isEmpty()) {
        for (KernelEvent e : probe.poll(Duration.ZERO)) agg.accept(e);
      }
      assertThat(probe.stopped()).contains("end of events.bin");
    }
    out.addAll(agg.completeBefore(T0.plusSeconds(1000)));
    return out;
  }

  private static ConnectionAggregator aggregator() {
    return aggregator(0);
  }

  private static ConnectionAggregator aggregator(int self) {
    return new ConnectionAggregator(new ProcessDirectory((pid, start) -> Optional.empty(), new CgroupIds(Optional.empty())),
        "node-a", Duration.ofMillis(500), self);
  }

  @Test
  void theSensorsOwnLookupsAndConnectionsAreNotItsNamespacesAnswers() throws Exception {
    Frames.Proc sensor = new Frames.Proc(4646, 900_400, 77, 4026532001L);
    byte[] frames = new Frames(T0)
        .dns(sensor, T0.plusMillis(1), DNS, answer("api.openai.com", 300)) // its DNS cache resolving a catalogue host
        .connect(sensor, T0.plusMillis(2), 1, SERVER, 443)
        .connect(NEIGHBOUR, T0.plusMillis(5), 2, SERVER, 443) // same namespace, asked for nothing
        .bytes();
    ConnectionAggregator agg = aggregator(4646);
    List<ProbedConnection> conns = replay(frames, agg);
    assertThat(conns).singleElement().satisfies(c -> {
      assertThat(c.process().pid()).isEqualTo(4343);
      assertThat(c.resolvedNames()).isEmpty();
    });
    assertThat(agg.answers().answers()).isEmpty();
    assertThat(agg.takeCounts().own).isEqualTo(2);

    // the same events from any other process are the namespace's answers
    List<ProbedConnection> other = replay(frames, aggregator());
    assertThat(other).extracting(ProbedConnection::resolvedNames).containsExactly(List.of("api.openai.com"),
        List.of("api.openai.com"));
  }

  @Test
  void eachConnectionCarriesItsProcessSniAndTheAnswersThatNameItsAddress() throws Exception {
    ConnectionAggregator agg = aggregator();
    List<ProbedConnection> conns = replay(recording(), agg);
    assertThat(conns).extracting(ProbedConnection::id).containsExactly(1L, 2L, 3L);

    ProbedConnection agent = conns.get(0);
    assertThat(agent.process().pid()).isEqualTo(4242);
    assertThat(agent.process().startTicks()).isEqualTo(900_000);
    assertThat(agent.process().source()).isEqualTo(ProbedProcess.Source.EXEC_EVENT);
    assertThat(agent.process().exe()).isEqualTo("/usr/bin/python3.11");
    assertThat(agent.process().argv()).containsExactly("python3", "/srv/agent.py", "--api-key", "***");
    assertThat(agent.process().netns()).isEqualTo("net:[4026532001]");
    assertThat(agent.destination()).isEqualTo(new Endpoint("10.9.0.2", 443));
    assertThat(agent.source()).isEqualTo(new Endpoint("10.9.0.1", 50001)); // bound after the connect: from the first write
    assertThat(agent.request()).isEqualTo(new RequestName.Sni("api.openai.com"));
    // its own answer: the narrowest scope that has one (the neighbour's, in the same namespace, and ELSEWHERE's never)
    assertThat(agent.resolvedNames()).containsExactly("api.openai.com");

    ProbedConnection neighbour = conns.get(1);
    assertThat(neighbour.request()).isEqualTo(new RequestName.Sni("cdn-neighbour.example"));
    assertThat(neighbour.resolvedNames()).containsExactly("cdn-neighbour.example");
    assertThat(neighbour.process().source()).isEqualTo(ProbedProcess.Source.UNKNOWN); // no exec seen, not in /proc

    ProbedConnection late = conns.get(2);
    assertThat(late.resolvedNames()).isEmpty();
    assertThat(late.request()).isInstanceOf(RequestName.None.class);
    assertThat(agg.lost()).containsEntry("connects: kernel ring buffer full", 3L);
    WindowAnswers.Taken window = agg.answers();
    assertThat(window.answers()).extracting(DnsAnswerRecord::name)
        .containsExactly("api.openai.com", "api.openai.com", "cdn-neighbour.example");
    assertThat(window.answers().get(1)).isEqualTo(new DnsAnswerRecord(T0.plusMillis(10), "node-a", 4242, 900_000,
        "net:[4026532001]", "", "", "api.openai.com", List.of(new DnsAnswerRecord.Answer("10.9.0.2", 300))));
    assertThat(agg.answers().answers()).as("taken once").isEmpty();
  }

  @Test
  void aProcessWithoutItsOwnAnswerTakesItsNamespacesButNeverAnotherNamespaces() throws Exception {
    Frames.Proc sibling = new Frames.Proc(4545, 900_300, 77, 4026532001L);
    byte[] frames = new Frames(T0)
        .dns(ELSEWHERE, T0.plusMillis(1), DNS, answer("chatgpt.com", 300))
        .dns(AGENT, T0.plusMillis(2), DNS, answer("api.openai.com", 300))
        .connect(sibling, T0.plusMillis(5), 1, SERVER, 443)
        .connect(ELSEWHERE, T0.plusMillis(6), 2, SERVER, 443)
        .bytes();
    List<ProbedConnection> conns = replay(frames, aggregator());
    assertThat(conns.get(0).resolvedNames()).containsExactly("api.openai.com");
    assertThat(conns.get(1).resolvedNames()).containsExactly("chatgpt.com");
  }

  @Test
  void aWindowWritesARepeatedAnswerTwiceAtMostItsFirstAndItsLast() throws Exception {
    Frames f = new Frames(T0);
    for (int i = 0; i < 50; i++) f.dns(AGENT, T0.plusSeconds(i), DNS, answer("api.openai.com", 60));
    f.dns(AGENT, T0.plusSeconds(60), DNS, answer("api.anthropic.com", 60));
    ConnectionAggregator agg = aggregator();
    replay(f.bytes(), agg);
    WindowAnswers.Taken w = agg.answers();
    assertThat(w.received()).isEqualTo(51);
    assertThat(w.leftOut()).isZero();
    assertThat(w.answers()).extracting(DnsAnswerRecord::time, DnsAnswerRecord::name).containsExactly(
        org.assertj.core.groups.Tuple.tuple(T0, "api.openai.com"),
        org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(49), "api.openai.com"),
        org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(60), "api.anthropic.com"));
  }

  @Test
  void aWindowKeepsABoundedNumberOfDistinctAnswersAndCountsTheRest() throws Exception {
    Frames f = new Frames(T0);
    for (int i = 0; i < WindowAnswers.MAX_KEPT + 7; i++) f.dns(AGENT, T0.plusMillis(i), DNS, answer("h" + i + ".example", 60));
    ConnectionAggregator agg = aggregator();
    replay(f.bytes(), agg);
    WindowAnswers.Taken w = agg.answers();
    assertThat(w.answers()).hasSize(WindowAnswers.MAX_KEPT);
    assertThat(w.leftOut()).isEqualTo(7);
  }

  @Test
  void nothingOfThePayloadButTheNameSurvives() throws Exception {
    byte[] body = ("POST /v1/chat/completions?token=QUERYSECRET HTTP/1.1\r\nHost: models.internal\r\nAuthorization: Bearer HEADERSECRET\r\n\r\n"
        + "{\"prompt\":\"BODYSECRET\"}").getBytes(StandardCharsets.US_ASCII);
    byte[] frames = new Frames(T0).connect(AGENT, T0, 7, SERVER, 8080).payload(AGENT, T0, 7, SERVER, 40000, 8080, body, body.length).bytes();
    List<ProbedConnection> conns = replay(frames, aggregator());
    assertThat(conns).singleElement().extracting(ProbedConnection::request)
        .isEqualTo(new RequestName.HttpRequest("POST", "models.internal", "/v1/chat/completions"));
    assertThat(conns.toString()).doesNotContain("SECRET");
  }

  @Test
  void aFirstWriteWhoseConnectWasLostStillNamesProcessAndDestination() throws Exception {
    byte[] frames = new Frames(T0).payload(AGENT, T0, 9, SERVER, 40000, 443, RequestNamesTest.javaClientHello("api.openai.com"), 517).bytes();
    ProbedConnection c = replay(frames, aggregator()).get(0);
    assertThat(c.destination()).isEqualTo(new Endpoint("10.9.0.2", 443));
    assertThat(c.source()).isEqualTo(new Endpoint("10.9.0.1", 40000));
    assertThat(c.request()).isEqualTo(new RequestName.Sni("api.openai.com"));
  }

  @Test
  void aStreamOutOfStepOrOfAnotherLayoutStopsWithTheReason() throws Exception {
    byte[] bad = new Frames(T0).frame(EventDecoder.EVENT, new byte[10]).bytes();
    byte[] garbage = java.util.Arrays.copyOf(bad, bad.length + 8);
    garbage[bad.length] = (byte) 0xff;
    garbage[bad.length + 3] = (byte) 0x7f; // a frame length of 2 GiB
    Path f = Files.write(dir.resolve("bad.bin"), garbage);
    try (FixtureProbe probe = new FixtureProbe(f, dev.wraith.redact.Redactor.bundled())) {
      assertThat(probe.poll(Duration.ZERO)).isEmpty(); // the short record is skipped
      assertThat(probe.stopped()).hasValueSatisfying(s -> assertThat(s).contains("out of step"));
    }
    byte[] other = new Frames(T0).bytes();
    other[8] = 2; // layout 2
    Path g = Files.write(dir.resolve("other.bin"), other);
    try (FixtureProbe probe = new FixtureProbe(g, dev.wraith.redact.Redactor.bundled())) {
      probe.poll(Duration.ZERO);
      assertThat(probe.stopped()).hasValueSatisfying(s -> assertThat(s).contains("layout 2"));
    }
  }
}

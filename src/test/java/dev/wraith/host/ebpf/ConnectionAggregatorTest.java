package dev.wraith.host.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

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
 * connection: process named from its exec, SNI from its first write, DNS answers of the process first, then of
 * its namespace, within their TTL; losses reported.
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
    try (FixtureProbe probe = new FixtureProbe(f)) {
      while (probe.stopped().isEmpty()) {
        for (KernelEvent e : probe.poll(Duration.ZERO)) agg.accept(e);
      }
      assertThat(probe.stopped()).contains("end of events.bin");
    }
    out.addAll(agg.completeBefore(T0.plusSeconds(1000)));
    return out;
  }

  private static ConnectionAggregator aggregator() {
    return new ConnectionAggregator(new ProcessDirectory((pid, start) -> Optional.empty(), new CgroupIds(Optional.empty())),
        "node-a", Duration.ofMillis(500));
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
    assertThat(agent.dnsAnswers()).extracting(DnsAnswer::pid, DnsAnswer::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4242, "api.openai.com"),
            org.assertj.core.groups.Tuple.tuple(4343, "cdn-neighbour.example")); // own first; another netns's never
    DnsAnswer own = agent.dnsAnswers().get(0);
    assertThat(own).isEqualTo(new DnsAnswer(T0.plusMillis(10), "node-a", 4242, 900_000, "net:[4026532001]", "", "", "api.openai.com",
        List.of(new DnsAnswer.Answer("10.9.0.2", 300))));

    ProbedConnection neighbour = conns.get(1);
    assertThat(neighbour.request()).isEqualTo(new RequestName.Sni("cdn-neighbour.example"));
    assertThat(neighbour.dnsAnswers().get(0).name()).isEqualTo("cdn-neighbour.example");
    assertThat(neighbour.process().source()).isEqualTo(ProbedProcess.Source.UNKNOWN); // no exec seen, not in /proc

    ProbedConnection late = conns.get(2);
    assertThat(late.dnsAnswers()).isEmpty();
    assertThat(late.request()).isInstanceOf(RequestName.None.class);
    assertThat(agg.lost()).containsEntry("connects: kernel ring buffer full", 3L);
    assertThat(agg.answers()).extracting(DnsAnswer::name).containsExactly("api.openai.com", "api.openai.com", "cdn-neighbour.example");
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
    try (FixtureProbe probe = new FixtureProbe(f)) {
      assertThat(probe.poll(Duration.ZERO)).isEmpty(); // the short record is skipped
      assertThat(probe.stopped()).hasValueSatisfying(s -> assertThat(s).contains("out of step"));
    }
    byte[] other = new Frames(T0).bytes();
    other[8] = 2; // layout 2
    Path g = Files.write(dir.resolve("other.bin"), other);
    try (FixtureProbe probe = new FixtureProbe(g)) {
      probe.poll(Duration.ZERO);
      assertThat(probe.stopped()).hasValueSatisfying(s -> assertThat(s).contains("layout 2"));
    }
  }
}

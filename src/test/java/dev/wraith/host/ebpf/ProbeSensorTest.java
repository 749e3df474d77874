package dev.wraith.host.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.wraith.attribution.Attributor;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.host.LiveProcFs;
import dev.wraith.model.HostScan;
import dev.wraith.model.Observation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sensor's window on recorded probe frames: each connection attributed by what its process asked for before its
 * address. The address here is in a range the catalogue says Anthropic publishes, shared (as on a CDN) by an OpenAI
 * name and a non-AI neighbour: the names decide, the range only names a connection that asked for nothing (weak).
 */
class ProbeSensorTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final byte[] EDGE = {(byte) 160, 79, 104, 10}, PROXY = {10, 9, 0, 8}, GATEWAY = {10, 96, 0, 20}, DNS = {10, 9, 0, 53};
  static final long NS = 4026532001L, OTHER_NS = 4026532999L;
  static final Frames.Proc AGENT = new Frames.Proc(4242, 900_000, 77, NS);
  static final Frames.Proc NEIGHBOUR = new Frames.Proc(4343, 900_100, 77, NS);
  static final Frames.Proc SIBLING = new Frames.Proc(4444, 900_200, 77, NS);
  static final Frames.Proc NAMELESS = new Frames.Proc(4545, 900_300, 78, OTHER_NS);
  static final Frames.Proc PROXIED = new Frames.Proc(4646, 900_400, 78, OTHER_NS);
  static final Frames.Proc CALLER = new Frames.Proc(4747, 900_500, 78, OTHER_NS);
  @TempDir Path dir;

  private static byte[] answer(String name) {
    return DnsWire.response(9, 0, 1).question(name, 1).a(name, 300, 160, 79, 104, 10).bytes();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private HostScan window(byte[] frames) throws Exception {
    Path f = Files.write(dir.resolve("events.bin"), frames);
    Path proc = Files.createDirectories(dir.resolve("proc")); // no process readable: every one is named from the events
    var attributor = new Attributor(CatalogueLoader.bundled(), List.of(), Optional.empty());
    try (var sensor = new ProbeSensor(new FixtureProbe(f, dev.wraith.redact.Redactor.bundled()), new LiveProcFs(proc), proc,
        attributor, "node-a", dev.wraith.redact.Redactor.bundled(), Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC), () -> List.of("DNS cache: off"))) {
      ProbeWindow w = sensor.observe(Duration.ofMillis(300));
      assertThat(w.scan().status().reason()).isEqualTo("eBPF probe stopped: end of events.bin"); // a recording ends
      assertThat(w.answers()).extracting(a -> a.name()).containsExactly("api.openai.com", "cdn-neighbour.example");
      return w.scan();
    }
  }

  @Test
  void namesDecideBeforeTheAddressAndSayWhichEvidenceDid() throws Exception {
    byte[] frames = new Frames(T0)
        .dns(AGENT, T0.plusMillis(1), DNS, answer("api.openai.com"))
        // no request name, no answer of its own: its namespace's answer names the address (the agent's)
        .connect(SIBLING, T0.plusMillis(3), 3, EDGE, 443)
        .payload(SIBLING, T0.plusMillis(4), 3, EDGE, 50003, 443, ascii("\u0000\u0001binary"), 8)
        .dns(NEIGHBOUR, T0.plusMillis(5), DNS, answer("cdn-neighbour.example"))
        .connect(AGENT, T0.plusMillis(10), 1, EDGE, 443)
        .payload(AGENT, T0.plusMillis(11), 1, EDGE, 50001, 443, RequestNamesTest.javaClientHello("api.openai.com"), 517)
        .connect(NEIGHBOUR, T0.plusMillis(12), 2, EDGE, 443)
        .payload(NEIGHBOUR, T0.plusMillis(13), 2, EDGE, 50002, 443, RequestNamesTest.javaClientHello("cdn-neighbour.example"), 517)
        // another namespace, no names at all: only the published range speaks, weakly
        .connect(NAMELESS, T0.plusMillis(16), 4, EDGE, 443)
        .connect(PROXIED, T0.plusMillis(17), 5, PROXY, 3128)
        .payload(PROXIED, T0.plusMillis(18), 5, PROXY, 50005, 3128, ascii("CONNECT api.anthropic.com:443 HTTP/1.1\r\n\r\n"), 40)
        .connect(CALLER, T0.plusMillis(19), 6, GATEWAY, 7777)
        .payload(CALLER, T0.plusMillis(20), 6, GATEWAY, 50006, 7777,
            ascii("POST /v1/chat/completions HTTP/1.1\r\nHost: litellm.ai-platform.svc:7777\r\n\r\n"), 70)
        .bytes();
    HostScan scan = window(frames);

    assertThat(scan.observations()).extracting(o -> o.process().pid(), Observation::ip, o -> o.attribution().providerId(),
        o -> o.attribution().host(), o -> o.attribution().method().id(), o -> o.attribution().strength().id())
        .containsExactly(
            tuple(4242, "160.79.104.10", "openai", "api.openai.com", "sni", "strong"),
            tuple(4444, "160.79.104.10", "openai", "api.openai.com", "dns-answer", "strong"),
            tuple(4545, "160.79.104.10", "anthropic", "", "published-range", "weak"),
            tuple(4646, "10.9.0.8", "anthropic", "api.anthropic.com", "proxy-connect", "strong"));
    // the neighbour is nowhere: its SNI named a non-AI host, although the address is in Anthropic's range
    assertThat(scan.observations()).noneMatch(o -> o.process().pid() == 4343);
    // an in-cluster address whose name the catalogue does not know: left to the cluster's address map
    assertThat(scan.inCluster()).singleElement().satisfies(c -> {
      assertThat(c.process().pid()).isEqualTo(4747);
      assertThat(c.ip() + ":" + c.port()).isEqualTo("10.96.0.20:7777");
      assertThat(c.connections()).isEqualTo(1);
    });
    assertThat(scan.status().warnings()).as("counts are notes, not problems").noneMatch(w -> w.startsWith("names: "));
    assertThat(scan.status().notes()).contains("names: 3 connections AI by name or pin (sni 1, proxy-connect 1, dns-answer 1), "
        + "1 AI by address only (published-range 1), 1 named non-AI hosts (1 of them on an address that address evidence calls "
        + "AI: a shared address, not AI), 1 unattributed", "DNS cache: off");
    assertThat(scan.stats().probe()).contains(new HostScan.Probe(13, 6, 2, 0));
    assertThat(scan.stats().processes()).isEqualTo(6);
  }

  @Test
  void aProcessThatKeepsConnectingIsOneObservationWithItsStrongestEvidence() throws Exception {
    Frames f = new Frames(T0).dns(AGENT, T0, DNS, answer("api.openai.com")).dns(NEIGHBOUR, T0, DNS, answer("cdn-neighbour.example"));
    for (int i = 0; i < 5; i++) {
      // resolved, then connected without a ClientHello in time: named by its DNS answer; the last one sends its SNI
      f.connect(AGENT, T0.plusMillis(10 + i), 10 + i, EDGE, 443);
      if (i == 4) f.payload(AGENT, T0.plusMillis(20), 14, EDGE, 50014, 443, RequestNamesTest.javaClientHello("api.openai.com"), 517);
    }
    HostScan scan = window(f.bytes());
    assertThat(scan.observations()).singleElement().satisfies(o -> {
      assertThat(o.connections()).isEqualTo(5);
      assertThat(o.attribution().method().id()).isEqualTo("sni");
      assertThat(o.firstSeen()).isEqualTo(T0.plusMillis(10));
      assertThat(o.lastSeen()).isEqualTo(T0.plusMillis(14));
    });
  }

  @Test
  void theSensorsOwnPidIsAsItsProcFilesystemNamesIt() throws Exception {
    assertThat(ProbeSensor.selfPid(Path.of("/proc"))).isEqualTo(ProcessHandle.current().pid());
    Path hostProc = Files.createDirectories(dir.resolve("host-proc")); // a DaemonSet's /host/proc: another PID namespace
    Files.createSymbolicLink(hostProc.resolve("self"), Path.of("4646"));
    assertThat(ProbeSensor.selfPid(hostProc)).isEqualTo(4646);
    assertThat(ProbeSensor.selfPid(dir.resolve("nowhere"))).isEqualTo(ProcessHandle.current().pid());
  }
}

package dev.wraith.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wraith.attribution.Pin;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.host.ebpf.FixtureProbe;
import dev.wraith.host.ebpf.Frames;
import dev.wraith.host.ebpf.ProbeMode;
import dev.wraith.host.ebpf.ProbeStart;
import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessOrigin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host layer on a recorded probe stream (the fixture probe over the loader's frames): a 50 ms process that exited
 * long ago is still reported with its exec'd binary and masked arguments; when the probe stops, the window fails with
 * the reason and, with --probe auto, the next windows sample /proc and say why.
 */
class HostSessionProbeTest {
  @TempDir Path dir;

  @Test
  void aRecordedShortLivedProcessIsReportedThenTheLayerFallsBackWhenTheProbeStops() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "skipped: needs a live /proc");
    Path events = dir.resolve("events.bin");
    Files.write(events, shortLivedAgent());
    var cat = CatalogueLoader.bundled();
    try (HostSession layer = HostSession.open(cat, Path.of("/proc"), List.of(Pin.parse("api.openai.com=10.9.0.2")), false, ProbeMode.AUTO,
        () -> start(events))) {
      HostScan first = layer.observe(Duration.ofSeconds(1), Duration.ofMillis(200));
      assertThat(first.status().state()).isEqualTo(LayerStatus.State.FAILED);
      assertThat(first.status().reason()).isEqualTo("eBPF probe stopped: end of events.bin");
      Observation o = first.observations().stream().filter(x -> x.process().pid() == AGENT.pid()).findFirst().orElseThrow();
      assertThat(o.process().exe()).isEqualTo("/usr/bin/python3.11");
      assertThat(o.process().argv()).containsExactly("python3", "/srv/agent.py", "--api-key", "***");
      assertThat(o.origin()).isEqualTo(ProcessOrigin.NODE);
      assertThat(o.entryScript()).hasValueSatisfying(s -> assertThat(s.path()).isEqualTo("/srv/agent.py"));
      assertThat(o.attribution().providerId()).isEqualTo("openai");
      assertThat(o.connections()).isEqualTo(2);
      assertThat(layer.lastProbeWindow()).hasValueSatisfying(w -> assertThat(w.connections()).hasSize(2));

      HostScan second = layer.observe(Duration.ofMillis(300), Duration.ofMillis(100));
      assertThat(second.status().state()).isNotEqualTo(LayerStatus.State.FAILED);
      assertThat(second.status().warnings().get(0))
          .isEqualTo("eBPF probe unavailable: it stopped: end of events.bin; sampling /proc every 100 ms");
    }
  }

  static final Frames.Proc AGENT = new Frames.Proc(3_999_001, 100, 1, 4026531840L); // a pid that does not run here

  /** A process that exec'd, connected twice to the pinned address with a plain-HTTP request, and exited. */
  static byte[] shortLivedAgent() {
    Instant t0 = Instant.now().minusSeconds(60);
    byte[] server = {10, 9, 0, 2};
    byte[] head = "POST /v1/chat/completions HTTP/1.1\r\nHost: api.openai.com\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    return new Frames(t0)
        .exec(AGENT, t0, 1, "/usr/bin/python3.11", "python3", "/srv/agent.py", "--api-key", "sk-proj-NOTAREALKEYNOTAREALKEY")
        .connect(AGENT, t0.plusMillis(5), 1, server, 443).payload(AGENT, t0.plusMillis(6), 1, server, 40001, 443, head, head.length)
        .connect(AGENT, t0.plusMillis(30), 2, server, 443).payload(AGENT, t0.plusMillis(31), 2, server, 40002, 443, head, head.length)
        .exit(AGENT, t0.plusMillis(50))
        .bytes();
  }

  private static ProbeStart start(Path events) {
    try {
      return new ProbeStart.Started(new FixtureProbe(events, dev.wraith.redact.Redactor.bundled()));
    } catch (java.io.IOException e) {
      return new ProbeStart.Unavailable(e.getMessage());
    }
  }
}

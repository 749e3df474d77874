package dev.wraith.incluster;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.groups.Tuple.tuple;

import dev.wraith.attribution.DnsAnswerLog;
import dev.wraith.attribution.DnsAnswerRecord;
import dev.wraith.attribution.DnsAnswers;
import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ProcessOrigin;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sensor's JSON Lines read back: writing what was read gives the same bytes. */
class SensorJsonReaderTest {
  static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
  final SensorJsonReader reader = new SensorJsonReader();

  @Test
  void roundTripsByteForByteWithAndWithoutHashes() {
    for (boolean hashes : List.of(false, true)) {
      String text = SensorFixtures.json(SensorFixtures.window(T), hashes);
      SensorJsonReader.Result r = reader.read(text);
      assertThat(r.warnings()).isEmpty();
      assertThat(r.scans()).hasSize(1);
      assertThat(SensorFixtures.json(r.scans().get(0), hashes)).isEqualTo(text);
    }
  }

  @Test
  void anEbpfWindowRoundTripsWithItsEvidenceCountsAndDnsAnswers() throws Exception {
    List<DnsAnswerRecord> answers = SensorFixtures.answers(T);
    String text = SensorFixtures.json(SensorFixtures.probeWindow(T), false, answers);
    SensorJsonReader.Result r = reader.read(text);
    assertThat(r.warnings()).isEmpty();
    HostScan s = r.scans().get(0);
    assertThat(s.observations()).extracting(o -> o.attribution().method().id(), o -> o.attribution().strength().id())
        .containsExactly(tuple("sni", "strong"), tuple("dns-answer", "strong"), tuple("published-range", "weak"));
    assertThat(s.stats().probe()).contains(new HostScan.Probe(5400, 7, 2, 3));
    assertThat(s.status().notes()).containsExactly("eBPF probe: 7 connects", "names: 2 by name");
    // the dns-answer lines are --dns-log's: read by it, they complete the window byte for byte
    List<DnsAnswerRecord> read = text.lines().filter(l -> l.contains("\"type\":\"dns-answer\""))
        .map(DnsAnswerLog::parse).toList();
    assertThat(read).isEqualTo(answers);
    assertThat(SensorFixtures.json(s, false, read)).isEqualTo(text);
    Path log = Files.writeString(Files.createTempFile("integ-dns-", ".jsonl"), text);
    try {
      DnsAnswers index = new DnsAnswers();
      DnsAnswerLog.Result loaded = DnsAnswerLog.read(List.of(log), index);
      assertThat(loaded.answers()).isEqualTo(2);
      assertThat(loaded.otherLines()).isEqualTo(5); // observations, the in-cluster line and the status
      assertThat(index.namesFor(new DnsAnswers.Scope("node-a", 101, 5000, "", "", ""), InetAddress.getByName("162.159.140.245"),
          T.plusSeconds(1))).containsExactly("api.openai.com");
    } finally {
      Files.delete(log);
    }
  }

  @Test
  void readsEveryFieldTheCorrelationNeeds() {
    HostScan s = reader.read(SensorFixtures.json(SensorFixtures.window(T), true)).scans().get(0);
    assertThat(s.start()).isEqualTo(T);
    assertThat(s.end()).isEqualTo(T.plusSeconds(60));
    assertThat(s.status().state()).isEqualTo(LayerStatus.State.PARTIAL);
    assertThat(s.status().warnings()).containsExactly("12 processes unreadable (not root)");
    assertThat(s.stats().maxGapMillis()).isEqualTo(210);
    assertThat(s.observations()).extracting(o -> o.origin()).containsExactly(ProcessOrigin.CONTAINER, ProcessOrigin.EXEC,
        ProcessOrigin.NODE);
    var app = s.observations().get(0);
    assertThat(app.process().container().orElseThrow().containerId()).isEqualTo(SensorFixtures.CID);
    assertThat(app.process().envNames()).containsExactly("OPENAI_API_KEY", "PATH");
    assertThat(app.entryScript().orElseThrow().sha256()).hasSize(64);
    assertThat(app.attribution().host()).isEqualTo("api.openai.com");
    assertThat(s.observations().get(2).process().container()).isEmpty();
    assertThat(s.observations().get(2).entryScript().orElseThrow().note()).startsWith("unreadable");
    assertThat(s.unowned()).extracting(u -> u.namespacePod().isPresent()).containsExactly(false, true);
    // the in-cluster connection nothing on the node named comes back for the operator's cluster view to name
    assertThat(s.inCluster()).singleElement().satisfies(c -> {
      assertThat(c.ip()).isEqualTo("10.96.0.40");
      assertThat(c.port()).isEqualTo(4000);
      assertThat(c.process().pid()).isEqualTo(101);
      assertThat(c.connections()).isEqualTo(3);
    });
  }

  @Test
  void severalWindowsBadLinesAndAnUnfinishedWindow() {
    String one = SensorFixtures.json(SensorFixtures.window(T), false);
    String two = SensorFixtures.json(SensorFixtures.window(T.plusSeconds(60)), false);
    String cut = two.lines().findFirst().orElseThrow();
    String dns = "{\"type\":\"dns-answer\",\"time\":\"2026-03-02T10:00:00Z\",\"name\":\"api.openai.com\","
        + "\"answers\":[{\"ip\":\"162.159.140.245\",\"ttl\":300}]}\n";
    SensorJsonReader.Result r = reader.read(dns + one + "not json\n{\"type\":\"heartbeat\"}\n" + two + cut + "\n");
    assertThat(r.scans()).extracting(HostScan::start).containsExactly(T, T.plusSeconds(60));
    assertThat(r.warnings()).as("the sensor's dns-answer lines are not a problem").hasSize(3);
    assertThat(r.warnings().get(0)).isEqualTo("line 9: unreadable, not valid JSON at column 1");
    assertThat(r.warnings().get(1)).isEqualTo("line 10: unknown type 'heartbeat'");
    assertThat(r.warnings().get(2)).startsWith("1 lines after the last status line were dropped");
  }

  /** Deep and oversize lines are warnings and the windows around them still come back. */
  @Test
  void deepAndOversizeLinesAreWarnings() {
    String one = SensorFixtures.json(SensorFixtures.window(T), false);
    String deep = "{\"type\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    String huge = "{\"type\":\"" + "x".repeat(17 << 20) + "\"}";
    SensorJsonReader.Result r = reader.read(deep + "\n" + huge + "\n" + one);
    assertThat(r.scans()).hasSize(1);
    assertThat(r.warnings()).containsExactly("line 1: unreadable, nested deeper than 128 levels",
        "line 2: longer than 16 MiB, skipped");
  }
}

package dev.wraith.incluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ProcessOrigin;
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
    assertThat(r.warnings().get(0)).startsWith("line 9: unreadable");
    assertThat(r.warnings().get(1)).isEqualTo("line 10: unknown type 'heartbeat'");
    assertThat(r.warnings().get(2)).startsWith("1 lines after the last status line were dropped");
  }
}

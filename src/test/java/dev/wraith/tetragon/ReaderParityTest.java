package dev.wraith.tetragon;

import static dev.wraith.tetragon.TetragonStream.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.tetragon.api.GetEventsResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Event by event, the export reader, the gRPC wire reader and the generated classes make the same events of the
 * same stream: the same processes (argv masked alike, protojson's time form, pods, init-tree flags), connections
 * and gaps.
 */
class ReaderParityTest {
  @Test
  void allReadersMakeTheSameEvents() throws Exception {
    List<String> lines = new ArrayList<>(GrpcEventSourceTest.messyStream());
    Instant t = Instant.parse("2026-03-02T12:00:00.5Z");
    // a process first seen without its pod (Tetragon's pod lookup lags), then with it; odd but valid values
    P late = new P(execId(4000, 8000), execId(3999, 7990), 8000, "/w", "/usr/bin/node", "server.js --token=abc \"q\\\\x\"",
        null, false);
    lines.add(exec(late, null, t));
    lines.add(connect(new P(late.execId(), late.parentExecId(), 8000, "/w", "/usr/bin/node", late.args(),
        pod("web", "web-0", "node", 7, false), true), "2607:6bc0::10", 443, t.plusMillis(1)));
    lines.add(exit(late, t.plusSeconds(2)));
    lines.add(line("process_throttle", java.util.Map.of("type", "THROTTLE_START", "cgroup", "/kubepods/x"), t));

    EventParser json = new EventParser();
    List<Event> fromJson = new ArrayList<>();
    for (String l : lines) {
      if (json.parse(l) instanceof EventParser.Result.Parsed p) fromJson.add(p.event());
    }
    ProtoEventReader proto = new ProtoEventReader();
    ProtoWireReader wire = new ProtoWireReader();
    List<Event> fromProto = new ArrayList<>();
    List<Event> fromWire = new ArrayList<>();
    for (GetEventsResponse m : TetragonTestServer.fromExportLines(lines)) {
      Event e = proto.read(m);
      if (e != null) fromProto.add(e);
      Event w = wire.read(m.toByteArray()); // with the upstream fields the subset does not declare
      if (w != null) fromWire.add(w);
    }
    assertThat(fromJson).hasSizeGreaterThan(40);
    assertThat(fromWire).isEqualTo(fromJson);
    for (int i = 0; i < Math.min(fromJson.size(), fromProto.size()); i++) {
      assertThat(fromProto.get(i)).as("event " + i).isEqualTo(fromJson.get(i));
    }
    assertThat(fromProto).isEqualTo(fromJson);
    Event.Connect c = (Event.Connect) fromJson.get(fromJson.size() - 3);
    assertThat(c.process().pod()).isPresent();
    assertThat(c.process().argv()).containsExactly("/usr/bin/node", "server.js", "--token=abc", "\"q\\\\x\""); // raw here: the collector redacts
    assertThat(c.process().startTime()).isEqualTo("2026-03-02T10:00:00.118274911Z");
  }

  @Test
  void aCutMessageIsAnErrorNotAnEvent() {
    byte[] cut = java.util.Arrays.copyOf(TetragonTestServer.fromExportLines(GrpcEventSourceTest.messyStream()).get(0)
        .toByteArray(), 40);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProtoWireReader().read(cut))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void timesAreWrittenInProtojsonForm() {
    assertThat(Rfc3339.format(Instant.parse("2026-03-01T22:03:10Z"))).isEqualTo("2026-03-01T22:03:10Z");
    assertThat(Rfc3339.format(Instant.parse("2026-03-01T22:03:10.5Z"))).isEqualTo("2026-03-01T22:03:10.500Z");
    assertThat(Rfc3339.format(Instant.parse("2026-03-01T22:03:10.000120Z"))).isEqualTo("2026-03-01T22:03:10.000120Z");
    assertThat(Rfc3339.format(Instant.parse("2026-03-01T22:03:10.000000007Z"))).isEqualTo("2026-03-01T22:03:10.000000007Z");
    for (String s : List.of("1970-01-01T00:00:00Z", "2024-02-29T23:59:59.999999999Z", "1969-12-31T23:59:59.1Z",
        "2100-03-01T00:00:00Z", "2000-01-01T12:00:00.123Z")) {
      assertThat(Rfc3339.parse(s)).isEqualTo(Instant.parse(s));
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rfc3339.parse("2026-02-30T00:00:00Z"))
        .isInstanceOf(java.time.DateTimeException.class);
    assertThat(Rfc3339.parse("2026-03-02T10:15:42+01:00")).isEqualTo(Instant.parse("2026-03-02T09:15:42Z"));
  }
}

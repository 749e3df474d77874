package dev.wraith.tetragon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Protojson details: omitted defaults, 64-bit strings, unknown fields and types, prefixes. */
class TetragonEventParserTest {
  final EventParser parser = new EventParser();

  Event parsed(String line) {
    var r = parser.parse(line);
    assertThat(r).isInstanceOf(EventParser.Result.Parsed.class);
    return ((EventParser.Result.Parsed) r).event();
  }

  @Test
  void omittedDefaultsAndStringNumbers() {
    Event e = parsed("{\"process_kprobe\":{\"process\":{\"exec_id\":\"eA==\",\"pid\":\"42\",\"binary\":\"/bin/x\","
        + "\"pod\":{\"namespace\":\"ns\",\"container\":{\"id\":\"cri-o://abc\"}},\"future_field\":{\"a\":[1]}},"
        + "\"function_name\":\"tcp_sendmsg\",\"args\":[{\"sock_arg\":{\"daddr\":\"2607:6bc0::10\",\"dport\":\"443\","
        + "\"cookie\":\"18446633044011339776\"}},{\"int_arg\":12}]},\"node_name\":\"n\",\"time\":\"2026-03-02T10:15:42.391002817Z\"}");
    var c = (Event.Connect) e;
    assertThat(c.process().pid()).isEqualTo(42);
    assertThat(c.process().inInitTree()).isFalse();
    assertThat(c.process().pod().orElseThrow().runtime()).isEqualTo("cri-o");
    assertThat(c.process().pod().orElseThrow().containerId()).isEqualTo("abc");
    assertThat(c.daddr()).isEqualTo("2607:6bc0::10");
    assertThat(c.dport()).isEqualTo(443);
    assertThat(c.function()).isEqualTo("tcp_sendmsg");
    assertThat(c.time()).isEqualTo(java.time.Instant.parse("2026-03-02T10:15:42.391002817Z")); // nanoseconds kept
  }

  @Test
  void kubectlLogsPrefixIsSkipped() {
    assertThat(parsed("[pod/tetragon-x7k2p/export-stdout] {\"process_exit\":{\"process\":{\"exec_id\":\"eA==\"}},\"time\":\"2026-03-02T10:00:00Z\"}"))
        .isInstanceOf(Event.Exit.class);
  }

  @Test
  void unknownTypesAreIgnoredAndGarbageIsMalformed() {
    assertThat(parser.parse("{\"process_lsm\":{},\"node_name\":\"n\"}")).isInstanceOf(EventParser.Result.Ignored.class);
    assertThat(parser.parse("{\"process_kprobe\":{\"process\":{\"exec_id\":\"eA==\"},\"function_name\":\"security_file_open\"}}"))
        .isInstanceOf(EventParser.Result.Ignored.class);
    assertThat(parser.parse("{\"process_exec\":")).isInstanceOf(EventParser.Result.Malformed.class);
    assertThat(parser.parse("garbage")).isInstanceOf(EventParser.Result.Malformed.class);
    assertThat(parser.parse("{\"time\":\"yesterday\",\"process_exit\":{\"process\":{}}}")).isInstanceOf(EventParser.Result.Malformed.class);
  }

  @Test
  void throttleIsAGap() {
    assertThat(parsed("{\"process_throttle\":{\"type\":\"THROTTLE_START\",\"cgroup\":\"x\"},\"time\":\"2026-03-02T10:00:00Z\"}"))
        .isInstanceOf(Event.Gap.class);
  }

  @Test
  void escapedStringsAreDecoded() {
    var e = (Event.Exec) parsed("{\"process_exec\":{\"process\":{\"exec_id\":\"eA==\",\"cwd\":\"/t\\u00e9mp\","
        + "\"binary\":\"/bin/\\u0070y\",\"arguments\":\"-c \\\"print(1)\\\"\\ttab \\\\n \\/x\"}},\"time\":\"2026-03-02T10:00:00Z\"}");
    assertThat(e.process().binary()).isEqualTo("/bin/py");
    assertThat(e.process().cwd()).isEqualTo("/t\u00e9mp");
    assertThat(e.process().argv()).containsExactly("/bin/py", "-c", "\"print(1)\"\ttab", "\\n", "/x");
  }

  @Test
  void skippedValuesMustStillBeWellFormed() {
    String ok = "{\"process_exit\":{\"process\":{\"exec_id\":\"eA==\",\"x\":{\"a\":[1,{\"b\":\"}]\"}]}}}}";
    assertThat(parser.parse(ok)).isInstanceOf(EventParser.Result.Parsed.class);
    for (String bad : List.of(
        "{\"process_exit\":{\"process\":{\"exec_id\":\"eA==\",\"x\":{\"a\":[1}}}}",   // ] expected
        "{\"process_exit\":{\"process\":{\"exec_id\":\"eA==\",\"x\":\"open}}}",        // string never ends
        "{\"process_exit\":{\"process\":{\"exec_id\":\"eA==\"}}} trailing",
        "{\"process_exit\":{\"process\":{\"exec_id\":\"eA==\",}}}",
        "{\"process_exit\":{\"process\":{\"pid\":1.5}}}",
        "{\"process_kprobe\":{\"process\":{},\"args\":[{\"sock_arg\":{\"daddr\":\"1.2.3.4\",\"dport\":70000}}]}}")) {
      assertThat(parser.parse(bad)).as(bad).isInstanceOf(EventParser.Result.Malformed.class);
    }
  }

  @Test
  void aCutLineNeverSwallowsTheNextOne() throws java.io.IOException {
    String good = "{\"process_exit\":{\"process\":{\"exec_id\":\"eA==\"}},\"time\":\"2026-03-02T10:00:00Z\"}";
    String text = "{\"process_exec\":{\"process\":{\"arguments\":\"cut here\n" + good + "\n{\"process_exec\":{\"x\":[\n"
        + good + "\n{\"a\":\"ends with a backslash\\\n" + good + "\n";
    List<Event> events = new java.util.ArrayList<>();
    ReadTally tally = new ReadTally();
    JsonExportSource.readLines("t.log", new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        events::add, tally);
    assertThat(events).hasSize(3);
    assertThat(tally.stats().malformed()).isEqualTo(3);
    assertThat(tally.warnings()).containsExactly("t.log:1: skipped, not valid event JSON (unterminated string)",
        "t.log:3: skipped, not valid event JSON (line ends early)", "t.log:5: skipped, not valid event JSON (unterminated string)");
  }

  @Test
  void linesAcrossReadChunksAndLongerThanAChunkAreRead() throws java.io.IOException {
    StringBuilder text = new StringBuilder();
    int n = 0;
    while (text.length() < 3 * JsonExportSource.CHUNK) {
      text.append("{\"process_exit\":{\"process\":{\"exec_id\":\"p").append(n++).append("\",\"cwd\":\"").append("x".repeat(n % 700))
          .append("\"}},\"time\":\"2026-03-02T10:00:00Z\"}\r\n");
    }
    text.append("{\"process_exit\":{\"process\":{\"exec_id\":\"long\",\"arguments\":\"").append("a".repeat(JsonExportSource.CHUNK * 2))
        .append("\"}},\"time\":\"2026-03-02T10:00:00Z\"}"); // no final newline
    List<Event> events = new java.util.ArrayList<>();
    ReadTally tally = new ReadTally();
    JsonExportSource.readLines("t.log", new java.io.ByteArrayInputStream(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        events::add, tally);
    assertThat(tally.stats().malformed()).isZero();
    assertThat(events).hasSize(n + 1);
    assertThat(((Event.Exit) events.get(n)).process().argv().get(1)).hasSize(JsonExportSource.CHUNK * 2);
  }
}

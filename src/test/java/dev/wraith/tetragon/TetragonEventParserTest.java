package dev.wraith.tetragon;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(c.time().getNano()).isEqualTo(391002817);
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
}

package dev.wraith.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dns-answer JSON lines: what the sensor writes is what --dns-log reads; hostile lines are warnings. */
class DnsAnswerLogTest {
  static final Instant T = Instant.parse("2026-11-16T09:14:07Z");

  @TempDir Path dir;

  static DnsAnswerRecord full() {
    return new DnsAnswerRecord(T, "node-a", 88164, 9120345, "net:[4026532301]", "5f0c2b1e-6a7d", "4c1e9a7b2d5f",
        "api.openai.com", List.of(new DnsAnswerRecord.Answer("162.159.140.245", 300),
            new DnsAnswerRecord.Answer("2606:4700::6812:7c0", 300)));
  }

  @Test
  void writesTheDocumentedLineAndReadsItBack() {
    String line = DnsAnswerLog.line(full());
    assertThat(line).isEqualTo("{\"type\":\"dns-answer\",\"time\":\"2026-11-16T09:14:07Z\",\"node\":\"node-a\",\"pid\":88164,"
        + "\"startTicks\":9120345,\"netns\":\"net:[4026532301]\",\"podUid\":\"5f0c2b1e-6a7d\",\"containerId\":\"4c1e9a7b2d5f\","
        + "\"name\":\"api.openai.com\",\"answers\":[{\"ip\":\"162.159.140.245\",\"ttl\":300},{\"ip\":\"2606:4700::6812:7c0\",\"ttl\":300}]}");
    assertThat(DnsAnswerLog.parse(line)).isEqualTo(full());
    DnsAnswerRecord minimal = new DnsAnswerRecord(T, "", 0, 0, "", "", "", "api.openai.com",
        List.of(new DnsAnswerRecord.Answer("162.159.140.245", 0)));
    assertThat(DnsAnswerLog.line(minimal)).isEqualTo("{\"type\":\"dns-answer\",\"time\":\"2026-11-16T09:14:07Z\","
        + "\"name\":\"api.openai.com\",\"answers\":[{\"ip\":\"162.159.140.245\",\"ttl\":0}]}");
    assertThat(DnsAnswerLog.parse(DnsAnswerLog.line(minimal))).isEqualTo(minimal);
  }

  @Test
  void hostileLinesAreWarningsOtherTypesAreSkippedAndTheRestIsRead() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("{\"type\":\"observation\",\"pid\":1}");                                  // the sensor's other lines
    lines.add("{\"type\":\"status\",\"layer\":\"host\"}");
    lines.add(DnsAnswerLog.line(full()));                                               // good
    lines.add("not json at all");                                                        // line 4
    lines.add("{\"type\":\"dns-answer\",\"time\":\"yesterday\",\"name\":\"a.example\",\"answers\":[{\"ip\":\"1.2.3.4\",\"ttl\":5}]}");
    lines.add("{\"type\":\"dns-answer\",\"time\":\"2026-11-16T09:14:07Z\",\"name\":\"a.example\",\"answers\":[{\"ip\":\"evil.example\",\"ttl\":5}]}");
    lines.add("{\"type\":\"dns-answer\",\"time\":\"2026-11-16T09:14:07Z\",\"name\":\"a.example\",\"answers\":[{\"ip\":\"1.2.3.4\",\"ttl\":-1}]}");
    lines.add("{\"type\":\"dns-answer\",\"time\":\"2026-11-16T09:14:07Z\",\"name\":\"a b\",\"answers\":[{\"ip\":\"1.2.3.4\",\"ttl\":5}]}");
    lines.add("{\"type\":\"dns-answer\",\"time\":\"2026-11-16T09:14:07Z\",\"name\":\"a.example\",\"answers\":[]}");
    lines.add("{\"type\":\"dns-answer\",\"time\":\"2026-11-16T09:14:07Z\",\"name\":\"a.example\",\"pid\":\"1; rm\",\"answers\":[{\"ip\":\"1.2.3.4\",\"ttl\":5}]}");
    lines.add("{\"type\":\"dns-answer\",\"name\":\"" + "a".repeat(DnsAnswerLog.MAX_LINE) + "\"}");   // overlong
    lines.add("[1,2,3]");
    lines.add("\u0000\u0001binary\u00ff");
    lines.add("{\"type\":\"dns-answer\",\"time\":\"2026-11-16T10:14:07+01:00\",\"name\":\"api.anthropic.com\","
        + "\"answers\":[{\"ip\":\"160.79.104.10\",\"ttl\":60}]}");                      // offset time: good
    Path f = dir.resolve("sensor.jsonl");
    Files.writeString(f, String.join("\n", lines));                                      // no final newline
    DnsAnswers into = new DnsAnswers();
    DnsAnswerLog.Result r = DnsAnswerLog.read(List.of(f), into);
    assertThat(r.answers()).isEqualTo(2);
    assertThat(r.otherLines()).isEqualTo(2);
    assertThat(r.warnings()).hasSize(10).allMatch(w -> w.startsWith("--dns-log " + f + ":"));
    assertThat(r.warnings().get(0)).endsWith(":4: not JSON, line skipped");
    assertThat(String.join("\n", r.warnings())).contains("is not ISO-8601", "is not an IP address", "ttl out of range",
        "not a DNS name", "no answers", "pid is not a number", "longer than 65536 bytes", "not a JSON object");
    InetAddress anthropic = Pin.literal("160.79.104.10", "t");
    assertThat(into.namesFor(new DnsAnswers.Scope("", 0, 0, "", "", ""), anthropic, Instant.parse("2026-11-16T09:14:30Z")))
        .as("no scope on either side: nothing matches").isEmpty();
    assertThat(into.knows(anthropic)).isTrue();
  }

  @Test
  void gzipTooAndAMissingFileIsAWarning() throws Exception {
    Path gz = dir.resolve("dns.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write((DnsAnswerLog.line(full()) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    DnsAnswers into = new DnsAnswers();
    DnsAnswerLog.Result r = DnsAnswerLog.read(List.of(gz, dir.resolve("missing.jsonl")), into);
    assertThat(r.answers()).isEqualTo(1);
    assertThat(r.warnings()).singleElement().asString().isEqualTo("--dns-log " + dir.resolve("missing.jsonl") + ": no such file");
    assertThat(into.size()).isEqualTo(2);
  }

  /** Given to the reader directly (the CLI refuses them before), special files are warnings and nothing blocks. */
  @Test
  @org.junit.jupiter.api.Timeout(30)
  void fifosDevicesAndDirectoriesAreWarningsAndNothingBlocks() throws Exception {
    Path fifo = dir.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Path good = Files.writeString(dir.resolve("good.jsonl"), DnsAnswerLog.line(full()) + "\n");
    DnsAnswers into = new DnsAnswers();
    DnsAnswerLog.Result r = DnsAnswerLog.read(List.of(fifo, Path.of("/dev/zero"), dir, good), into);
    assertThat(r.answers()).isEqualTo(1);
    assertThat(r.warnings()).containsExactly(
        "--dns-log " + fifo + " is a named pipe (FIFO), not a regular file; save what it holds to a file and give that",
        "--dns-log /dev/zero is a character device, not a regular file; save what it holds to a file and give that",
        "--dns-log " + dir + " is a directory; give a file");
  }

  @Test
  void deepAndCutGzipLinesAreWarnings() throws Exception {
    Path deep = Files.writeString(dir.resolve("deep.jsonl"), "{\"type\":\"dns-answer\",\"answers\":"
        + "[".repeat(5_000) + "]".repeat(5_000) + "}\n" + DnsAnswerLog.line(full()) + "\n");
    var whole = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(whole)) {
      out.write((DnsAnswerLog.line(full()) + "\n").repeat(200).getBytes(StandardCharsets.UTF_8));
    }
    byte[] all = whole.toByteArray();
    Path cut = Files.write(dir.resolve("cut.jsonl.gz"), java.util.Arrays.copyOf(all, all.length - 12));
    DnsAnswerLog.Result r = DnsAnswerLog.read(List.of(deep, cut), new DnsAnswers());
    assertThat(r.answers()).isGreaterThan(1);
    assertThat(r.warnings()).contains("--dns-log " + deep + ":1: nested deeper than 128 levels, line skipped",
        "--dns-log " + cut + ": compressed file ends early (still being written?); read up to the cut");
  }

  @Test
  void manyBadLinesAreCountedNotListedForever() throws Exception {
    Path f = dir.resolve("junk.jsonl");
    Files.writeString(f, "junk\n".repeat(500));
    DnsAnswerLog.Result r = DnsAnswerLog.read(List.of(f), new DnsAnswers());
    assertThat(r.warnings()).hasSize(DnsAnswerLog.MAX_WARNINGS + 1);
    assertThat(r.warnings().get(DnsAnswerLog.MAX_WARNINGS)).isEqualTo("480 more unreadable --dns-log lines");
  }

  @Test
  void parseNamesWhatIsWrong() {
    assertThatThrownBy(() -> DnsAnswerLog.parse("{\"type\":\"dns-answer\"}")).hasMessageContaining("not a DNS name");
    assertThatThrownBy(() -> DnsAnswerLog.parse("{\"type\":\"dns-answer\",\"name\":\"a.b\",\"answers\":[{\"ip\":\"1.2.3.4\"}]}"))
        .hasMessageContaining("ttl");
  }
}

package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.files.HostileTempDirs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs, each in place of one of the recorded incident's inputs (examples/), run by a child JVM with a 96 MB
 * heap ({@link ChildWraith}): 2 GB single-line files (sparse), a gzip bomb, oversize and deeply nested objects. Each
 * must end with the documented exit code and a plain message naming the file, within bounded memory, and every other
 * layer must still report (the ghost the recorded incident holds is still found).
 */
@Timeout(600)
class HostileInputTest {
  static final Path CODE = Path.of("examples/acme-support").toAbsolutePath();
  static final Path DEMO = Path.of("examples/demo").toAbsolutePath();
  static final Duration LIMIT = Duration.ofSeconds(120);
  static final long TWO_GB = 2L << 30;

  @TempDir(factory = HostileTempDirs.class) Path work;

  private final ObjectMapper json = new ObjectMapper();

  /** The recorded incident's inputs by option; a test replaces one. */
  private Map<String, Path> inputs() {
    Map<String, Path> m = new LinkedHashMap<>();
    m.put("--kube-snapshot", DEMO.resolve("cluster.json"));
    m.put("--audit-log", DEMO.resolve("audit.log"));
    m.put("--tetragon-events", DEMO.resolve("tetragon.log.gz"));
    m.put("--dns-log", DEMO.resolve(DemoCommand.DNS_LOG));
    m.put("--home", DEMO.resolve("home"));
    return m;
  }

  /** scan-all over the code and the given inputs, offline, JSON on stdout. */
  private ChildWraith.Run scanAll(Map<String, Path> in, String... more) throws Exception {
    List<String> a = new ArrayList<>(List.of("scan-all", CODE.toString()));
    in.forEach((k, v) -> a.addAll(List.of(k, v.toString())));
    a.addAll(List.of("--skip-layers", "host", "--no-dns", "--no-state",
        "--output", work.resolve("results").toString(), "--format", "json"));
    a.addAll(List.of(more));
    return ChildWraith.run(work, LIMIT, a.toArray(String[]::new));
  }

  private static Path sparse(Path file, String prefix, long size) throws IOException {
    Files.writeString(file, prefix);
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
    return file;
  }

  private JsonNode layer(JsonNode inventory, String name) {
    for (JsonNode l : inventory.path("layers")) if (l.path("name").asText().equals(name)) return l;
    throw new AssertionError("no layer " + name + " in " + inventory.path("layers"));
  }

  /** The ghost of the recorded incident (a script exec'd into the payments pod) and the code layer's agents are there. */
  private void everyOtherLayerStillReports(JsonNode inventory, String... ran) {
    for (String name : ran) assertThat(layer(inventory, name).path("status").asText()).as(name).isIn("ran", "partial");
    assertThat(inventory.path("agents")).anyMatch(a -> a.path("classification").asText().equals("GHOST"));
    assertThat(inventory.path("agents")).anyMatch(a -> a.path("classification").asText().equals("CONFIRMED"));
  }

  private static List<String> warnings(JsonNode layer) {
    List<String> out = new ArrayList<>();
    layer.path("warnings").forEach(w -> out.add(w.asText()));
    return out;
  }

  @Test
  void aTwoGigabyteSingleLineAuditLogIsAWarningInBoundedMemory() throws Exception {
    Map<String, Path> in = inputs();
    Path huge = sparse(work.resolve("audit.log"), "", TWO_GB);
    in.put("--audit-log", huge);
    ChildWraith.Run r = scanAll(in);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode inv = json.readTree(r.out());
    assertThat(warnings(layer(inv, "cluster"))).contains(huge + ":1: not a JSON audit event (a line of 2 GiB, longer than "
        + "the 16 MiB limit), skipped (further bad lines counted only)");
    everyOtherLayerStillReports(inv, "code", "tetragon", "mcp");
  }

  @Test
  void aTwoGigabyteSingleLineTetragonExportIsAWarningInBoundedMemory() throws Exception {
    Map<String, Path> in = inputs();
    Path huge = sparse(work.resolve("tetragon.log"), "{\"process_exec\":{\"process\":{\"arguments\":\"", TWO_GB);
    in.put("--tetragon-events", huge);
    ChildWraith.Run r = scanAll(in);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode inv = json.readTree(r.out());
    assertThat(warnings(layer(inv, "tetragon"))).contains(huge + ":1: skipped, a line of 2 GiB, longer than the 16 MiB limit",
        huge + ": holds no Tetragon events (no line is a Tetragon JSON export event)");
    assertThat(layer(inv, "code").path("status").asText()).isEqualTo("ran");
    assertThat(layer(inv, "cluster").path("status").asText()).isEqualTo("ran");
  }

  @Test
  void aTwoGigabyteAllowListIsRefusedBeforeAnythingRuns() throws Exception {
    Path huge = sparse(work.resolve("allow.yaml"), "allow:\n  - image: x\n", TWO_GB);
    ChildWraith.Run r = scanAll(inputs(), "--allow-list", huge.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.messages()).isEqualTo("wraith: --allow-list: " + huge + " is larger than 16 MiB, the most wraith reads of "
        + "such a file; not read");
    assertThat(r.took()).isLessThan(Duration.ofSeconds(30));
  }

  /**
   * The recorded export, then gzip members of 64 MiB of zeros each: 1.3 GiB inflated from 1.5 MB. Reading stops at the
   * 1 GiB floor; the events before it still make the ghost.
   */
  @Test
  void aGzipBombStopsAtItsBoundAndTheEventsBeforeItCount() throws Exception {
    Path bomb = work.resolve("tetragon.log.gz");
    var member = new java.io.ByteArrayOutputStream();
    try (OutputStream z = new GZIPOutputStream(member)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) z.write(zeros);
    }
    try (OutputStream out = Files.newOutputStream(bomb)) {
      out.write(Files.readAllBytes(DEMO.resolve("tetragon.log.gz")));
      for (int i = 0; i < 21; i++) out.write(member.toByteArray());
    }
    Map<String, Path> in = inputs();
    in.put("--tetragon-events", bomb);
    ChildWraith.Run r = scanAll(in);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode inv = json.readTree(r.out());
    assertThat(warnings(layer(inv, "tetragon"))).contains(bomb + ": inflates to more than 1 GiB (the larger of 1 GiB and 100 "
        + "times its compressed size: a gzip bomb?); the rest is not read; the lines before were read");
    everyOtherLayerStillReports(inv, "code", "cluster", "tetragon", "mcp");
  }

  /**
   * --dns-log a 2 GB single line, beside the recorded answers: the line streams past unread (a warning naming it), the
   * recorded answers still name the ghost's destination.
   */
  @Test
  void aTwoGigabyteSingleLineDnsLogIsAWarningInBoundedMemory() throws Exception {
    Path huge = sparse(work.resolve("dns.jsonl"), "{\"type\":\"dns-answer\",\"name\":\"", TWO_GB);
    ChildWraith.Run r = scanAll(inputs(), "--dns-log", huge.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode inv = json.readTree(r.out());
    assertThat(warnings(layer(inv, "tetragon"))).contains("--dns-log " + huge + ":1: line longer than 65536 bytes, skipped");
    everyOtherLayerStillReports(inv, "code", "cluster", "tetragon", "mcp");
    assertThat(r.took()).isLessThan(Duration.ofSeconds(120));
  }

  /** A gzip bomb after real answers: inflating stops at its bound, the answers before it count. */
  @Test
  void aDnsLogGzipBombStopsAtItsBoundAndTheAnswersBeforeItCount() throws Exception {
    Path bomb = work.resolve("dns.jsonl.gz");
    var member = new java.io.ByteArrayOutputStream();
    try (OutputStream z = new GZIPOutputStream(member)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) z.write(zeros);
    }
    try (OutputStream out = Files.newOutputStream(bomb)) {
      out.write(Files.readAllBytes(DEMO.resolve(DemoCommand.DNS_LOG)));
      for (int i = 0; i < 21; i++) out.write(member.toByteArray());
    }
    Map<String, Path> in = inputs();
    in.put("--dns-log", bomb);
    ChildWraith.Run r = scanAll(in);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode inv = json.readTree(r.out());
    assertThat(warnings(layer(inv, "tetragon"))).contains("--dns-log " + bomb + ": inflates to more than 1 GiB (the larger "
        + "of 1 GiB and 100 times its compressed size: a gzip bomb?); the rest is not read");
    everyOtherLayerStillReports(inv, "code", "cluster", "tetragon", "mcp");
  }

  /** 8 MiB of random bytes as a DNS log: its bad lines are counted, not listed forever; the real answers still count. */
  @Test
  void aGarbageDnsLogIsCountedAndTheRecordedAnswersStillCount() throws Exception {
    byte[] junk = new byte[8 << 20];
    new java.util.Random(13).nextBytes(junk);
    Path garbage = Files.write(work.resolve("garbage.jsonl"), junk);
    ChildWraith.Run r = scanAll(inputs(), "--dns-log", garbage.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode inv = json.readTree(r.out());
    List<String> w = warnings(layer(inv, "tetragon"));
    assertThat(w).anyMatch(s -> s.startsWith("--dns-log " + garbage + ":1: "))
        .anyMatch(s -> s.matches("\\d+ more unreadable --dns-log lines"));
    assertThat(w.stream().filter(s -> s.startsWith("--dns-log " + garbage + ":"))).hasSizeLessThanOrEqualTo(20);
    everyOtherLayerStillReports(inv, "code", "cluster", "tetragon", "mcp");
  }

  /** An empty DNS log, alone: the layer says it had no answers and how destinations were attributed instead. */
  @Test
  void anEmptyDnsLogSaysSo() throws Exception {
    Path empty = Files.writeString(work.resolve("empty.jsonl"), "");
    ChildWraith.Run r = ChildWraith.run(work, LIMIT, "tetragon", "--tetragon-events",
        DEMO.resolve("tetragon.log.gz").toString(), "--dns-log", empty.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("--dns-log: no dns-answer lines in " + empty + "; destinations are attributed by "
        + "address only");
  }

  /** A List with a 20 MiB object and a 10,000-deep one before the real objects: both skipped, the rest read. */
  @Test
  void oversizeAndDeepSnapshotObjectsAreSkippedAndTheRestIsRead() throws Exception {
    JsonNode snapshot = json.readTree(DEMO.resolve("cluster.json").toFile());
    Path file = work.resolve("cluster.json");
    String head = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[";
    String big = "{\"kind\":\"ConfigMap\",\"data\":{\"x\":\"";
    String bigEnd = "\"}}";
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write((head + big).getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "y".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 20; i++) out.write(chunk);
      out.write((bigEnd + "," + "[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
      for (JsonNode item : snapshot.path("items")) out.write(("," + json.writeValueAsString(item)).getBytes(StandardCharsets.UTF_8));
      out.write("]}".getBytes(StandardCharsets.UTF_8));
    }
    Map<String, Path> in = inputs();
    in.put("--kube-snapshot", file);
    ChildWraith.Run r = scanAll(in);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode inv = json.readTree(r.out());
    long deep = head.length() + big.length() + (20L << 20) + bigEnd.length() + 1;
    assertThat(warnings(layer(inv, "cluster"))).contains(file + ": the value at byte " + head.length() + " is larger than "
        + "16 MiB; skipped", file + ": the value at byte " + deep + " is nested deeper than 128 levels; skipped");
    everyOtherLayerStillReports(inv, "code", "cluster", "tetragon", "mcp");
  }

  @Test
  void emptyAndBogusSnapshotsSaySoAndTheRestReports() throws Exception {
    Path empty = Files.writeString(work.resolve("empty.json"), "");
    Path braces = Files.writeString(work.resolve("braces.json"), "{}");
    Path hello = Files.writeString(work.resolve("hello.yaml"), "hello: world\n");
    ChildWraith.Run r = ChildWraith.run(work, LIMIT, "cluster", "--kube-snapshot", empty.toString(), "--kube-snapshot",
        braces.toString(), "--kube-snapshot", hello.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode report = json.readTree(r.out());
    assertThat(report.path("layers").get(0).path("state").asText()).isEqualTo("partial");
    assertThat(report.toString()).contains(empty + ": empty, no Kubernetes objects")
        .contains(braces + ": holds no Kubernetes objects").contains(hello + ": holds no Kubernetes objects");
  }
}

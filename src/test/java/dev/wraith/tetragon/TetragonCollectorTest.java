package dev.wraith.tetragon;

import static dev.wraith.tetragon.TetragonStream.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.attribution.Attributor;
import dev.wraith.attribution.Pin;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.Attributed.Method;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.TetragonScan;
import dev.wraith.model.TetragonSeen;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A two-hour export window from one node, read end to end from a file. */
class TetragonCollectorTest {
  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  static final String OLLAMA = "10.96.0.50";

  // the workload: in the container's init tree
  static final P WORKER = new P(execId(900, 4100), execId(800, 4090), 4100, "/app", "/usr/local/bin/python3.12",
      "/app/worker.py --api-key sk-abcdefghijklmnopqrstu", pod("payments", "checkout-api-7d9c6b5f4-x2x7q", "app", 1, false), true);
  // kubectl exec: runc (on the node) -> bash -> python3 /tmp/agent.py, neither in the init tree
  static final P RUNC = new P(execId(1000, 5000), execId(10, 900), 5000, "/run/containerd", "/usr/bin/runc",
      "--root /run/containerd/runc/k8s.io exec --process /tmp/runc-process1 --detach 9b1f4c2d7e8a", null, false);
  static final P BASH = new P(execId(1001, 5001), RUNC.execId(), 5001, "/", "/bin/bash", "",
      pod("payments", "checkout-api-7d9c6b5f4-x2x7q", "app", 51, false), false);
  static final P AGENT = new P(execId(1002, 5002), BASH.execId(), 5002, "/tmp", "/usr/local/bin/python3.12",
      "agent.py --loop", pod("payments", "checkout-api-7d9c6b5f4-x2x7q", "app", 57, false), false);
  // a script on the node itself
  static final P NODE_SCRIPT = new P(execId(2000, 6000), execId(1999, 5990), 6000, "/root", "/usr/bin/python3",
      "/opt/tmp/summarize.py", null, false);
  // the kubelet's exec probe
  static final P PROBE = new P(execId(3000, 7000), RUNC.execId(), 7000, "/", "/usr/bin/curl",
      "-sf http://10.96.0.50:11434/api/tags", pod("payments", "checkout-api-7d9c6b5f4-x2x7q", "app", 90, true), false);

  @TempDir Path dir;

  static List<String> window() {
    List<String> l = new ArrayList<>();
    l.add(exec(WORKER, null, T0.minusSeconds(60)));
    for (int i = 0; i < 30; i++) l.add(connect(WORKER, "160.79.104.10", 443, T0.plus(Duration.ofMinutes(4L * i))));
    l.add(exec(BASH, RUNC, T0.plusSeconds(600)));
    l.add(exec(AGENT, BASH, T0.plusSeconds(630)));
    l.add(connect(AGENT, OLLAMA, 11434, T0.plusSeconds(631)));
    l.add(connect(AGENT, OLLAMA, 11434, T0.plusSeconds(700)));
    l.add(oldConnect(AGENT, "160.79.104.11", 443, T0.plusSeconds(701)));
    l.add(exit(AGENT, T0.plusSeconds(900)));
    l.add(exec(NODE_SCRIPT, null, T0.plusSeconds(1000)));
    l.add(connect(NODE_SCRIPT, "104.18.7.192", 443, T0.plusSeconds(1001)));
    l.add(connect(NODE_SCRIPT, "93.184.216.34", 443, T0.plusSeconds(1002))); // nothing names it: left out
    l.add(exit(NODE_SCRIPT, T0.plusSeconds(1400)));
    l.add(exec(PROBE, RUNC, T0.plusSeconds(1500)));
    l.add(connect(PROBE, OLLAMA, 11434, T0.plusSeconds(1500)));
    l.add(rateLimit(T0.plusSeconds(3000)));
    l.add(line("process_tracepoint", java.util.Map.of("subsys", "raw_syscalls"), T0.plusSeconds(3001)));
    return l;
  }

  /** Shuffled, some lines duplicated, garbage in between, a kubectl-logs prefix, and a truncated last line. */
  static List<String> messy() {
    List<String> l = window();
    l.add(l.get(3));
    l.add(l.get(33));
    Collections.shuffle(l, new Random(7));
    l.add(5, "this is not json");
    l.add(9, "{\"process_exec\":{\"process\":");
    l.add(12, "2026-03-02T10:00:00.000Z " + connect(WORKER, "160.79.104.10", 443, T0.plusSeconds(1)));
    String last = connect(WORKER, "160.79.104.10", 443, T0.plusSeconds(7199));
    l.add(last.substring(0, last.length() / 2));
    return l;
  }

  TetragonScan collect(List<String> lines, String... pins) throws IOException {
    Path f = dir.resolve("tetragon.log");
    Files.write(f, lines);
    List<Pin> p = java.util.Arrays.stream(pins).map(Pin::parse).toList();
    return new TetragonCollector(new Attributor(CatalogueLoader.bundled(), p, Optional.empty()), dev.wraith.redact.Redactor.bundled())
        .collect(new JsonExportSource(List.of(f)));
  }

  static TetragonSeen<Observation> find(TetragonScan s, P p, String ip) {
    return s.observations().stream().filter(o -> o.execId().equals(p.execId()) && o.connection().ip().equals(ip))
        .findFirst().orElseThrow(() -> new AssertionError("no observation for " + p.binary() + " -> " + ip));
  }

  @Test
  void messyWindowYieldsEveryObservation() throws IOException {
    TetragonScan s = collect(messy(), "api.openai.com=104.18.7.192");

    assertThat(s.observations()).hasSize(5);
    var worker = find(s, WORKER, "160.79.104.10");
    assertThat(worker.connection().origin()).isEqualTo(ProcessOrigin.CONTAINER);
    assertThat(worker.pod().orElseThrow().name()).isEqualTo("checkout-api-7d9c6b5f4-x2x7q");
    assertThat(worker.pod().orElseThrow().container()).isEqualTo("app");
    assertThat(worker.connection().attribution().providerId()).isEqualTo("anthropic");
    assertThat(worker.connection().attribution().method()).isEqualTo(Method.PUBLISHED_RANGE);
    assertThat(worker.connection().connections()).isEqualTo(31); // 30 periodic + the prefixed line; duplicates once
    assertThat(worker.connection().firstSeen()).isEqualTo(T0);
    assertThat(worker.connection().lastSeen()).isEqualTo(T0.plus(Duration.ofMinutes(116)));
    assertThat(worker.connection().entryScript().orElseThrow().path()).isEqualTo("/app/worker.py");
    assertThat(worker.connection().process().argv()).containsExactly("/usr/local/bin/python3.12", "/app/worker.py",
        "--api-key", "***");

    var agent = find(s, AGENT, OLLAMA);
    assertThat(agent.connection().origin()).isEqualTo(ProcessOrigin.EXEC);
    assertThat(agent.launcher()).isEqualTo("runc");
    assertThat(agent.probe()).isFalse();
    assertThat(agent.connection().entryScript().orElseThrow().path()).isEqualTo("/tmp/agent.py");
    assertThat(agent.connection().attribution().providerId()).isEqualTo("ollama");
    assertThat(agent.connection().attribution().method()).isEqualTo(Method.PORT);
    assertThat(agent.connection().connections()).isEqualTo(2);
    assertThat(agent.connection().process().ppid()).isEqualTo(5001);
    assertThat(find(s, AGENT, "160.79.104.11").connection().attribution().providerId()).isEqualTo("anthropic");

    var node = find(s, NODE_SCRIPT, "104.18.7.192");
    assertThat(node.connection().origin()).isEqualTo(ProcessOrigin.NODE);
    assertThat(node.pod()).isEmpty();
    assertThat(node.connection().attribution().method()).isEqualTo(Method.PIN);
    assertThat(node.connection().attribution().host()).isEqualTo("api.openai.com");
    assertThat(node.connection().entryScript().orElseThrow().path()).isEqualTo("/opt/tmp/summarize.py");

    var probe = find(s, PROBE, OLLAMA);
    assertThat(probe.probe()).isTrue();
    assertThat(probe.connection().origin()).isEqualTo(ProcessOrigin.EXEC);

    assertThat(s.status().state()).isEqualTo(LayerStatus.State.PARTIAL);
    assertThat(s.status().warnings()).anyMatch(w -> w.contains("data gap") && w.contains("rate_limit_info"));
    assertThat(s.status().warnings().stream().filter(w -> w.contains("skipped"))).hasSize(3);
    assertThat(s.stats().malformed()).isEqualTo(3);
    assertThat(s.stats().duplicates()).isEqualTo(2);
    assertThat(s.stats().unattributed()).isEqualTo(1);
    assertThat(s.stats().ignored()).isEqualTo(1);
    assertThat(s.stats().gaps()).isEqualTo(1);
  }

  @Test
  void orderOfLinesDoesNotChangeTheResult() throws IOException {
    TetragonScan a = collect(window());
    List<String> reversed = window();
    Collections.reverse(reversed);
    TetragonScan b = collect(reversed);
    assertThat(b.observations()).isEqualTo(a.observations());
    assertThat(a.status().state()).isEqualTo(LayerStatus.State.PARTIAL); // the rate-limit gap only
    assertThat(a.status().warnings()).hasSize(1);
  }

  @Test
  void secretsNeverReachTheScan() throws IOException {
    TetragonScan s = collect(messy());
    assertThat(s.toString()).doesNotContain("sk-abcdefghijklmnopqrstu").doesNotContain("REALVALUE")
        .doesNotContain("ANTHROPIC_API_KEY");
  }

  @Test
  void gzipRotatedFilesAreRead() throws IOException {
    Path gz = dir.resolve("tetragon-2026-03-02T10-00-00.000.log.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(String.join("\n", window()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    TetragonScan s = new TetragonCollector(new Attributor(CatalogueLoader.bundled(), List.of(), Optional.empty()), dev.wraith.redact.Redactor.bundled())
        .collect(new JsonExportSource(List.of(gz)));
    assertThat(s.observations()).hasSize(4);
  }

  @Test
  void anUnreadableFileFailsTheLayer() {
    TetragonScan s = new TetragonCollector(new Attributor(CatalogueLoader.bundled(), List.of(), Optional.empty()), dev.wraith.redact.Redactor.bundled())
        .collect(new JsonExportSource(List.of(dir.resolve("missing.log"))));
    assertThat(s.status().state()).isEqualTo(LayerStatus.State.FAILED);
    assertThat(s.status().reason()).contains("missing.log");
  }

  @Test
  void missingInitTreeEverywhereIsFlagged() throws IOException {
    TetragonScan s = collect(List.of(exec(AGENT, BASH, T0), connect(AGENT, OLLAMA, 11434, T0)));
    assertThat(s.status().warnings()).anyMatch(w -> w.contains("in_init_tree"));
  }

  /** A pod of its own (the stream's helper gives every pod the same UID). */
  static java.util.Map<String, Object> podOf(String ns, String name, String uid) {
    java.util.Map<String, Object> p = new java.util.LinkedHashMap<>(pod(ns, name, "app", 1, false));
    p.put("uid", uid);
    return p;
  }

  static final String CDN = "162.159.140.245";
  // three processes in three pods, all calling one Cloudflare address at the same minute
  static final P GHOST = new P(execId(4000, 8164), null, 8164, "/app", "/usr/bin/python3.11", "/tmp/.cache/reconcile.py",
      podOf("payments", "payments-api-x2k4p", "aaaaaaaa-0000-4000-8000-000000000001"), false);
  static final P NEIGHBOUR = new P(execId(4001, 2140), null, 2140, "/app", "/opt/java/openjdk/bin/java",
      "-jar /app/payments-api.jar", podOf("billing", "invoices-q8w7e", "aaaaaaaa-0000-4000-8000-000000000002"), true);
  static final P SILENT = new P(execId(4002, 3377), null, 3377, "/app", "/usr/local/bin/node", "server.js",
      podOf("web", "web-h3j6k", "aaaaaaaa-0000-4000-8000-000000000003"), true);

  static String answer(P p, String name, String ip, Instant t, long ttl) {
    var pod = p.pod();
    return dev.wraith.attribution.DnsAnswerLog.line(new dev.wraith.attribution.DnsAnswerRecord(t, NODE, p.pid(), 0, "",
        (String) pod.get("uid"), "", name, List.of(new dev.wraith.attribution.DnsAnswerRecord.Answer(ip, ttl))));
  }

  TetragonScan collectWithDns(List<String> events, List<String> dnsLines, String... pins) throws IOException {
    Path f = dir.resolve("events.log");
    Files.write(f, events);
    Path d = dir.resolve("sensor.jsonl");
    Files.write(d, dnsLines);
    TetragonLayer.Recorded dns = TetragonLayer.recorded(List.of(d));
    List<Pin> p = java.util.Arrays.stream(pins).map(Pin::parse).toList();
    return TetragonLayer.withWarnings(new TetragonCollector(new Attributor(CatalogueLoader.bundled(), p, Optional.empty()),
        dns.answers(), dev.wraith.redact.Redactor.bundled()).collect(new JsonExportSource(List.of(f))), dns.warnings());
  }

  static List<String> cdnWindow() {
    List<String> l = new ArrayList<>();
    for (P p : List.of(GHOST, NEIGHBOUR, SILENT)) l.add(exec(p, null, T0.minusSeconds(60)));
    for (int i = 0; i < 5; i++) {
      Instant t = T0.plus(Duration.ofMinutes(4L * i));
      for (P p : List.of(GHOST, NEIGHBOUR, SILENT)) l.add(connect(p, CDN, 443, t.plusSeconds(1)));
    }
    return l;
  }

  static List<String> cdnAnswers() {
    List<String> d = new ArrayList<>();
    d.add("{\"type\":\"status\",\"layer\":\"host\"}");
    for (int i = 0; i < 5; i++) {
      Instant t = T0.plus(Duration.ofMinutes(4L * i));
      d.add(answer(GHOST, "api.openai.com", CDN, t, 300));
      d.add(answer(NEIGHBOUR, "static.partner-rates.example", CDN, t, 300));
    }
    return d;
  }

  @Test
  void recordedAnswersNameEachProcessAndTheCdnNeighbourIsNotAiEvenWithAPin() throws IOException {
    TetragonScan s = collectWithDns(cdnWindow(), cdnAnswers(), "api.openai.com=" + CDN);
    var ghost = find(s, GHOST, CDN).connection();
    assertThat(ghost.attribution()).isEqualTo(new dev.wraith.model.Attributed("openai", "api.openai.com", Method.DNS_ANSWER));
    assertThat(ghost.connections()).isEqualTo(5);
    // the neighbour resolved another name to the same address: not AI, though the pin says the address is OpenAI's
    assertThat(s.observations()).noneMatch(o -> o.execId().equals(NEIGHBOUR.execId()));
    var named = s.unattributed().listed().stream().filter(d -> d.named().isPresent()).findFirst().orElseThrow();
    assertThat(named.named().get()).isEqualTo(new dev.wraith.model.Attribution.NotAi("static.partner-rates.example",
        Method.DNS_ANSWER));
    assertThat(named.connections()).isEqualTo(5);
    // no answer in its own pod: another pod's answers never apply, the address evidence (the pin) does
    assertThat(find(s, SILENT, CDN).connection().attribution().method()).isEqualTo(Method.PIN);
    assertThat(s.status().reason()).as("nothing is left unnamed").isEmpty();
  }

  @Test
  void withoutPinsOrAnswersTheReplaySaysWhatItCouldNotAttributeAndHow() throws IOException {
    TetragonScan s = collect(cdnWindow());
    assertThat(s.observations()).isEmpty();
    assertThat(s.unattributed().destinations()).isEqualTo(1);
    assertThat(s.unattributed().connections()).isEqualTo(15);
    var d = s.unattributed().listed().get(0);
    assertThat(d.ip() + ":" + d.port() + " " + d.connections() + " " + d.processes()).isEqualTo(CDN + ":443 15 3");
    assertThat(s.status().reason()).isEqualTo("1 destination not attributed: 162.159.140.245:443 (15 connections, "
        + "3 processes); to attribute them, give the DNS answers the sensor recorded (--dns-log FILE) or pin an address "
        + "(--resolve HOST=IP)");
    // with the answers, the same replay names the ghost
    TetragonScan named = collectWithDns(cdnWindow(), cdnAnswers());
    assertThat(named.observations()).extracting(TetragonSeen::execId).containsExactly(GHOST.execId());
    assertThat(named.status().reason()).contains("1 destination not attributed: 162.159.140.245:443 (5 connections, 1 process)");
  }

  @Test
  void anAnswerOutsideItsTtlNamesNothing() throws IOException {
    List<String> late = List.of(answer(GHOST, "api.openai.com", CDN, T0.minus(Duration.ofHours(1)), 60));
    TetragonScan s = collectWithDns(cdnWindow(), late);
    assertThat(s.observations()).isEmpty();
  }

  @Test
  void aDnsLogWithoutAnswersOrWithBadLinesIsAWarning() throws IOException {
    TetragonScan s = collectWithDns(cdnWindow(), List.of("garbage", "{\"type\":\"observation\"}"));
    assertThat(s.status().state()).isEqualTo(LayerStatus.State.PARTIAL);
    assertThat(s.status().warnings()).anyMatch(w -> w.endsWith(":1: not JSON, line skipped"))
        .anyMatch(w -> w.startsWith("--dns-log: no dns-answer lines in"));
  }

  @Test
  void inClusterConnectionsNothingNamedAreKeptForTheClusterLayer() throws IOException {
    TetragonScan s = collect(List.of(exec(GHOST, null, T0), connect(GHOST, "10.96.0.55", 8000, T0.plusSeconds(1)),
        connect(GHOST, "10.96.0.55", 8000, T0.plusSeconds(2)), connect(GHOST, "127.0.0.1", 9000, T0.plusSeconds(3)),
        connect(GHOST, "fd00:10:96::55", 8000, T0.plusSeconds(4))));
    assertThat(s.observations()).isEmpty();
    assertThat(s.inCluster()).extracting(c -> c.connection().ip() + ":" + c.connection().port() + "x" + c.connection().connections())
        .containsExactly("10.96.0.55:8000x2", "fd00:10:96::55:8000x1");
    assertThat(s.inCluster().get(0).connection().entryScript().orElseThrow().path()).isEqualTo("/tmp/.cache/reconcile.py");
    // loopback can never be a Service or pod address: listed as unattributed, not kept
    assertThat(s.unattributed().listed()).extracting(d -> d.ip() + " " + d.inCluster())
        .containsExactly("10.96.0.55 true", "127.0.0.1 true", "fd00:10:96::55 true");
    assertThat(s.status().reason()).as("in-cluster ones are the cluster layer's to name").isEmpty();
  }

  @Test
  void aJavaSingleFileSourceLaunchIsAnEntryScriptHereToo() throws IOException {
    P lead = new P(execId(5000, 9100), null, 9100, "/tmp", "/usr/lib/jvm/java-21-openjdk-amd64/bin/java",
        "-Xmx256m /tmp/LeadDedupe.java --batch 50", pod("sales", "crm-sync-5f6d7-abcde", "app", 77, false), false);
    TetragonScan s = collect(List.of(exec(lead, null, T0), connect(lead, "160.79.104.10", 443, T0.plusSeconds(1))));
    assertThat(find(s, lead, "160.79.104.10").connection().entryScript().orElseThrow().path()).isEqualTo("/tmp/LeadDedupe.java");
  }
}

package dev.wraith.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.attribution.Attributor;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.Attributed;
import dev.wraith.model.Attributed.Method;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.HostScan;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.ScanReport;
import dev.wraith.report.SensorJsonReporter;
import dev.wraith.report.SensorTableReporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A /proc tree (under src/test/fixtures, not resources: its cwd links point at "/" and Maven's resource
 * copy would follow them) written from the documented formats for layouts this machine cannot produce: CRI-O on cgroup
 * v2 with the systemd driver, Docker, tcp6 and IPv4-mapped rows, a published-range destination, a
 * TIME_WAIT tail, and another user's process that a non-root sensor cannot read (denied by the port, as the
 * kernel would deny it).
 */
class ProcFixtureTest {
  static final Path TREE = Path.of("src/test/fixtures/host/proc/node-a");
  static final String CRIO = "5e0f3c2a9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f";
  static final String DOCKER = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  static HostScan scan;

  /** The fixture tree as a non-root reader sees it: pid 400 belongs to another user. */
  static final class NonRoot implements ProcFs {
    final LiveProcFs tree = new LiveProcFs(TREE);
    static final Set<String> PRIVATE = Set.of("environ", "exe", "cwd", "ns/net", "fd");

    void check(int pid, String name) throws AccessDeniedException {
      if (pid == 400 && (PRIVATE.contains(name) || name.startsWith("fd/"))) throw new AccessDeniedException(pid + "/" + name);
    }

    @Override public String describe() { return tree.describe(); }
    @Override public List<Integer> pids() throws IOException { return tree.pids(); }
    @Override public String read(int pid, String name) throws IOException { check(pid, name); return tree.read(pid, name); }
    @Override public byte[] readBytes(int pid, String name, int max) throws IOException { check(pid, name); return tree.readBytes(pid, name, max); }
    @Override public String readLink(int pid, String name) throws IOException { check(pid, name); return tree.readLink(pid, name); }
    @Override public List<String[]> fds(int pid) throws IOException { check(pid, "fd"); return tree.fds(pid); }
    @Override public String readRoot(String name) throws IOException { return tree.readRoot(name); }
    @Override public MessageDigest digestInRoot(int pid, String path, long max, String alg) throws IOException {
      check(pid, "root");
      return tree.digestInRoot(pid, path, max, alg);
    }
    @Override public String readInRoot(int pid, String path, int max) throws IOException { check(pid, "root"); return tree.readInRoot(pid, path, max); }
  }

  @BeforeAll
  static void observe() throws Exception {
    Sensor sensor = new Sensor(new NonRoot(), new Attributor(CatalogueLoader.bundled(), List.of(), Optional.empty()),
        dev.wraith.redact.Redactor.bundled(), Clock.systemUTC(), List::of);
    scan = sensor.observe(Duration.ofMillis(1), Duration.ofMillis(50));
  }

  @Test
  void crioContainerInitOverIpv6ToAPublishedRange() throws Exception {
    Observation o = of(200);
    assertThat(o.origin()).isEqualTo(ProcessOrigin.CONTAINER);
    assertThat(o.process().container())
        .contains(new ContainerRef("4c9f1974-5c46-44c2-b42f-3bbf0e98eef9", CRIO, "cri-o", "besteffort", "systemd"));
    assertThat(o.ip()).isEqualTo("2607:6bc0:0:0:0:0:0:10");
    assertThat(o.attribution()).isEqualTo(new Attributed("anthropic", "", Method.PUBLISHED_RANGE));
    assertThat(o.entryScript().orElseThrow().path()).isEqualTo("/app/agent.py");
    assertThat(o.entryScript().orElseThrow().sha256())
        .isEqualTo(dev.wraith.model.Hashes.sha256Hex(Files.readAllBytes(TREE.resolve("200/root/app/agent.py"))));
    assertThat(o.process().argv()).containsExactly("python3", "-u", "agent.py", "--api-key", "***");
    assertThat(o.process().envNames()).containsExactly("ANTHROPIC_API_KEY", "PATH");
  }

  @Test
  void dockerProcessWhoseParentIsTheShimIsExecd() {
    Observation o = of(300);
    assertThat(o.origin()).isEqualTo(ProcessOrigin.EXEC);
    assertThat(o.process().container())
        .contains(new ContainerRef("1399d9c7-c86f-4371-8568-07b3d32258a4", DOCKER, "docker", "burstable", "systemd"));
    assertThat(o.ip()).isEqualTo("160.79.104.10");
    assertThat(o.entryScript().orElseThrow().path()).isEqualTo("/srv/bot.js");
  }

  @Test
  void unreadableOwnersAndClosedTailsAreReportedNotDropped() {
    assertThat(scan.observations()).extracting(o -> o.process().pid()).containsExactly(200, 300);
    assertThat(scan.unowned()).extracting(HostScan.Unowned::ip, HostScan.Unowned::state)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("160.79.104.11", "open"),
            org.assertj.core.groups.Tuple.tuple("2607:6bc0:0:0:0:0:0:11", "time-wait"));
    // the closed tail is in pod 4c9f...'s namespace (its only process is pid 200), the open one in the node's
    assertThat(unowned("2607:6bc0:0:0:0:0:0:11").namespacePod())
        .contains(new ContainerRef("4c9f1974-5c46-44c2-b42f-3bbf0e98eef9", CRIO, "cri-o", "besteffort", "systemd"));
    assertThat(unowned("160.79.104.11").namespacePod()).isEmpty();
    assertThat(scan.status().state().id()).isEqualTo("partial");
    assertThat(scan.status().warnings()).anyMatch(w -> w.contains("permission denied"));
    // 93.184.216.34:443 is not an AI destination: nothing about it anywhere
    assertThat(scan.toString()).doesNotContain("93.184.216.34");
  }

  static HostScan.Unowned unowned(String ip) {
    return scan.unowned().stream().filter(u -> u.ip().equals(ip)).findFirst().orElseThrow();
  }

  @Test
  void jsonLinesCarryNoSecretsAndHashesOnlyWhenAsked() throws Exception {
    var tool = new ScanReport.Tool("wraith", "test", "0", 1);
    String plain = render(new SensorJsonReporter(false, dev.wraith.redact.Redactor.bundled()), tool);
    String hashed = render(new SensorJsonReporter(true, dev.wraith.redact.Redactor.bundled()), tool);
    List<JsonNode> lines = plain.lines().map(ProcFixtureTest::json).toList();
    assertThat(lines).extracting(l -> l.path("type").asText()).containsExactly("observation", "observation", "unowned", "unowned", "status");
    JsonNode first = lines.get(0);
    assertThat(first.path("podUid").asText()).isEqualTo("4c9f1974-5c46-44c2-b42f-3bbf0e98eef9");
    assertThat(first.path("execd").asBoolean()).isFalse();
    assertThat(lines.get(1).path("execd").asBoolean()).isTrue();
    JsonNode tail = lines.stream().filter(l -> l.path("state").asText().equals("time-wait")).findFirst().orElseThrow();
    assertThat(tail.path("podUid").asText()).isEqualTo("4c9f1974-5c46-44c2-b42f-3bbf0e98eef9");
    assertThat(tail.path("containerId").asText()).isEqualTo(CRIO);
    assertThat(tail.path("podFrom").asText()).isEqualTo("network-namespace");
    JsonNode open = lines.stream().filter(l -> l.path("state").asText().equals("open")).findFirst().orElseThrow();
    assertThat(open.has("podUid")).isFalse();
    assertThat(open.has("podFrom")).isFalse();
    assertThat(first.path("entryScript").has("sha256")).isFalse();
    assertThat(json(hashed.lines().findFirst().orElseThrow()).path("entryScript").path("sha256").asText()).hasSize(64);
    for (String out : List.of(plain, hashed, render(new SensorTableReporter(false, dev.wraith.redact.Redactor.bundled()), tool))) {
      assertThat(out).doesNotContain("sk-ant-fixture").doesNotContain("sk-fixture");
    }
    assertThat(render(new SensorTableReporter(false, dev.wraith.redact.Redactor.bundled()), tool)).doesNotContain("sha256").contains("exec").contains("/srv/bot.js");
    assertThat(render(new SensorJsonReporter(false, dev.wraith.redact.Redactor.bundled()), tool)).isEqualTo(plain);
  }

  private static String render(dev.wraith.report.Reporter<dev.wraith.report.SensorWindow> r, ScanReport.Tool tool) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    r.write(new dev.wraith.report.SensorWindow(tool, scan), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static JsonNode json(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (IOException e) {
      throw new AssertionError(line, e);
    }
  }

  private static Observation of(int pid) {
    return scan.observations().stream().filter(o -> o.process().pid() == pid).findFirst()
        .orElseThrow(() -> new AssertionError("no observation of pid " + pid + " in " + scan));
  }
}

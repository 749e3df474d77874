package dev.wraith.cli;

import static dev.wraith.delivery.ScriptedEndpoint.BUSY;
import static dev.wraith.delivery.ScriptedEndpoint.OK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.delivery.ScriptedEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scan-all --ocsf-url against an endpoint on loopback: after the results, with a status line and exit code 4. */
class OcsfDeliveryCommandTest {
  @TempDir Path dir;

  private List<String> offline(Path results, String... more) {
    List<String> a = new ArrayList<>(List.of("scan-all", ScanAllCommandTest.CODE.toString(),
        "--kube-snapshot", ScanAllCommandTest.DEMO.resolve("cluster.json").toString(),
        "--audit-log", ScanAllCommandTest.DEMO.resolve("audit.log").toString(),
        "--tetragon-events", ScanAllCommandTest.DEMO.resolve("tetragon.log.gz").toString(),
        "--home", ScanAllCommandTest.DEMO.resolve("home").toString(),
        "--dns-log", ScanAllCommandTest.DEMO.resolve(DemoCommand.DNS_LOG).toString(), "--skip-layers", "host", "--no-dns", "--no-color", "--no-state",
        "--output", results.toString()));
    a.addAll(List.of(more));
    return a;
  }

  @Test
  void aWebhookThatRecoversGetsEveryLineOfTheResultsFile() throws Exception {
    try (ScriptedEndpoint endpoint = new ScriptedEndpoint(List.of(BUSY, new ScriptedEndpoint.Reset()), OK)) {
      Path results = dir.resolve("r");
      var r = ScanAllCommandTest.run(offline(results, "--ocsf-url", endpoint.uri("/wraith").toString())
          .toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isZero();
      List<String> file = Files.readAllLines(results.resolve("findings.ocsf.jsonl"));
      assertThat(file).isNotEmpty();
      List<String> received = new ArrayList<>();
      endpoint.accepted().forEach(a -> received.addAll(a.body().lines().toList()));
      assertThat(received).isEqualTo(file);
      assertThat(r.err()).contains("wraith: OCSF delivery to webhook " + endpoint.uri("/wraith") + ": " + file.size()
          + " delivered, 0 failed, 0 dropped (3 requests)");
    }
  }

  @Test
  void anEndpointThatNeverRecoversExits4AndTheResultsFileHasEverything() throws Exception {
    try (ScriptedEndpoint endpoint = new ScriptedEndpoint(List.of(), BUSY)) {
      Path results = dir.resolve("r");
      long start = System.nanoTime();
      var r = ScanAllCommandTest.run(offline(results, "--ocsf-url", endpoint.uri("/wraith").toString(),
          "--ocsf-timeout", "2", "--format", "json").toArray(String[]::new));
      assertThat(r.code()).as(r.err()).isEqualTo(Main.DELIVERY_FAILED);
      List<String> file = Files.readAllLines(results.resolve("findings.ocsf.jsonl"));
      assertThat(file).hasSizeGreaterThanOrEqualTo(2);
      assertThat(r.err()).contains("OCSF delivery to webhook " + endpoint.uri("/wraith") + ": 0 delivered, "
          + file.size() + " failed, 0 dropped").contains("deadline passed");
      assertThat(r.out()).startsWith("{"); // stdout stays the inventory JSON
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(60));
      assertThat(endpoint.accepted()).isEmpty();
    }
  }

  @Test
  void mistakesAreUsageErrorsBeforeAnythingRuns() {
    Path results = dir.resolve("r");
    var r = ScanAllCommandTest.run(offline(results, "--ocsf-url", "https://splunk.invalid:8088", "--ocsf-sink",
        "splunk-hec").toArray(String[]::new));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--ocsf-sink splunk-hec needs the HEC token; set WRAITH_OCSF_TOKEN_FILE");
    r = ScanAllCommandTest.run(offline(results, "--ocsf-url", "https://ops:hunter2@hooks.invalid/x")
        .toArray(String[]::new));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--ocsf-url: the URL carries credentials").doesNotContain("hunter2");
    r = ScanAllCommandTest.run(offline(results, "--ocsf-url", "https://hooks.invalid/x", "--ocsf-body", "xml")
        .toArray(String[]::new));
    assertThat(r.err()).contains("--ocsf-body 'xml': expected lines or array");
    assertThat(results).doesNotExist();
  }

  /** The token file is read like every input: a FIFO or a huge file is refused at once, in words. */
  @Test
  @org.junit.jupiter.api.Timeout(30)
  void aTokenFileThatIsAFifoOrHugeIsRefusedInWords() throws Exception {
    Path fifo = dir.resolve("token-pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeliveryOptions.token(java.util.Map.of(
        DeliveryOptions.TOKEN_FILE, fifo.toString()))).isInstanceOf(Main.UsageProblem.class)
        .hasMessage("WRAITH_OCSF_TOKEN_FILE=" + fifo + " cannot be read: " + fifo + " is a named pipe (FIFO), not a regular "
            + "file; save what it holds to a file and give that; point it at a readable file holding the token");
    Path huge = dir.resolve("token");
    try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(1L << 30);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeliveryOptions.token(java.util.Map.of(
        DeliveryOptions.TOKEN_FILE, huge.toString()))).isInstanceOf(Main.UsageProblem.class)
        .hasMessageContaining(huge + " is larger than 64 KiB");
  }
}

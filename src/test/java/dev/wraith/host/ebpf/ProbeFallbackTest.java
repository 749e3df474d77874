package dev.wraith.host.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When BPF loading is refused: the kernel's own refusal of the loader, and the sensor's fallback (--probe auto) or
 * failure (--probe ebpf, exit 3), each with the reason. Refusal is real: the processes run as root with every
 * capability dropped from their bounding set (setpriv), so the kernel says EPERM.
 */
class ProbeFallbackTest {
  @BeforeEach
  void needsRootSetprivAndTheProbe() throws Exception {
    assumeTrue(Files.readString(Path.of("/proc/self/status")).contains("\nUid:\t0\t"), "skipped: needs root to drop capabilities");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "skipped: needs setpriv (util-linux)");
    assumeTrue(ProbeBuild.current().built(), () -> "skipped: " + ProbeBuild.current().versionLine());
  }

  private static List<String> withoutCapabilities(String... cmd) {
    List<String> all = new ArrayList<>(List.of("/usr/bin/setpriv", "--bounding-set=-all", "--inh-caps=-all", "--ambient-caps=-all"));
    all.addAll(List.of(cmd));
    return all;
  }

  private record Run(int code, String out, String err) {}

  private static Run run(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).start();
    var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        return "";
      }
    });
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, err.get());
  }

  @Test
  void theKernelRefusesTheLoaderWithoutCapabilitiesAndItSaysWhy() throws Exception {
    Path bin = ProbeBinary.extract();
    assertThat(Files.getPosixFilePermissions(bin.getParent())).hasSize(3); // rwx for the owner only
    Run r = run(withoutCapabilities(bin.toString()));
    assertThat(r.code()).isEqualTo(12);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("wraith-probe: the kernel refused to load BPF programs (Operation not permitted)")
        .contains("CAP_BPF and CAP_PERFMON");
  }

  @Test
  void theLoaderStartedAndRefusedGivesItsReasonToJava() throws Exception {
    // the checks are bypassed: this is the kernel's answer, read from the loader's stderr
    Path wrapper = Files.createTempFile("probe-nocaps-", ".sh");
    Files.writeString(wrapper, "#!/bin/sh\nexec " + String.join(" ", withoutCapabilities(ProbeBinary.extract().toString())) + "\n");
    wrapper.toFile().setExecutable(true);
    try {
      ProbeStart s = LoaderProbe.start(wrapper, java.time.Duration.ofSeconds(20), false,
          dev.wraith.redact.Redactor.bundled());
      assertThat(s).isInstanceOf(ProbeStart.Unavailable.class);
      assertThat(((ProbeStart.Unavailable) s).reason()).startsWith("the kernel refused to load BPF programs (Operation not permitted)");
    } finally {
      Files.delete(wrapper);
    }
  }

  @Test
  void autoFallsBackToProcWithTheReasonAndEbpfFailsWithExitThree() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    Run auto = run(withoutCapabilities(java, "-cp", cp, "dev.wraith.cli.Main", "sensor", "--probe", "auto", "--duration", "0.5",
        "--no-dns", "--format", "json"));
    assertThat(auto.code()).as(auto.err()).isZero();
    JsonNode status = lastLine(auto.out());
    assertThat(status.path("state").asText()).isNotEqualTo("failed");
    assertThat(status.path("warnings").get(0).asText()).isEqualTo("eBPF probe unavailable: it needs root, or CAP_BPF and CAP_PERFMON "
        + "(this process runs as uid 0 without them); sampling /proc every 200 ms");
    assertThat(status.path("warnings").toString()).contains("names not seen: without the eBPF probe, the TLS SNI, proxy CONNECT "
        + "targets, HTTP Host headers and DNS answers of processes are not read");
    assertThat(status.path("stats").path("probe").asText()).isEqualTo("proc");

    Run ebpf = run(withoutCapabilities(java, "-cp", cp, "dev.wraith.cli.Main", "sensor", "--probe", "ebpf", "--duration", "0.5",
        "--no-dns", "--format", "json"));
    assertThat(ebpf.code()).isEqualTo(3);
    assertThat(ebpf.err()).contains("wraith sensor: --probe ebpf: the eBPF probe cannot load: it needs root, or CAP_BPF and CAP_PERFMON");
    assertThat(lastLine(ebpf.out()).path("reason").asText()).startsWith("eBPF probe unavailable: it needs root");
  }

  @Test
  void aProcRootThatIsNotThisKernelsUsesProcWithTheReason() throws Exception {
    Path out = Files.createTempFile("probe-fixture-", ".jsonl");
    try {
      int code = dev.wraith.cli.Main.run("sensor", "--proc-root", "src/test/fixtures/host/proc/node-a", "--no-dns", "--duration", "0.2",
          "--format", "json", "-o", out.toString());
      assertThat(code).isZero();
      List<String> lines = Files.readAllLines(out);
      assertThat(lastLine(lines.get(lines.size() - 1)).path("warnings").get(0).asText())
          .startsWith("eBPF probe unavailable: src/test/fixtures/host/proc/node-a is not a live proc filesystem");
      assertThat(dev.wraith.cli.Main.run("sensor", "--proc-root", "src/test/fixtures/host/proc/node-a", "--no-dns", "--duration", "0.2",
          "--probe", "ebpf", "--format", "json", "-o", out.toString())).isEqualTo(3);
    } finally {
      Files.delete(out);
    }
  }

  @Test
  void scanAllsHostLayerTakesTheSameChoice() throws Exception {
    Path results = Files.createTempDirectory("probe-scan-all-");
    try {
      String[] common = {"scan-all", "--skip-layers", "code,cluster,tetragon,mcp", "--proc-root", "src/test/fixtures/host/proc/node-a",
          "--no-dns", "--no-state", "--duration", "0.3", "--no-color", "--output", results.toString(), "--format", "json"};
      var out = new java.io.ByteArrayOutputStream();
      var old = System.out;
      System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
      int ebpf, proc;
      try {
        ebpf = dev.wraith.cli.Main.run(concat(common, "--probe", "ebpf"));
        proc = dev.wraith.cli.Main.run(concat(common, "--probe", "proc"));
      } finally {
        System.setOut(old);
      }
      assertThat(ebpf).isEqualTo(3);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("eBPF probe unavailable: src/test/fixtures/host/proc/node-a is not a live proc");
      assertThat(proc).isZero();
      assertThat(dev.wraith.cli.Main.run(concat(common, "--probe", "kernel"))).isEqualTo(2);
    } finally {
      try (var s = Files.walk(results)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static JsonNode lastLine(String text) throws Exception {
    String[] lines = text.strip().split("\n");
    return new ObjectMapper().readTree(lines[lines.length - 1]);
  }

}

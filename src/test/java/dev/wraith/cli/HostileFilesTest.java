package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.files.HostileTempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths that are not regular files given where a file is expected (FIFOs with no writer, devices, directories, symbolic
 * link loops), documents nested 10,000 deep in every JSON, YAML and TOML input, and a heap too small to scan: each ends
 * at once with its exit code and a sentence naming the option and the file. FIFOs and the small heap run in a child
 * JVM ({@link ChildWraith}: a blocked open would hang the test JVM); the rest in process.
 */
@Timeout(300)
class HostileFilesTest {
  static final Path CODE = HostileInputTest.CODE;
  static final Path DEMO = HostileInputTest.DEMO;
  static final String DEEP_JSON = "[".repeat(10_000) + "]".repeat(10_000);

  @TempDir(factory = HostileTempDirs.class) Path work;
  Path fifo;
  Path loop;

  @BeforeEach
  void specialFiles() throws Exception {
    fifo = work.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    loop = work.resolve("loop-a");
    Files.createSymbolicLink(loop, work.resolve("loop-b"));
    Files.createSymbolicLink(work.resolve("loop-b"), loop);
  }

  /** scan-all arguments with {@code option} given {@code file}; the options that read files offline. */
  private List<String> scanAll(String option, Path file) {
    List<String> a = new ArrayList<>(List.of("scan-all", "--skip-layers", "host,mcp", "--no-state", "--no-dns",
        "--output", work.resolve("results").toString()));
    if (!option.equals("--kube-snapshot") && !option.equals("--kubeconfig")) {
      a.addAll(List.of("--kube-snapshot", DEMO.resolve("cluster.json").toString()));
    }
    a.addAll(List.of(option, file.toString()));
    return a;
  }

  private static final List<String> FILE_OPTIONS = List.of("--kube-snapshot", "--audit-log", "--tetragon-events",
      "--dns-log", "--allow-list", "--kubeconfig");

  @Test
  void aFifoWithNoWriterIsRefusedForEveryFileOptionAndNothingBlocks() throws Exception {
    for (String option : FILE_OPTIONS) {
      ChildWraith.Run r = ChildWraith.run(work, Duration.ofSeconds(60), scanAll(option, fifo).toArray(String[]::new));
      assertThat(r.exit()).as(option).isEqualTo(2);
      assertThat(r.messages()).isEqualTo("wraith: " + option + ": " + fifo + " is a named pipe (FIFO), not a regular file; "
          + "save what it holds to a file and give that");
    }
    ChildWraith.Run tetragon = ChildWraith.run(work, Duration.ofSeconds(60), "tetragon", "--tetragon-events",
        DEMO.resolve("tetragon.log.gz").toString(), "--dns-log", fifo.toString());
    assertThat(tetragon.exit()).isEqualTo(2);
    assertThat(tetragon.messages()).isEqualTo("wraith: --dns-log: " + fifo + " is a named pipe (FIFO), not a regular file; "
        + "save what it holds to a file and give that");
    ChildWraith.Run state = ChildWraith.run(work, Duration.ofSeconds(60), "scan-all", "--skip-layers", "host,mcp",
        "--state", fifo.toString(), "--output", work.resolve("results").toString());
    assertThat(state.exit()).isEqualTo(2);
    assertThat(state.messages()).isEqualTo("wraith: state database " + fifo + " is a named pipe (FIFO), not a regular file; "
        + "use --state with a file");
  }

  /** A FIFO among MCP client configs or catalogue overlay files: a warning, or a catalogue problem, never a hang. */
  @Test
  void aFifoAmongConfigFilesIsNamedAndSkipped() throws Exception {
    Path home = work.resolve("home");
    Files.createDirectories(home.resolve(".cursor"));
    assertThat(new ProcessBuilder("mkfifo", home.resolve(".cursor/mcp.json").toString()).start().waitFor()).isZero();
    ChildWraith.Run r = ChildWraith.run(work, Duration.ofSeconds(60), "mcp", "--home", home.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains(home.resolve(".cursor/mcp.json") + " is a named pipe (FIFO), not a regular file");

    Path overlay = work.resolve("overlay");
    Files.createDirectories(overlay);
    assertThat(new ProcessBuilder("mkfifo", overlay.resolve("extra.yaml").toString()).start().waitFor()).isZero();
    ChildWraith.Run c = ChildWraith.run(work, Duration.ofSeconds(60), "catalogue", "--catalogue", overlay.toString());
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.messages()).contains(overlay.resolve("extra.yaml") + " is a named pipe (FIFO), not a regular file");
  }

  @Test
  void devicesDirectoriesAndLinkLoopsAreRefusedForEveryFileOption() {
    Map<Path, String> kinds = Map.of(Path.of("/dev/zero"), " is a character device, not a regular file",
        Path.of("/dev/urandom"), " is a character device, not a regular file",
        work, " is a directory; give a file",
        loop, ": a symbolic link loop (too many levels of links)");
    for (String option : FILE_OPTIONS) {
      kinds.forEach((path, said) -> {
        ScanAllCommandTest.Run r = ScanAllCommandTest.run(scanAll(option, path).toArray(String[]::new));
        assertThat(r.code()).as(option + " " + path).isEqualTo(2);
        assertThat(r.err()).as(option + " " + path).startsWith("wraith: " + option + ": " + path + said);
      });
    }
  }

  @Test
  void deepNestingInSingleDocumentInputsIsAUsageProblemNamingTheFile() throws Exception {
    Path allow = Files.writeString(work.resolve("allow.yaml"), "allow: " + DEEP_JSON + "\n");
    ScanAllCommandTest.Run a = ScanAllCommandTest.run(scanAll("--allow-list", allow).toArray(String[]::new));
    assertThat(a.code()).isEqualTo(2);
    assertThat(a.err()).isEqualTo("wraith: --allow-list: " + allow + ": nested deeper than 128 levels; fix it or see the "
        + "format with 'wraith scan-all --help'\n");

    Path kubeconfig = Files.writeString(work.resolve("kubeconfig"), "contexts: " + DEEP_JSON + "\n");
    ScanAllCommandTest.Run k = ScanAllCommandTest.run("cluster", "--kubeconfig", kubeconfig.toString());
    assertThat(k.code()).isEqualTo(2);
    assertThat(k.err()).startsWith("wraith: cannot load the kubeconfig " + kubeconfig + ": nested deeper than 128 levels");

    Path overlay = work.resolve("overlay");
    Files.createDirectories(overlay);
    Files.writeString(overlay.resolve("deep.yaml"), "providers: " + DEEP_JSON + "\n");
    ScanAllCommandTest.Run c = ScanAllCommandTest.run("catalogue", "--catalogue", overlay.toString());
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err()).contains(overlay.resolve("deep.yaml") + ": nested deeper than 128 levels");

    Path snapshot = Files.writeString(work.resolve("deep.yaml"), "kind: Pod\nspec: " + DEEP_JSON + "\n");
    ScanAllCommandTest.Run s = ScanAllCommandTest.run("cluster", "--kube-snapshot", snapshot.toString());
    assertThat(s.code()).isEqualTo(2);
    assertThat(s.err()).isEqualTo("wraith: " + snapshot + ":1: nested deeper than 128 levels; nothing in the file could be "
        + "read\n");
  }

  /** Deep lines and configs in the line- and config-oriented inputs are warnings: the rest of each input still counts. */
  @Test
  void deepNestingInLinesAndConfigsIsAWarningAndTheRestIsRead() throws Exception {
    Path audit = work.resolve("audit.log");
    Files.writeString(audit, "{\"a\":" + DEEP_JSON + "}\n" + Files.readString(DEMO.resolve("audit.log")));
    Path tetragon = work.resolve("tetragon.log");
    Files.writeString(tetragon, "{\"process_exec\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}\n"
        + String.join("\n", new String(new java.util.zip.GZIPInputStream(Files.newInputStream(DEMO.resolve("tetragon.log.gz")))
            .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().limit(2000).toList()) + "\n");
    Path dns = work.resolve("dns.jsonl");
    Files.writeString(dns, "{\"type\":\"dns-answer\",\"answers\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}\n");
    Path home = work.resolve("home");
    Files.createDirectories(home.resolve(".cursor"));
    Files.createDirectories(home.resolve(".codex"));
    Files.createDirectories(home.resolve(".continue"));
    Files.writeString(home.resolve(".cursor/mcp.json"), "{\"mcpServers\":" + DEEP_JSON + "}");
    Files.writeString(home.resolve(".codex/config.toml"), "mcp_servers = " + DEEP_JSON + "\n");
    Files.writeString(home.resolve(".continue/config.yaml"), "mcpServers: " + DEEP_JSON + "\n");
    ScanAllCommandTest.Run r = ScanAllCommandTest.run("scan-all", CODE.toString(), "--kube-snapshot",
        DEMO.resolve("cluster.json").toString(), "--audit-log", audit.toString(), "--tetragon-events", tetragon.toString(),
        "--dns-log", dns.toString(), "--home", home.toString(), "--skip-layers", "host", "--no-state", "--no-dns", "--format", "json",
        "--output", work.resolve("results").toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode inv = new ObjectMapper().readTree(r.out());
    assertThat(inv.path("layers").toString())
        .contains(audit + ":1: not a JSON audit event (nested deeper than 128 levels)")
        .contains(tetragon + ":1: skipped, not valid event JSON (nested too deep)")
        .contains("--dns-log " + dns + ":1: nested deeper than 128 levels, line skipped")
        .contains("~/.cursor/mcp.json: nested deeper than 128 levels; skipped")
        .contains("~/.codex/config.toml: nested deeper than 128 levels; skipped")
        .contains("~/.continue/config.yaml: nested deeper than 128 levels; skipped");
    assertThat(inv.path("agents")).anyMatch(a -> a.path("classification").asText().equals("UNKNOWN"));
  }

  /** Memory runs out: exit 3 ("a layer failed, or an internal error"), never 1 ("findings"), with a sentence. */
  @Test
  void runningOutOfMemoryExitsThreeNeverOne() throws Exception {
    ChildWraith.Run r = ChildWraith.run(work, Duration.ofSeconds(120), List.of("-Xmx8m"), "scan-all", CODE.toString(),
        "--kube-snapshot", DEMO.resolve("cluster.json").toString(), "--tetragon-events",
        DEMO.resolve("tetragon.log.gz").toString(), "--skip-layers", "host,mcp", "--no-state", "--no-dns",
        "--output", work.resolve("results").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("out of memory").doesNotContain("OutOfMemoryError").doesNotContain("Exception");
  }
}

package dev.wraith.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wraith.model.McpPackage;
import dev.wraith.model.McpProbe;
import dev.wraith.model.McpServer;
import dev.wraith.model.McpTool;
import dev.wraith.model.McpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Probes real servers over stdio with the SDK: our poisoned, exiting and hanging Python servers, and the npm reference
 * servers that {@code .ci/run} installs into {@code .ci/mcp-servers}.
 */
class McpProbeTest {
  static final String SCRIPT = Path.of("src/test/resources/mcp/servers/poisoned_server.py").toAbsolutePath().toString();
  static final Path NPM_BIN = Path.of(".ci/mcp-servers/node_modules/.bin").toAbsolutePath();
  static final Map<String, String> HOST_ENV = System.getenv();
  /** The interpreter itself, not a version-manager shim (a pyenv shim is a shell script that adds its own variables). */
  static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

  private final SdkProber prober = new SdkProber(Duration.ofSeconds(15), new ToolInspector(dev.wraith.catalogue.CatalogueLoader.bundled().mcpProbe()), HOST_ENV, "test", dev.wraith.redact.Redactor.bundled());

  static McpServer server(String name, String command, List<String> args) {
    return new McpServer(name, "test", "test.json", McpTransport.STDIO, command, args, "", "", List.of(), McpPackage.NONE);
  }

  static ServerLaunch stdio(String command, List<String> args, Map<String, String> env) {
    return new ServerLaunch(McpTransport.STDIO, command, args, env, "", Map.of());
  }

  @Test
  void poisonedServerToolsAreFlaggedAndNoneIsCalled() {
    McpProbe p = prober.probe(server("poisoned", PYTHON, List.of(SCRIPT)), stdio(PYTHON, List.of(SCRIPT, "poisoned"), Map.of()));
    assertThat(p.status()).as(p.detail() + p.stderrTail()).isEqualTo(McpProbe.Status.OK);
    assertThat(p.serverName()).isEqualTo("wraith-test-poisoned");
    assertThat(p.tools()).extracting(McpTool::name).containsExactly("add", "env_names", "run_query");
    McpTool add = p.tools().get(0);
    assertThat(add.warnings()).containsExactly("hidden-instruction: ignore-previous", "hidden-instruction: conceal-from-user",
        "hidden-instruction: important-tag", "hidden-instruction: read-secrets",
        "invisible-unicode: zero-width (1)", "invisible-unicode: tag-characters (5)");
    assertThat(add.hash()).matches("sha256:[0-9a-f]{64}");
    McpTool query = p.tools().get(2);
    assertThat(query.capabilities()).containsExactly("database");
    assertThat(query.warnings()).isEmpty();
    assertThat(p.warnings()).containsExactly("server instructions: hidden-instruction: conceal-from-user");
    assertThat(p.stderrTail()).noneMatch(l -> l.contains("a tool was called"));
  }

  @Test
  void serverGetsPathHomeAndOnlyTheEnvItsConfigSets() {
    McpProbe p = prober.probe(server("poisoned", PYTHON, List.of(SCRIPT)),
        stdio(PYTHON, List.of(SCRIPT), Map.of("WRAITH_TEST_SET", "1", "WRAITH_TEST_REF", "${env:PATH}")));
    String env = p.tools().stream().filter(t -> t.name().equals("env_names")).findFirst().orElseThrow().description();
    Set<String> names = Arrays.stream(env.substring("Environment: ".length()).split(",")).collect(Collectors.toSet());
    assertThat(names).contains("PATH", "WRAITH_TEST_SET", "WRAITH_TEST_REF");
    // Python may add LC_CTYPE itself (locale coercion); nothing else of this JVM's environment may get through
    assertThat(names).isSubsetOf("PATH", "HOME", "LC_CTYPE", "WRAITH_TEST_SET", "WRAITH_TEST_REF");
    assertThat(HOST_ENV.keySet()).as("the test needs some other variable to leak").anyMatch(k -> !Set.of("PATH", "HOME").contains(k));
    assertThat(prober.env(stdio("x", List.of(), Map.of("A", "${env:PATH}"))).get("A")).isEqualTo(HOST_ENV.getOrDefault("PATH", ""));
  }

  @Test
  void serverThatExitsIsFailedWithItsMaskedStderr() {
    McpProbe p = prober.probe(server("exits", PYTHON, List.of(SCRIPT, "exit")),
        stdio(PYTHON, List.of(SCRIPT, "exit"), Map.of("WRAITH_TEST_TOKEN", "s3cr3t-PLANTED-value")));
    assertThat(p.status()).isEqualTo(McpProbe.Status.FAILED);
    assertThat(p.detail()).isEqualTo("the server exited before answering");
    assertThat(p.tools()).isEmpty();
    assertThat(p.stderrTail()).containsExactly("fatal: cannot log in with token=***", "giving up, secret was ***");
  }

  @Test
  void serverThatHangsTimesOutAndIsKilled() {
    SdkProber quick = new SdkProber(Duration.ofSeconds(2), new ToolInspector(dev.wraith.catalogue.CatalogueLoader.bundled().mcpProbe()), HOST_ENV, "test", dev.wraith.redact.Redactor.bundled());
    long start = System.nanoTime();
    McpProbe p = quick.probe(server("hangs", PYTHON, List.of(SCRIPT, "hang")), stdio(PYTHON, List.of(SCRIPT, "hang"), Map.of()));
    assertThat(p.status()).isEqualTo(McpProbe.Status.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
        .filter(h -> h.info().commandLine().orElse("").contains("poisoned_server.py"))).isEmpty();
  }

  @Test
  void missingCommandIsFailedNotThrown() {
    McpProbe p = prober.probe(server("nope", "/nonexistent/mcp-server", List.of()), stdio("/nonexistent/mcp-server", List.of(), Map.of()));
    assertThat(p.status()).isEqualTo(McpProbe.Status.FAILED);
    assertThat(p.detail()).contains("cannot start '/nonexistent/mcp-server'");
  }

  @Test
  void runtimeServerWithoutLaunchIsSkipped() {
    assertThat(prober.probe(server("running", "node", List.of()), ServerLaunch.NONE).status()).isEqualTo(McpProbe.Status.SKIPPED);
  }

  @Test
  void npmReferenceServersListTheirRealTools() {
    assumeTrue(onPath("node"), "node is not installed: .ci/run installs nodejs and npm; skipping the npm reference servers");
    assertThat(NPM_BIN.resolve("mcp-server-everything")).as("run .ci/run (it installs the npm servers into .ci/mcp-servers)").exists();
    McpProbe everything = prober.probe(server("everything", "node", List.of()),
        stdio(NPM_BIN.resolve("mcp-server-everything").toString(), List.of("stdio"), Map.of()));
    assertThat(everything.status()).as(everything.detail() + everything.stderrTail()).isEqualTo(McpProbe.Status.OK);
    assertThat(everything.tools()).extracting(McpTool::name).contains("echo", "get-sum");
    assertThat(everything.prompts()).isNotEmpty();
    assertThat(everything.resources()).isNotEmpty();

    McpProbe fs = prober.probe(server("filesystem", "node", List.of()),
        stdio(NPM_BIN.resolve("mcp-server-filesystem").toString(), List.of(System.getProperty("java.io.tmpdir")), Map.of()));
    assertThat(fs.status()).as(fs.detail() + fs.stderrTail()).isEqualTo(McpProbe.Status.OK);
    Map<String, List<String>> caps = fs.tools().stream().collect(Collectors.toMap(McpTool::name, McpTool::capabilities));
    assertThat(caps.get("write_file")).contains("filesystem", "write");
    assertThat(caps.get("read_text_file")).contains("filesystem");
    assertThat(fs.tools()).allMatch(t -> t.warnings().isEmpty(), "the official filesystem server hides no instructions");
  }

  @Test
  void httpServersAreProbedOverStreamableHttpAndSse() throws Exception {
    assumeTrue(onPath("node"), "node is not installed: .ci/run installs nodejs and npm; skipping the npm reference servers");
    for (String mode : List.of("streamableHttp", "sse")) {
      int port;
      try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      ProcessBuilder pb = new ProcessBuilder(NPM_BIN.resolve("mcp-server-everything").toString(), mode).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("PORT", Integer.toString(port));
      Process server = pb.start();
      try {
        awaitPort(port);
        boolean sse = mode.equals("sse");
        String url = "http://127.0.0.1:" + port + (sse ? "/sse" : "/mcp");
        McpTransport transport = sse ? McpTransport.SSE : McpTransport.HTTP;
        McpServer s = new McpServer("everything-" + mode, "test", "test.json", transport, "", List.of(), url, "127.0.0.1", List.of(), McpPackage.NONE);
        McpProbe p = prober.probe(s, new ServerLaunch(transport, "", List.of(), Map.of(), url, Map.of("X-Test", "PLANTED")));
        assertThat(p.status()).as(mode + " " + p.detail()).isEqualTo(McpProbe.Status.OK);
        assertThat(p.tools()).extracting(McpTool::name).contains("echo", "get-sum");
      } finally {
        server.descendants().forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly().waitFor();
      }
    }
  }

  private static void awaitPort(int port) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port).close();
        return;
      } catch (java.io.IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the HTTP server did not listen on port " + port);
  }

  static boolean onPath(String program) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }
}

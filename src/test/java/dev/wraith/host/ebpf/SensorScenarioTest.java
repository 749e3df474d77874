package dev.wraith.host.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.attribution.AskedNames;
import dev.wraith.attribution.Attributor;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.cli.Main;
import dev.wraith.model.Attributed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 12's scenario end to end, through the CLI, with no --resolve pin and no DNS lookup of wraith's own: in the lab's
 * namespaces ({@link ProbeLab}, prefix "integ") dnsmasq gives OpenAI's, Anthropic's and Gemini's names and a non-AI
 * neighbour's the same address, which the catalogue's published ranges call Anthropic's; a TLS server takes any SNI
 * there; tinyproxy tunnels CONNECT; a plain-HTTP server on a private address is an in-cluster vLLM Service in a
 * --kube-snapshot. Clients in Python (ssl), Node (https), Java (HttpClient) and curl run round after round while
 * {@code wraith sensor --probe ebpf} and then {@code wraith scan-all --probe ebpf} observe; a Tetragon-shaped replay of
 * the same processes is attributed with the sensor's dns-answer lines as --dns-log. Skips, saying why, without root,
 * the lab's tools, or a probe that can load here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SensorScenarioTest {
  static final String MARKER = "INTEG-MARKER-BEYOND-THE-PREFIX";
  static final ObjectMapper JSON = new ObjectMapper();
  private ProbeLab lab;
  /** The pids of each kind of client, every round's. */
  private final Map<String, List<Integer>> pids = new ConcurrentHashMap<>();
  private final AtomicInteger rounds = new AtomicInteger();
  private Path sensorOut, results;
  private List<JsonNode> sensor;
  private JsonNode inventory;

  @BeforeAll
  void observeTheScenario() throws Exception {
    Optional<String> why = ProbeLab.unavailable().or(() -> ProbeSupport.whyNot(ProbeBuild.current()));
    assumeTrue(why.isEmpty(), () -> "skipped: " + why.get());
    lab = ProbeLab.start("integ");
    javac(Path.of(ProbeLab.RESOURCES, "LabClient.java"));
    Path snapshot = Files.writeString(lab.dir.resolve("cluster.yaml"), snapshot());

    sensorOut = lab.dir.resolve("sensor.jsonl");
    int sensorCode = whileClientsRun(() -> Main.run("sensor", "--probe", "ebpf", "--duration", "12", "--no-dns", "--format",
        "json", "-o", sensorOut.toString()));
    assertThat(sensorCode).isZero();
    sensor = jsonLines(sensorOut);

    results = lab.dir.resolve("results");
    PrintStream stdout = System.out;
    int scanCode;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)); // the inventory, also in results/
    try {
      scanCode = whileClientsRun(() -> Main.run("scan-all", "--probe", "ebpf", "--kube-snapshot", snapshot.toString(),
          "--skip-layers", "code,tetragon,mcp", "--no-dns", "--no-state", "--duration", "12", "--no-color", "--output",
          results.toString(), "--format", "json"));
    } finally {
      System.setOut(stdout);
    }
    assertThat(scanCode).isZero();
    inventory = JSON.readTree(results.resolve("inventory.json").toFile());
  }

  @AfterAll
  void stop() {
    if (lab != null) lab.close();
  }

  @Test
  void everyAiClientIsNamedByItsSniOrItsOwnDnsAnswerNotByTheAddress() throws Exception {
    // the address alone says Anthropic (a published range): what the clients asked for must win over it
    var attributor = new Attributor(CatalogueLoader.bundled(), List.of(), Optional.empty());
    assertThat(attributor.attribute(InetAddress.getByName(lab.edge), 443, List.of(), AskedNames.NONE))
        .isEqualTo(new Attributed("anthropic", "", Attributed.Method.PUBLISHED_RANGE));

    assertNamed("python-sni", "openai", "api.openai.com", "sni");
    assertNamed("python-dns", "openai", "api.openai.com", "dns-answer");
    assertNamed("node", "anthropic", "api.anthropic.com", "sni");
    assertNamed("java", "google-gemini", "generativelanguage.googleapis.com", "sni");
    assertThat(observations()).allSatisfy(o -> assertThat(o.path("strength").asText()).as(o.toString()).isEqualTo("strong"));
  }

  @Test
  void theNonAiNeighbourOnTheSameAddressIsNotAiAnywhere() throws Exception {
    Set<Integer> neighbours = roles("neighbour-sni", "neighbour-dns");
    assertThat(neighbours).isNotEmpty();
    assertThat(sensor).noneMatch(l -> l.has("pid") && neighbours.contains(l.path("pid").asInt()) && !l.path("type").asText().equals("dns-answer"));
    // the status says the probe saw them and why they are not AI
    assertThat(status().path("notes").toString()).containsPattern("[1-9][0-9]* named non-AI hosts \\([1-9][0-9]* of them on an "
        + "address that address evidence calls AI: a shared address, not AI\\)");
    assertThat(Files.readString(results.resolve("inventory.json"))).doesNotContain("cdn-neighbour");
    for (JsonNode a : inventory.path("agents")) {
      assertThat(neighbours).doesNotContain(a.path("process").path("pid").asInt());
      for (JsonNode c : a.path("connections")) assertThat(c.path("strength").asText()).as(c.toString()).isEqualTo("strong");
    }
  }

  @Test
  void theProxiedClientIsNamedByItsConnectLine() {
    JsonNode o = observation("proxied");
    assertThat(o.path("ip").asText() + ":" + o.path("port").asInt()).isEqualTo(lab.server + ":8888");
    assertThat(o.path("provider").asText()).isEqualTo("openai");
    assertThat(o.path("host").asText()).isEqualTo("api.openai.com");
    assertThat(o.path("attribution").asText()).isEqualTo("proxy-connect");
  }

  @Test
  void aFiftyMillisecondClientIsCaughtAndItsInClusterServerNamedThroughTheSnapshotsService() {
    Set<Integer> shortOnes = roles("short");
    List<JsonNode> seen = sensor.stream().filter(l -> l.path("type").asText().equals("in-cluster")
        && shortOnes.contains(l.path("pid").asInt())).toList();
    assertThat(seen).as("of %d 50 ms clients", shortOnes.size()).isNotEmpty().allSatisfy(l -> {
      assertThat(l.path("ip").asText() + ":" + l.path("port").asInt()).isEqualTo(lab.server + ":8080");
      assertThat(l.path("arguments").toString()).contains("short_client.py").contains("--token=***");
    });
    JsonNode ghost = agentWith(c -> c.path("evidence").asText().equals("cluster-address"));
    assertThat(ghost.path("classification").asText()).isEqualTo("GHOST");
    assertThat(ghost.path("suspected").asBoolean()).isFalse();
    assertThat(ghost.path("connections")).allSatisfy(c -> {
      assertThat(c.path("provider").asText()).isEqualTo("vllm");
      assertThat(c.path("host").asText()).isEqualTo("integ-ai/vllm");
      assertThat(c.path("ip").asText() + ":" + c.path("port").asInt()).isEqualTo(lab.server + ":8080");
    });
  }

  @Test
  void aGhostOnNamedTrafficIsConfirmedNotSuspected() {
    JsonNode ghost = agentWith(c -> c.path("evidence").asText().equals("sni") && c.path("host").asText().equals("api.openai.com"));
    assertThat(ghost.path("classification").asText()).isEqualTo("GHOST");
    assertThat(ghost.path("suspected").asBoolean()).isFalse();
    assertThat(ghost.path("trafficEvidence").asText()).isEqualTo("strong");
    for (JsonNode a : inventory.path("agents")) {
      if (!a.path("process").isNull()) assertThat(a.path("suspected").asBoolean()).as(a.path("name").asText()).isFalse();
    }
  }

  @Test
  void theStatusSaysWhatTheProbeDid() {
    JsonNode s = status();
    assertThat(s.path("state").asText()).isEqualTo("ran");
    assertThat(s.path("stats").path("probe").asText()).isEqualTo("ebpf");
    assertThat(s.path("stats").path("connections").asLong()).isPositive();
    assertThat(s.path("stats").path("dnsAnswers").asLong()).isPositive();
    assertThat(s.path("notes").toString()).contains("eBPF probe: ").contains("names: ");
    assertThat(s.path("warnings").toString()).doesNotContain("names not seen").doesNotContain("eBPF probe: ");
  }

  @Test
  void payloadBeyondTheBoundedPrefixIsNeverStored() throws Exception {
    Set<Integer> big = roles("big");
    assertThat(sensor).anyMatch(l -> big.contains(l.path("pid").asInt())); // seen, as an in-cluster connection
    List<Path> outputs = new ArrayList<>(List.of(sensorOut));
    try (var s = Files.walk(results)) {
      s.filter(Files::isRegularFile).forEach(outputs::add);
    }
    for (Path f : outputs) {
      assertThat(Files.readString(f)).as(f.toString()).doesNotContain(MARKER).doesNotContain("FAKEBODYKEY")
          .doesNotContain("SHORTLIVEDSECRET");
    }
  }

  @Test
  void aTetragonReplayOfTheSameProcessesIsNamedByTheSensorsDnsAnswers() throws Exception {
    List<JsonNode> answers = sensor.stream().filter(l -> l.path("type").asText().equals("dns-answer")).toList();
    Set<Integer> ai = roles("python-sni", "python-dns"), neighbours = roles("neighbour-sni", "neighbour-dns");
    List<String> events = new ArrayList<>();
    for (JsonNode a : answers) {
      int pid = a.path("pid").asInt();
      if (!ai.contains(pid) && !neighbours.contains(pid)) continue;
      events.addAll(TetragonLines.execAndConnect(a.path("node").asText(), pid, a.path("answers").get(0).path("ip").asText(), 443,
          java.time.Instant.parse(a.path("time").asText()).plusMillis(20)));
    }
    assertThat(answers).as("dns-answer lines of the clients").anyMatch(a -> ai.contains(a.path("pid").asInt()));
    assertThat(answers).allSatisfy(a -> assertThat(a.path("node").asText()).isNotEmpty());
    Path tetragon = Files.write(lab.dir.resolve("tetragon.jsonl"), events);

    List<JsonNode> blind = tetragon(tetragon);
    // by address alone, every one of them (the neighbours too) is Anthropic's, weakly: what a replay without names says
    assertThat(blind).filteredOn(l -> l.path("type").asText().equals("observation"))
        .isNotEmpty().allSatisfy(l -> assertThat(l.path("attribution").asText() + " " + l.path("strength").asText())
            .isEqualTo("published-range weak"));

    List<JsonNode> named = tetragon(tetragon, "--dns-log", sensorOut.toString());
    List<JsonNode> obs = named.stream().filter(l -> l.path("type").asText().equals("observation")).toList();
    assertThat(obs).isNotEmpty().allSatisfy(l -> {
      assertThat(ai).contains(l.path("pid").asInt());
      assertThat(l.path("provider").asText() + " " + l.path("attribution").asText()).isEqualTo("openai dns-answer");
    });
    if (answers.stream().anyMatch(a -> neighbours.contains(a.path("pid").asInt()))) {
      assertThat(named).anyMatch(l -> l.path("type").asText().equals("unattributed")
          && l.path("named").asText().equals("cdn-neighbour.example") && l.path("namedBy").asText().equals("dns-answer"));
    }
  }

  // ---- the scenario ----

  /** Runs {@code wraith} on a thread and rounds of clients until it returns; its exit code. */
  private int whileClientsRun(IntSupplier wraith) throws Exception {
    AtomicInteger code = new AtomicInteger(-1);
    List<Throwable> failed = new CopyOnWriteArrayList<>();
    Thread t = new Thread(() -> {
      try {
        code.set(wraith.getAsInt());
      } catch (Throwable e) {
        failed.add(e);
      }
    });
    t.start();
    // Clients start once the probe's programs are attached: a client that resolved before it cannot be named by its DNS
    // answer (no probe can see an answer it was not attached for), and would rightly be weak, address-only evidence.
    probeAttached(t);
    while (t.isAlive()) round(); // no guess at when the window starts: clients run until it ends
    t.join();
    if (!failed.isEmpty()) throw new AssertionError(failed.get(0));
    return code.get();
  }

  /** The pid of the loader whose attachment the last run waited for: the next run's loader is another. */
  private long lastLoader = -1;

  /**
   * Waits (at most 20 s, while {@code wraith} runs) until a loader started by this JVM, other than the last run's, holds
   * a BPF link: its programs are attached to the tracepoints and every later DNS answer and connect is seen. Its
   * command may read "…/wraith-probe (deleted)": the extracted binary is removed once it runs.
   */
  private void probeAttached(Thread wraith) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (wraith.isAlive() && System.nanoTime() < until) {
      Optional<ProcessHandle> loader = ProcessHandle.current().descendants()
          .filter(h -> h.pid() != lastLoader && h.info().command().map(c -> c.contains("/wraith-probe")).orElse(false))
          .filter(h -> holdsBpfLink(h.pid())).findFirst();
      if (loader.isPresent()) {
        lastLoader = loader.get().pid();
        return;
      }
      Thread.sleep(20);
    }
  }

  private static boolean holdsBpfLink(long pid) {
    try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.anyMatch(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().equals("anon_inode:bpf_link");
        } catch (java.io.IOException e) {
          return false;
        }
      });
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  private void round() throws Exception {
    rounds.incrementAndGet();
    String res = Path.of(ProbeLab.RESOURCES).toAbsolutePath().toString();
    client("python-sni", ProbeLab.python(), res + "/tls_client.py", "api.openai.com");
    client("python-dns", ProbeLab.python(), res + "/dns_client.py", "api.openai.com");
    client("neighbour-sni", "curl", "-sk", "https://cdn-neighbour.example/");
    client("neighbour-dns", ProbeLab.python(), res + "/dns_client.py", "cdn-neighbour.example");
    client("node", "node", "-e", "require('https').get({host:'api.anthropic.com',rejectUnauthorized:false},"
        + "r=>{r.resume();r.on('end',()=>process.exit(0))}).on('error',e=>{console.error(e);process.exit(1)})");
    client("java", "java", "-Djdk.internal.httpclient.disableHostnameVerification=true", "-cp", lab.dir.toString(), "LabClient",
        "https://generativelanguage.googleapis.com/");
    client("proxied", "curl", "-sk", "-x", "http://" + lab.server + ":8888", "https://api.openai.com/");
    client("short", ProbeLab.python(), res + "/short_client.py", lab.server, "--token=SHORTLIVEDSECRET");
    Process p = lab.run(Map.of("PROBE_LAB_MARKER", MARKER), ProbeLab.python(), res + "/big_write.py", lab.server);
    pids.computeIfAbsent("big", k -> new CopyOnWriteArrayList<>()).add((int) p.pid());
  }

  private void client(String role, String... cmd) throws Exception {
    Process p = lab.run(cmd);
    pids.computeIfAbsent(role, k -> new CopyOnWriteArrayList<>()).add((int) p.pid());
  }

  /** The vLLM Service on the lab's private address (port 8080 to the pods' 8000), its pod, and a namespace. */
  private String snapshot() {
    return """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Pod
            metadata:
              name: vllm-0
              namespace: integ-ai
              uid: 0c0c0c0c-1111-4000-8000-000000000012
              labels: {app: vllm}
            spec:
              nodeName: integ-node
              containers: [{name: server, image: "vllm/vllm-openai:v0.6.4"}]
            status: {podIP: 10.244.12.9}
          - apiVersion: v1
            kind: Service
            metadata: {name: vllm, namespace: integ-ai}
            spec:
              clusterIP: %s
              selector: {app: vllm}
              ports: [{name: http, port: 8080, targetPort: 8000}]
        """.formatted(lab.server);
  }

  private void javac(Path source) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(), "-d", lab.dir.toString(),
        source.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0).as(out).isTrue();
  }

  private List<JsonNode> tetragon(Path events, String... more) throws Exception {
    Path out = Files.createTempFile(lab.dir, "tetragon-", ".jsonl");
    List<String> args = new ArrayList<>(List.of("tetragon", "--tetragon-events", events.toString(), "--format", "json", "-o",
        out.toString()));
    args.addAll(List.of(more));
    assertThat(Main.run(args.toArray(String[]::new))).isZero();
    return jsonLines(out);
  }

  // ---- reading the outputs ----

  private Set<Integer> roles(String... names) {
    Set<Integer> out = new java.util.HashSet<>();
    for (String n : names) out.addAll(pids.getOrDefault(n, List.of()));
    return out;
  }

  private List<JsonNode> observations() {
    return sensor.stream().filter(l -> l.path("type").asText().equals("observation")).toList();
  }

  /** The sensor's observation of one of the role's clients: every one seen is attributed alike. */
  private JsonNode observation(String role) {
    Set<Integer> mine = roles(role);
    List<JsonNode> seen = observations().stream().filter(o -> mine.contains(o.path("pid").asInt())).toList();
    assertThat(seen).as("%s: observations of %d clients in %d rounds", role, mine.size(), rounds.get()).isNotEmpty();
    Set<String> kinds = seen.stream().map(o -> o.path("provider").asText() + " " + o.path("host").asText() + " "
        + o.path("attribution").asText()).collect(Collectors.toSet());
    assertThat(kinds).as(role).hasSize(1);
    return seen.get(0);
  }

  private void assertNamed(String role, String provider, String host, String evidence) {
    JsonNode o = observation(role);
    assertThat(o.path("provider").asText() + " " + o.path("host").asText() + " " + o.path("attribution").asText())
        .as(role).isEqualTo(provider + " " + host + " " + evidence);
    assertThat(o.path("ip").asText()).isEqualTo(lab.edge);
    assertThat(o.path("strength").asText()).isEqualTo("strong");
  }

  private JsonNode status() {
    return sensor.get(sensor.size() - 1);
  }

  private JsonNode agentWith(java.util.function.Predicate<JsonNode> connection) {
    for (JsonNode a : inventory.path("agents")) {
      for (JsonNode c : a.path("connections")) if (connection.test(c)) return a;
    }
    throw new AssertionError("no agent with such a connection in " + inventory.path("agents"));
  }

  private static List<JsonNode> jsonLines(Path f) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(f)) if (!l.isBlank()) out.add(JSON.readTree(l));
    return out;
  }

  /** Tetragon export lines (process_exec, then a tcp_connect kprobe) for a node process, as Tetragon's JSON export writes. */
  private static final class TetragonLines {
    static List<String> execAndConnect(String node, int pid, String ip, int port, java.time.Instant t) throws Exception {
      Map<String, Object> process = new java.util.LinkedHashMap<>();
      process.put("exec_id", java.util.Base64.getEncoder().encodeToString((node + ":" + pid).getBytes(StandardCharsets.UTF_8)));
      process.put("pid", pid);
      process.put("uid", 0);
      process.put("cwd", "/");
      process.put("binary", "/usr/bin/python3");
      process.put("arguments", "client.py");
      process.put("flags", "execve clone");
      process.put("start_time", t.minusMillis(100).toString());
      Map<String, Object> sock = Map.of("family", ip.contains(":") ? "AF_INET6" : "AF_INET", "type", "SOCK_STREAM",
          "protocol", "IPPROTO_TCP", "saddr", "10.213.0.1", "daddr", ip, "sport", 40000 + pid % 20000, "dport", port,
          "state", "TCP_SYN_SENT");
      Map<String, Object> kprobe = new java.util.LinkedHashMap<>();
      kprobe.put("process", process);
      kprobe.put("function_name", "tcp_connect");
      kprobe.put("args", List.of(Map.of("sock_arg", sock)));
      kprobe.put("action", "KPROBE_ACTION_POST");
      return List.of(line("process_exec", Map.of("process", process), node, t.minusMillis(100)), line("process_kprobe", kprobe, node, t));
    }

    private static String line(String type, Object event, String node, java.time.Instant t) throws Exception {
      Map<String, Object> r = new java.util.LinkedHashMap<>();
      r.put(type, event);
      r.put("node_name", node);
      r.put("time", t.toString());
      return JSON.writeValueAsString(r);
    }
  }
}

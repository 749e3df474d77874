package dev.wraith.host.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wraith.host.LiveProcFs;
import dev.wraith.host.LiveProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real probe on this kernel, against real clients and servers in network namespaces ({@link ProbeLab}): Python
 * (ssl), Node (https), Java (HttpClient) and curl reach one address under an AI provider's name and a non-AI
 * neighbour's; a proxied client; a plain-HTTP model server; a 50 ms process. Everything is asserted from the probe's
 * records. Skips, saying why, without root, the lab's tools, or a probe that can load here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeLabTest {
  static final String MARKER = "PROBE-MARKER-BEYOND-THE-PREFIX";
  private ProbeLab lab;
  private KernelProbe probe;
  private ConnectionAggregator aggregator;
  private final List<ProbedConnection> seen = new ArrayList<>();
  /** Every event and record, as text: what a bug could leak into an output. */
  private final StringBuilder everything = new StringBuilder();
  private final List<KernelEvent.FirstBytes> firstBytes = new ArrayList<>();
  private final List<KernelEvent.DnsReply> dnsReplies = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    Optional<String> why = ProbeLab.unavailable().or(() -> ProbeSupport.whyNot(ProbeBuild.current()));
    assumeTrue(why.isEmpty(), () -> "skipped: " + why.get());
    ProbeStart s = LoaderProbe.start(dev.wraith.redact.Redactor.bundled());
    assertThat(s).as("the checks passed, so the probe must load").isInstanceOf(ProbeStart.Started.class);
    probe = ((ProbeStart.Started) s).probe();
    LiveProcesses live = new LiveProcesses(new LiveProcFs(Path.of("/proc")), dev.wraith.redact.Redactor.bundled());
    aggregator = new ConnectionAggregator(new ProcessDirectory(live::brief, new CgroupIds(CgroupIds.v2Root(Path.of("/proc")))),
        "probe-node", Duration.ofMillis(500), 0);
    lab = ProbeLab.start();
  }

  @AfterAll
  void stop() {
    if (probe != null) probe.close();
    if (lab != null) lab.close();
  }

  @Test
  void pythonSniAndDnsAnswerAreTiedToItsPidAndNamespace() throws Exception {
    // IPv4 (the name also has an AAAA record, and this glibc prefers the lab's ULA address)
    Process p = lab.run(ProbeLab.python(), "-c", """
        import socket,ssl
        c=ssl.create_default_context()
        c.check_hostname=False
        c.verify_mode=ssl.CERT_NONE
        ai=socket.getaddrinfo('api.openai.com',443,socket.AF_INET,socket.SOCK_STREAM)[0]
        s=c.wrap_socket(socket.create_connection(ai[4]),server_hostname='api.openai.com')
        s.sendall(b'GET / HTTP/1.1\\r\\nHost: api.openai.com\\r\\n\\r\\n')
        s.recv(100)""");
    ProbedConnection c = await(byPid(p, 443));
    assertThat(c.request()).isEqualTo(new RequestName.Sni("api.openai.com"));
    assertThat(c.destination()).isEqualTo(new Endpoint(lab.edge, 443));
    assertThat(c.source().ip()).isEqualTo(lab.client);
    assertThat(c.process().netns()).isEqualTo("net:[" + lab.clientNetns() + "]");
    assertThat(c.process().exe()).contains("python3");
    assertOwnAnswer(c, p, "api.openai.com");
  }

  @Test
  void ipv6ConnectAndAaaaAnswer() throws Exception {
    Process p = lab.run(ProbeLab.python(), "-c", """
        import socket,ssl
        ai=socket.getaddrinfo('api.openai.com',443,socket.AF_INET6,socket.SOCK_STREAM)[0]
        c=ssl.create_default_context()
        c.check_hostname=False
        c.verify_mode=ssl.CERT_NONE
        s=socket.socket(socket.AF_INET6)
        s.connect(ai[4])
        s=c.wrap_socket(s,server_hostname='api.openai.com')
        s.sendall(b'GET / HTTP/1.1\\r\\nHost: api.openai.com\\r\\n\\r\\n')
        s.recv(100)""");
    ProbedConnection c = await(byPid(p, 443));
    assertThat(c.destination()).isEqualTo(new Endpoint(lab.server6, 443));
    assertThat(c.source().ip()).isEqualTo(lab.client6);
    assertThat(c.request()).isEqualTo(new RequestName.Sni("api.openai.com"));
    assertOwnAnswer(c, p, "api.openai.com");
  }

  @Test
  void dnsOverTcpIsReadToo() throws Exception {
    // a real DNS-over-TCP exchange with dnsmasq: the length read alone, then the message
    Process p = lab.run(ProbeLab.python(), "-c", "import socket,struct\n"
        + "q=struct.pack('>HHHHHH',0x4242,0x0100,1,0,0,0)+b''.join(bytes([len(l)])+l.encode() for l in 'api.openai.com'.split('.'))"
        + "+b'\\x00'+struct.pack('>HH',1,1)\n"
        + "s=socket.create_connection(('" + lab.server + "',53))\ns.sendall(struct.pack('>H',len(q))+q)\n"
        + "n=struct.unpack('>H',s.recv(2))[0]\nd=b''\nwhile len(d)<n:\n d+=s.recv(n-len(d))\n");
    awaitEvents(() -> dnsReplies.stream().anyMatch(d -> d.task().pid() == p.pid()));
    assertThat(dnsReplies).filteredOn(d -> d.task().pid() == p.pid()).singleElement().satisfies(d -> {
      assertThat(d.tcp()).isTrue();
      assertThat(d.server()).isEqualTo(new Endpoint(lab.server, 53));
      assertThat(d.message().question()).isEqualTo("api.openai.com");
      assertThat(d.message().addresses()).extracting(DnsMessage.Address::ip).containsExactly(lab.edge);
    });
  }

  @Test
  void nodeHttpsFollowsTheCnameChain() throws Exception {
    Process p = lab.run("node", "-e", "require('https').get({host:'api.anthropic.com',rejectUnauthorized:false},"
        + "r=>{r.resume();r.on('end',()=>process.exit(0))}).on('error',e=>{console.error(e);process.exit(1)})");
    ProbedConnection c = await(byPid(p, 443));
    assertThat(c.request()).isEqualTo(new RequestName.Sni("api.anthropic.com"));
    assertThat(c.process().exe()).endsWith("node");
    assertOwnAnswer(c, p, "api.anthropic.com");
  }

  @Test
  void javaHttpClient() throws Exception {
    Process p = lab.run("java", "-Djdk.internal.httpclient.disableHostnameVerification=true",
        Path.of(ProbeLab.RESOURCES, "LabClient.java").toAbsolutePath().toString(), "https://generativelanguage.googleapis.com/");
    ProbedConnection c = await(byPid(p, 443));
    assertThat(c.request()).isEqualTo(new RequestName.Sni("generativelanguage.googleapis.com"));
    assertOwnAnswer(c, p, "generativelanguage.googleapis.com");
  }

  @Test
  void theNonAiNeighbourOnTheSameAddressKeepsItsOwnNames() throws Exception {
    Process p = lab.run("curl", "-sk", "https://cdn-neighbour.example/");
    ProbedConnection c = await(byPid(p, 443));
    assertThat(c.destination().ip()).isEqualTo(lab.edge); // the AI providers' address, too
    assertThat(c.request()).isEqualTo(new RequestName.Sni("cdn-neighbour.example"));
    assertOwnAnswer(c, p, "cdn-neighbour.example");
    assertThat(c.resolvedNames()).containsExactly("cdn-neighbour.example"); // its own answer; its namespace's other names not
  }

  @Test
  void aProxiedClientShowsItsConnectTarget() throws Exception {
    Process p = lab.run("curl", "-sk", "-x", "http://" + lab.server + ":8888", "https://api.openai.com/");
    ProbedConnection c = await(byPid(p, 8888));
    assertThat(c.request()).isEqualTo(new RequestName.ProxyConnect("api.openai.com", 443));
    assertThat(dnsReplies).noneMatch(d -> d.task().pid() == p.pid()); // the proxy resolved the name, not the client
  }

  @Test
  void aPlainHttpClientShowsMethodHostAndPathAndNothingElse() throws Exception {
    // the secrets go through a curl config file: on the command line they would be the process's argv, not its payload
    Path config = Files.writeString(lab.dir.resolve("curl.conf"), "url = \"http://models.internal:8080/v1/chat/completions"
        + "?api_key=QUERYSECRET\"\nheader = \"Authorization: Bearer HEADERSECRET\"\ndata = \"{\\\"prompt\\\":\\\"BODYSECRET\\\"}\"\n");
    Process p = lab.run("curl", "-s", "-K", config.toString());
    ProbedConnection c = await(byPid(p, 8080));
    assertThat(c.request()).isEqualTo(new RequestName.HttpRequest("POST", "models.internal", "/v1/chat/completions"));
    assertOwnAnswer(c, p, "models.internal");
    assertThat(everything).doesNotContain("SECRET");
  }

  @Test
  void bytesBeyondTheBoundNeverLeaveTheKernel() throws Exception {
    Process p = lab.run(java.util.Map.of("PROBE_LAB_MARKER", MARKER), ProbeLab.python(),
        Path.of(ProbeLab.RESOURCES, "big_write.py").toAbsolutePath().toString(), lab.server);
    ProbedConnection c = await(byPid(p, 8080));
    assertThat(c.request()).isEqualTo(new RequestName.HttpRequest("POST", "models.internal", "/v1/upload"));
    KernelEvent.FirstBytes write = firstBytes.stream().filter(f -> f.task().pid() == p.pid()).findFirst().orElseThrow();
    assertThat(write.captured()).isEqualTo(2048);
    assertThat(write.written()).isGreaterThan(2048 + MARKER.length());
    assertThat(everything).doesNotContain(MARKER).doesNotContain("FAKEBODYKEY");
  }

  @Test
  void aFiftyMillisecondProcessIsNamedFromItsExec() throws Exception {
    Process p = lab.run(ProbeLab.python(), Path.of(ProbeLab.RESOURCES, "short_client.py").toAbsolutePath().toString(), lab.server,
        "--token=SHORTLIVEDSECRET");
    ProbedConnection c = await(byPid(p, 8080));
    assertThat(Files.exists(Path.of("/proc", Long.toString(p.pid())))).as("the client has exited").isFalse();
    assertThat(c.process().source()).isEqualTo(ProbedProcess.Source.EXEC_EVENT);
    assertThat(c.process().exe()).contains("python3");
    assertThat(c.process().argv()).contains(Path.of(ProbeLab.RESOURCES, "short_client.py").toAbsolutePath().toString(), "--token=***");
    assertThat(c.request()).isEqualTo(new RequestName.HttpRequest("GET", "models.internal", "/v1/models"));
    assertThat(everything).doesNotContain("SHORTLIVEDSECRET");
  }

  @Test
  void theSensorOnTheProbeReportsShortLivedClientsWithTheirArguments() throws Exception {
    Path out = lab.dir.resolve("sensor.jsonl");
    int[] code = {-1};
    Thread sensor = new Thread(() -> code[0] = dev.wraith.cli.Main.run("sensor", "--probe", "ebpf", "--duration", "5", "--no-dns",
        "--resolve", "api.openai.com=" + lab.server, "--format", "json", "-o", out.toString()));
    sensor.start();
    String script = Path.of(ProbeLab.RESOURCES, "short_client.py").toAbsolutePath().toString();
    int runs = 0;
    while (sensor.isAlive()) { // 50 ms clients, one after another, until the window ends: no guess at when the probe is up
      lab.run(ProbeLab.python(), script, lab.server, "--token=SHORTLIVEDSECRET");
      runs++;
    }
    sensor.join();
    assertThat(code[0]).isZero();
    List<com.fasterxml.jackson.databind.JsonNode> lines = new ArrayList<>();
    for (String l : Files.readAllLines(out)) lines.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(l));
    List<com.fasterxml.jackson.databind.JsonNode> shortLived = lines.stream()
        .filter(l -> l.path("type").asText().equals("observation") && l.path("arguments").toString().contains("short_client.py")).toList();
    assertThat(shortLived).as("of " + runs + " runs").isNotEmpty();
    assertThat(shortLived.get(0).path("arguments").toString()).contains("--token=***");
    assertThat(shortLived.get(0).path("provider").asText()).isEqualTo("openai");
    assertThat(shortLived.get(0).path("netns").asText()).isEqualTo("net:[" + lab.clientNetns() + "]");
    assertThat(lines.get(lines.size() - 1).path("notes").toString()).contains("eBPF probe: ");
    assertThat(Files.readString(out)).doesNotContain("SHORTLIVEDSECRET").doesNotContain(MARKER);
  }

  /** The process received a DNS answer naming the destination before it connected, and the connection carries the name. */
  private void assertOwnAnswer(ProbedConnection c, Process p, String name) {
    assertThat(c.resolvedNames()).as("names DNS answers gave " + c.destination()).first().isEqualTo(name);
    List<KernelEvent.DnsReply> own = dnsReplies.stream().filter(d -> d.task().pid() == p.pid()
        && d.message().question().equals(name)).toList();
    assertThat(own).as("DNS answers " + p.pid() + " received").isNotEmpty().allSatisfy(d -> {
      assertThat(d.task().netns()).isEqualTo(c.process().netns());
      assertThat(d.task().startTicks()).isEqualTo(c.process().startTicks());
      assertThat(d.task().time()).isBefore(c.time());
    });
    assertThat(own).anySatisfy(d -> assertThat(d.message().addresses()).extracting(DnsMessage.Address::ip)
        .contains(c.destination().ip()));
  }

  private static Predicate<ProbedConnection> byPid(Process p, int port) {
    return c -> c.process().pid() == p.pid() && c.destination().port() == port;
  }

  /** Feeds the probe's events to the aggregator until a connection matches (the events arrive within milliseconds). */
  private ProbedConnection await(Predicate<ProbedConnection> match) throws Exception {
    awaitEvents(() -> seen.stream().anyMatch(match));
    return seen.stream().filter(match).findFirst().orElseThrow();
  }

  private void awaitEvents(java.util.function.BooleanSupplier done) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      if (done.getAsBoolean()) return;
      for (KernelEvent e : probe.poll(Duration.ofMillis(100))) {
        everything.append(e).append('\n');
        if (e instanceof KernelEvent.FirstBytes f) firstBytes.add(f);
        if (e instanceof KernelEvent.DnsReply d) dnsReplies.add(d);
        aggregator.accept(e);
      }
      for (ProbedConnection c : aggregator.complete(Instant.now())) {
        everything.append(c).append('\n');
        seen.add(c);
      }
      assertThat(probe.stopped()).isEmpty();
    }
    throw new AssertionError("not seen within 20 s; " + seen.size() + " connections seen");
  }
}

package dev.wraith.correlate;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.cluster.AuditLogReader;
import dev.wraith.cluster.ClusterCollector;
import dev.wraith.cluster.SnapshotKubeApi;
import dev.wraith.code.FixtureHarness;
import dev.wraith.model.Attributed;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.CodeScan;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.EntryScript;
import dev.wraith.model.Hashes;
import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.McpFinding;
import dev.wraith.model.McpPackage;
import dev.wraith.model.McpReason;
import dev.wraith.model.McpServer;
import dev.wraith.model.McpTransport;
import dev.wraith.model.McpVerdict;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.ScanReport;
import dev.wraith.model.PodRef;
import dev.wraith.model.TetragonScan;
import dev.wraith.model.TetragonSeen;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A realistic multi-layer scan, built from fixtures: the fixture repo (src/test/resources/correlate/repo, a copy of
 * part of examples/acme-support) scanned by the real code layer, a cluster snapshot and audit log read by the real
 * cluster collector, and host and Tetragon observations as those layers emit them. The story:
 * <ul>
 *   <li>support/triage-agent runs /app/main.py with the repo's bytes (host layer hashed it) → CONFIRMED;</li>
 *   <li>support/web-chat runs node server.js; its Deployment is declared in the repo → CONFIRMED;</li>
 *   <li>search-indexer is in the repo but not running → UNKNOWN;</li>
 *   <li>alice exec'd /tmp/agent.py into payments/checkout-api; it calls OpenAI every four minutes for eleven days → GHOST;</li>
 *   <li>bob exec'd /tmp/summarize.py into the confirmed triage-agent pod → a second, distinct GHOST;</li>
 *   <li>/root/cron/sync.py on node-a, outside any pod, calls Anthropic → GHOST;</li>
 *   <li>tools/webui is Open WebUI → SHADOW AI; default/scratch-agent declares Anthropic, no code, can read secrets →
 *       declared-only GHOST;</li>
 *   <li>a kubelet exec probe that curls an endpoint is not a subject at all.</li>
 * </ul>
 */
final class Scenario {
  static final Instant SCAN = Instant.parse("2026-03-02T09:00:00Z");
  static final ScanReport.Tool TOOL = new ScanReport.Tool("wraith", "test", "0", 1);
  static final Path REPO = Path.of("src/test/resources/correlate/repo");
  static final Path CLUSTER = Path.of("src/test/resources/correlate/cluster.yaml");
  static final Path AUDIT = Path.of("src/test/resources/correlate/audit.log");
  static final String TRIAGE_UID = "5b0e2a44-1c1d-4f0a-9d3e-000000000001";
  static final String TRIAGE_CID = "a1".repeat(32);
  /** Named by the DNS answer the process received: strong evidence. */
  static final Attributed OPENAI = new Attributed("openai", "api.openai.com", Attributed.Method.DNS_ANSWER);
  /** Only wraith's own lookup of api.openai.com gave the address: weak evidence, so a ghost on it is suspected. */
  static final Attributed OPENAI_BY_LOOKUP = new Attributed("openai", "api.openai.com", Attributed.Method.DNS_LOOKUP);
  static final Attributed ANTHROPIC = new Attributed("anthropic", "api.anthropic.com", Attributed.Method.PIN);

  private Scenario() {}

  static Catalogue catalogue() {
    return FixtureHarness.catalogue();
  }

  static CodeScan code() {
    return FixtureHarness.scan(REPO);
  }

  /** sha256 of every AI file and every script a Dockerfile copies, as the lead's port will supply them. */
  static Map<String, String> hashes(CodeScan code) {
    Map<String, String> out = new TreeMap<>();
    for (String p : Correlator.hashCandidates(code)) out.put(p, sha256(REPO.resolve(p)));
    return out;
  }

  static String sha256(Path p) {
    try {
      return Hashes.sha256Hex(Files.readAllBytes(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ClusterScan cluster() {
    return new ClusterCollector(catalogue()).collect(SnapshotKubeApi.read(List.of(CLUSTER)),
        new AuditLogReader(dev.wraith.redact.Redactor.bundled()).read(List.of(AUDIT)));
  }

  static HostScan host() {
    Observation triage = observation(process(4100, "/usr/local/bin/python3.12", List.of("python3", "/app/main.py"),
        Optional.of(new ContainerRef(TRIAGE_UID, TRIAGE_CID, "containerd", "burstable", "systemd"))), ProcessOrigin.CONTAINER,
        Optional.of(new EntryScript("/app/main.py", sha256(REPO.resolve("services/triage-agent/main.py")), "")), "104.18.7.192",
        OPENAI, "2026-03-02T08:50:00Z", "2026-03-02T08:59:00Z", 14);
    Observation cron = observation(process(6000, "/usr/bin/python3", List.of("python3", "/root/cron/sync.py"), Optional.empty()),
        ProcessOrigin.NODE, Optional.of(new EntryScript("/root/cron/sync.py", "", "not readable")), "160.79.104.10",
        ANTHROPIC, "2026-03-02T08:51:00Z", "2026-03-02T08:58:00Z", 3);
    return new HostScan("/proc", SCAN.minusSeconds(600), SCAN, List.of(triage, cron), List.of(),
        LayerStatus.ran("host", List.of()), new HostScan.Stats(60, 10_000, 40, 412, 9));
  }

  static TetragonScan tetragon() {
    List<TetragonSeen<Observation>> obs = List.of(
        tetragonObs(pod("payments", "checkout-api-7d9c6b5f4-x2x7q", "app", "checkout-api"), ProcessOrigin.EXEC,
            process(5002, "/usr/local/bin/python3.12", List.of("python3", "/tmp/agent.py", "--openai-key", "***", "--loop"),
                Optional.empty()), "/tmp/agent.py", OPENAI, "2026-02-19T09:00:00Z", "2026-03-02T08:56:00Z", 3960),
        tetragonObs(pod("support", "triage-agent-6c9f7d8b4-q2w3e", "agent", "triage-agent"), ProcessOrigin.EXEC,
            process(7310, "/usr/local/bin/python3.12", List.of("python3", "/tmp/summarize.py"), Optional.empty()),
            "/tmp/summarize.py", OPENAI_BY_LOOKUP, "2026-03-01T13:00:05Z", "2026-03-01T13:20:00Z", 12),
        tetragonObs(pod("support", "web-chat-7f8d9c6b5-k8j7h", "web", "web-chat"), ProcessOrigin.CONTAINER,
            process(8100, "/usr/local/bin/node", List.of("node", "server.js"), Optional.empty()), "/app/server.js", ANTHROPIC,
            "2026-03-02T08:00:00Z", "2026-03-02T08:59:30Z", 40),
        tetragonObs(pod("tools", "webui", "webui", ""), ProcessOrigin.CONTAINER,
            process(9100, "/usr/local/bin/python3", List.of("python3", "-m", "uvicorn", "open_webui.main:app"), Optional.empty()),
            "", OPENAI, "2026-03-02T07:00:00Z", "2026-03-02T08:30:00Z", 25));
    List<TetragonSeen<Observation>> all = new ArrayList<>(obs);
    TetragonSeen<Observation> probe = tetragonObs(pod("support", "web-chat-7f8d9c6b5-k8j7h", "web", "web-chat"), ProcessOrigin.EXEC,
        process(8200, "/usr/bin/curl", List.of("curl", "-s", "http://localhost:8080/health"), Optional.empty()), "", ANTHROPIC,
        "2026-03-02T08:10:00Z", "2026-03-02T08:10:00Z", 1);
    all.add(new TetragonSeen<>(probe.node(), probe.execId(), probe.pod(), true, "", probe.connection()));
    return new TetragonScan("tetragon-events.json", Instant.parse("2026-02-19T09:00:00Z"), SCAN, all,
        LayerStatus.ran("tetragon", List.of()), new TetragonScan.Stats(100, 100, 0, 0, 0, 4100, 5, 0, 0));
  }

  static List<McpFinding> mcp() {
    McpServer local = new McpServer("files", "claude-desktop", "~/Library/Application Support/Claude/claude_desktop_config.json",
        McpTransport.STDIO, "python", List.of("/Users/me/mcp/files.py"), "", "", List.of("ROOT_DIR"),
        new McpPackage(McpPackage.Ecosystem.LOCAL, "/Users/me/mcp/files.py", ""));
    return List.of(new McpFinding(local, new McpVerdict(false, "", List.of(McpReason.of(McpReason.Kind.LOCAL_SCRIPT)))));
  }

  static CorrelationInput input() {
    return input(SCAN);
  }

  /** The whole scenario, scanned at {@code when} (the observations keep their own times). */
  static CorrelationInput input(java.time.Instant when) {
    CodeScan code = code();
    return CorrelationInput.of(TOOL, when).withCode(code, hashes(code)).withCluster(cluster()).withHost(host(), "node-a")
        .withTetragon(tetragon()).withMcp(mcp()).withState(dev.wraith.model.PriorState.NONE, true)
        .withLayers(List.of(code.status(), cluster().status(), host().status(), tetragon().status()));
  }

  static ProcessInfo process(int pid, String exe, List<String> argv, Optional<ContainerRef> container) {
    return new ProcessInfo(pid, 1000L + pid, 1, 0, List.of(pid), exe, argv, "/", List.of(), container, "net:[4026531840]");
  }

  static Observation observation(ProcessInfo p, ProcessOrigin origin, Optional<EntryScript> script, String ip, Attributed a,
      String first, String last, int connections) {
    return new Observation(p, origin, script, ip, 443, a, Instant.parse(first), Instant.parse(last), connections, connections);
  }

  static PodRef pod(String ns, String name, String container, String workload) {
    String image = switch (name.split("-", -1)[0]) {
      case "webui" -> "ghcr.io/open-webui/open-webui:v0.5.20";
      case "web" -> "ghcr.io/acme/web-chat:1.4.0";
      case "triage" -> "ghcr.io/acme/triage-agent:1.8.2";
      default -> "registry.example.com/payments/checkout-api:2.3.1";
    };
    return new PodRef(ns, name, "", container, "", "containerd", image, workload, workload.isEmpty() ? "" : "Deployment", 7,
        false);
  }

  static TetragonSeen<Observation> tetragonObs(PodRef pod, ProcessOrigin origin, ProcessInfo p, String script, Attributed a,
      String first, String last, int n) {
    String ip = a.providerId().equals("openai") ? "104.18.7.192" : "160.79.104.10";
    Observation o = observation(p, origin, script.isEmpty() ? Optional.empty() : Optional.of(new EntryScript(script, "", "")), ip,
        a, first, last, n);
    String node = pod.name().startsWith("web-chat") || pod.name().equals("webui") ? "node-b" : "node-a";
    return new TetragonSeen<>(node, "exec-" + p.pid(), Optional.of(pod), false,
        origin == ProcessOrigin.EXEC ? "/usr/bin/runc" : "", o);
  }
}

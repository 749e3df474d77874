package dev.wraith.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The planted-secrets corpus (issue 13): distinctive fake secrets in every input kind wraith reads, every command run in
 * every format over them, and not one planted value, nor any {@value Plants#FRAGMENT}-character piece of one, in any
 * output: standard output and error, files written, the results directory, the state database's bytes, the sensor's
 * {@code /observations}, the operator's AgentReport and ClusterAgentSummary objects on fabric8's mock API server, and
 * its metrics. Each planted spot's neighbour (a script name, a host) must appear in the outputs, which proves the value
 * was next to what was reported. What is run is {@link Exercised}; {@link CorpusCoverageTest} fails when a command, a
 * format or a reporter exists that it does not run.
 */
@EnableKubernetesMockClient(crud = true)
class PlantedSecretsCorpusTest {
  static final String PIN_HOST = "api.openai.com";
  static final ResourceDefinitionContext AGENT_REPORTS = crd("AgentReport", "agentreports", true);
  static final ResourceDefinitionContext SUMMARIES = crd("ClusterAgentSummary", "clusteragentsummaries", false);

  KubernetesClient client;

  private final Plants plants = new Plants();
  private final Outputs outputs = new Outputs();
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private Path root;

  @AfterEach
  void tearDown() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) cleanup.get(i).close();
    if (root != null) deleteTree(root);
  }

  @Test
  void noPlantedValueReachesAnyOutputOfAnyCommand() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/net/tcp")), "needs Linux /proc for the real planted process");
    assumeTrue(Files.isExecutable(Path.of(McpInputs.PYTHON)) || McpInputs.PYTHON.equals("python3"), "needs python3");
    root = Files.createTempDirectory("redact-corpus");
    Corpus c = Corpus.write(root, plants, Loopback.remoteMcp(cleanup));
    int aiPort = Loopback.aiEndpoint(cleanup);
    PlantedProcess process = PlantedProcess.start(root, aiPort, plants);
    cleanup.add(process);
    Optional<String> noInCluster = PlantedInCluster.unavailable();
    if (noInCluster.isEmpty()) cleanup.add(PlantedInCluster.start(root, plants));
    else outputs.add("in-cluster process: not run", noInCluster.get());
    String pin = PIN_HOST + "=127.0.0.1:" + aiPort;
    String tetragonPin = PIN_HOST + "=" + RuntimeInputs.TETRAGON_DEST;

    codeLayer(c);
    clusterLayer(c);
    tetragonLayer(c, tetragonPin);
    mcpLayer(c);
    boolean probed = hostLayer(pin, aiPort);
    scanAllAndState(c, pin, tetragonPin);
    FleetOutputs fleet = new FleetOutputs(root, c, plants, outputs, cleanup, List.of(pin, tetragonPin));
    fleet.delivery();
    fleet.postgres();
    errors();
    inCluster(c, pin);

    dump();
    Outputs probe = new Outputs(); // the search itself finds a piece of a value anywhere in a text
    String value = plants.all().get(plants.all().size() / 2).value();
    probe.add("probe", "x" + value.substring(value.length() - Plants.FRAGMENT - 3, value.length() - 2) + "y");
    assertThat(probe.leaks(plants)).hasSize(1);
    List<String> leaks = outputs.leaks(plants);
    assertThat(leaks).as("planted values in outputs").isEmpty();
    assertThat(outputs.all()).as("the planted spots' neighbours were reported").contains(c.witnesses())
        .contains(process.witness()).contains("--api-key ***");
    assertThat(outputs.get("tetragon json (stdout)")).as("Tetragon's line types").contains("\"type\":\"in-cluster\"",
        "\"type\":\"unattributed\"", "/tmp/tgateway.py");
    if (noInCluster.isEmpty()) {
      assertThat(outputs.get("sensor --probe proc json (stdout)")).as("the sampler's in-cluster line")
          .contains("\"type\":\"in-cluster\"", "incluster.py");
    }
    if (probed) assertThat(outputs.get("sensor --probe ebpf json (stdout)")).as("a short-lived client named from its exec")
        .contains("short_client.py", "\"--api-key\",\"***\"");
    assertThat(plants.all()).hasSizeGreaterThan(80);
  }

  private void codeLayer(Corpus c) throws IOException {
    for (String format : Exercised.FORMATS.get("scan")) {
      Path file = root.resolve("scan." + format);
      exits(outputs.wraith("scan " + format, "scan", c.code().toString(), "--format", format, "-o", file.toString()), 0, 1);
      outputs.file("scan --format " + format, file);
    }
    // the code inventory (its git remote carries a CI token) and scan-all joining it
    Path inventory = root.resolve("code-inventory.json");
    exits(outputs.wraith("scan inventory", "scan", c.code().toString(), "--format", "inventory", "-o", inventory.toString()), 0);
    outputs.file("scan --format inventory", inventory);
    Path results = root.resolve("joined-results");
    exits(outputs.wraith("scan-all --code-inventory", "scan-all", "--code-inventory", inventory.toString(), "--skip-layers",
        "host,cluster,tetragon,mcp", "--no-state", "--format", "json", "--output", results.toString()), 0, 1);
    outputs.tree("scan-all --code-inventory results", results);
  }

  private void clusterLayer(Corpus c) {
    for (String format : Exercised.FORMATS.get("cluster")) {
      exits(outputs.wraith("cluster " + format, "cluster", "--kube-snapshot", c.snapshot().toString(), "--audit-log",
          c.auditLog().toString(), "--format", format), 0);
    }
  }

  private void tetragonLayer(Corpus c, String pin) {
    for (String format : Exercised.FORMATS.get("tetragon")) {
      exits(outputs.wraith("tetragon " + format, "tetragon", "--tetragon-events", c.tetragon().toString(), "--dns-log",
          c.dnsLog().toString(), "--resolve", pin, "--format", format), 0);
    }
  }

  /** Listing reads every config; probing starts only the loopback and project servers (the others would go online). */
  private void mcpLayer(Corpus c) {
    for (String format : Exercised.FORMATS.get("mcp")) {
      exits(outputs.wraith("mcp " + format, "mcp", "--home", c.home().toString(), c.code().toString(), "--format", format), 0);
      exits(outputs.wraith("mcp --probe " + format, "mcp", "--home", c.probeHome().toString(), c.code().toString(), "--probe",
          "--probe-timeout", "10", "--no-state", "--format", format), 0);
    }
    assertThat(outputs.get("mcp --probe json (stdout)")).contains("stderrTail").contains("starting with argv")
        .contains("plant-loopback");
  }

  /**
   * The sensor on /proc (with the in-cluster process: its in-cluster line; entry-script hashes once) and on the eBPF
   * probe, while planted short-lived clients run one after another: each is named from its exec event. Returns whether
   * the probe could load here; under CI it must.
   */
  private boolean hostLayer(String pin, int aiPort) throws InterruptedException {
    boolean probed = true;
    for (String probe : Exercised.PROBE_MODES) {
      ShortLivedClients clients = probe.equals("ebpf") ? ShortLivedClients.start(root, aiPort, plants) : null;
      try {
        for (String format : Exercised.FORMATS.get("sensor")) {
          for (boolean hashes : new boolean[] {false, true}) {
            if (hashes && (probe.equals("ebpf") || format.equals("table"))) continue;
            List<String> args = new ArrayList<>(List.of("sensor", "--probe", probe, "--duration", probe.equals("ebpf") ? "3" : "1",
                "--no-dns", "--resolve", pin, "--format", format));
            if (hashes) args.add("--include-hashes");
            Outputs.Run r = outputs.wraith("sensor --probe " + probe + " " + format + (hashes ? " hashes" : ""), args.toArray(String[]::new));
            if (probe.equals("ebpf") && r.code() == 3 && r.err().contains("cannot load")) {
              assertThat("true".equals(System.getenv("CI"))).as("CI runs the eBPF probe: " + r.err()).isFalse();
              probed = false;
              continue;
            }
            exits(r, 0);
          }
        }
      } finally {
        if (clients != null) clients.close();
      }
    }
    return probed;
  }

  /** Two scan-alls into one state database (so history and diff have something to show), then every reader of it. */
  private void scanAllAndState(Corpus c, String pin, String tetragonPin) throws Exception {
    Path state = root.resolve("state/inventory.db");
    List<String> common = List.of(c.code().toString(), "--kube-snapshot", c.snapshot().toString(), "--audit-log",
        c.auditLog().toString(), "--tetragon-events", c.tetragon().toString(), "--dns-log", c.dnsLog().toString(), "--home",
        c.home().toString(), "--resolve", pin,
        "--resolve", tetragonPin, "--duration", "1", "--no-dns", "--state", state.toString());
    for (String format : Exercised.FORMATS.get("scan-all")) {
      Path results = root.resolve("results-" + format);
      List<String> args = new ArrayList<>(List.of("scan-all"));
      args.addAll(common);
      args.addAll(List.of("--format", format, "--output", results.toString(), "--no-color"));
      if (format.equals("json")) { // probing: only servers that stay on this machine
        args.set(args.indexOf(c.home().toString()), c.probeHome().toString());
        args.add("--probe-mcp");
      }
      exits(outputs.wraith("scan-all " + format, args.toArray(String[]::new)), 0, 1);
      List<String> files = outputs.tree("scan-all " + format + " results", results);
      assertThat(files).containsAll(Exercised.resultFiles());
    }
    for (String cdx : Exercised.CDX_VERSIONS) {
      List<String> aibom = new ArrayList<>(List.of("aibom"));
      aibom.addAll(common);
      aibom.addAll(List.of("--cdx-version", cdx, "-o", root.resolve("aibom-" + cdx + ".json").toString()));
      exits(outputs.wraith("aibom " + cdx, aibom.toArray(String[]::new)), 0);
      outputs.file("aibom --cdx-version " + cdx + " -o", root.resolve("aibom-" + cdx + ".json"));
      assertThat(outputs.get("aibom --cdx-version " + cdx + " -o")).contains("\"specVersion\" : \"" + cdx + "\"");
    }
    String agent = firstAgentId(root.resolve("results-json/inventory.json"));
    String note = plants.plant("wraith ack --note", "sk-proj-%s");
    exits(outputs.wraith("ack", "ack", agent, "--note", "rotated " + note, "--state", state.toString()), 0);
    for (String format : Exercised.FORMATS.get("history")) {
      exits(outputs.wraith("history " + format, "history", "--state", state.toString(), "--format", format), 0);
      exits(outputs.wraith("history --agent " + format, "history", "--state", state.toString(), "--agent", agent,
          "--format", format), 0);
    }
    for (String format : Exercised.FORMATS.get("diff")) {
      exits(outputs.wraith("diff " + format, "diff", "--state", state.toString(), "--format", format), 0);
    }
    outputs.wraith("catalogue", "catalogue");
    outputs.tree("state database", state.getParent()); // the file, its WAL and shared memory, byte for byte
  }

  /** Mistakes that quote what the user typed: the messages go through the redactor too. */
  private void errors() {
    String token = plants.plant("error message: a path holding a token", "sk-proj-%s");
    exits(outputs.wraith("error: missing path", "scan", root.resolve(token).toString()), 2);
    String flag = plants.plant("error message: an unknown option's value", "%s");
    exits(outputs.wraith("error: unknown option", "cluster", "--api-key=" + flag), 2);
    String url = plants.plant("error message: a bad --resolve", "%s");
    exits(outputs.wraith("error: bad resolve", "sensor", "--resolve", "https://u:" + url + "@api.openai.com"), 2);
  }

  /**
   * sensor --serve on this node, and the operator reading it and the (mock) API server, publishing and serving metrics;
   * both run on threads as in their pods, with this phase's standard streams kept as their output.
   */
  private void inCluster(Corpus c, String pin) throws Exception {
    java.io.PrintStream oldOut = System.out, oldErr = System.err;
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      inClusterCaptured(c, pin);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      outputs.add("sensor --serve and operator (stdout)", out.toString(java.nio.charset.StandardCharsets.UTF_8));
      outputs.add("sensor --serve and operator (stderr)", err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private void inClusterCaptured(Corpus c, String pin) throws Exception {
    installCrds();
    for (var o : c.clusterObjects()) client.resource(client.getKubernetesSerialization().convertValue(o, GenericKubernetesResource.class))
        .inNamespace(RuntimeInputs.NAMESPACE).create();
    int sensorPort = Loopback.freePort();
    client.pods().inNamespace("wraith-system").resource(new PodBuilder().withNewMetadata().withName("wraith-sensor-a")
        .withNamespace("wraith-system").addToLabels("app.kubernetes.io/name", "wraith-sensor").endMetadata()
        .withNewSpec().withNodeName("node-a").endSpec().withNewStatus().withPhase("Running").withPodIP("127.0.0.1")
        .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build()).create();
    // on /proc: its windows carry the in-cluster process's line to the operator (the probe's runs are the sensor's above)
    Background sensor = Background.start("sensor-serve", "sensor", "--serve", "127.0.0.1:" + sensorPort, "--probe", "proc",
        "--duration", "1", "--no-dns", "--resolve", pin);
    cleanup.add(sensor);
    String observations = Loopback.poll("http://127.0.0.1:" + sensorPort + "/observations", body -> body.contains("\"observation\""));
    outputs.add("sensor --serve /observations", observations);
    int metricsPort = Loopback.freePort();
    Map<String, String> props = Map.of("kubernetes.master", client.getMasterUrl().toString(), "kubernetes.trust.certificates",
        "true", "kubernetes.auth.tryKubeConfig", "false", "kubernetes.auth.tryServiceAccount", "false",
        "kubernetes.request.retry.backoffLimit", "0");
    props.forEach(System::setProperty);
    cleanup.add(() -> props.keySet().forEach(System::clearProperty));
    Background operator = Background.start("operator", "operator", "--interval", "10m", "--metrics-address",
        "127.0.0.1:" + metricsPort, "--sensor-port", String.valueOf(sensorPort));
    cleanup.add(operator);
    outputs.add("operator /metrics", Loopback.poll("http://127.0.0.1:" + metricsPort + "/metrics", body -> body.contains("wraith_agents{")));
    List<GenericKubernetesResource> reports = client.genericKubernetesResources(AGENT_REPORTS).inAnyNamespace().list().getItems();
    assertThat(reports).isNotEmpty();
    for (GenericKubernetesResource r : reports) outputs.add("AgentReport " + r.getMetadata().getName(), client.getKubernetesSerialization().asJson(r));
    GenericKubernetesResource summary = client.genericKubernetesResources(SUMMARIES).withName("cluster").get();
    outputs.add("ClusterAgentSummary", client.getKubernetesSerialization().asJson(summary));
    operator.close();
    sensor.close();
  }

  /** With -Dwraith.corpus.dump=DIR, every output is written there for a person to read (what redaction looks like). */
  private void dump() throws IOException {
    String dir = System.getProperty("wraith.corpus.dump");
    if (dir == null) return;
    Path d = Files.createDirectories(Path.of(dir));
    int i = 0;
    for (var e : outputs.byName().entrySet()) {
      Files.writeString(d.resolve(String.format("%03d-", i++) + e.getKey().replaceAll("[^A-Za-z0-9.-]+", "_")), e.getValue());
    }
  }

  /** The run ended with one of these exit codes; otherwise its standard error says why. */
  private static void exits(Outputs.Run r, Integer... codes) {
    assertThat(r.code()).as(r.err()).isIn((Object[]) codes);
  }

  private void installCrds() throws IOException {
    for (String f : List.of("agentreports.wraith.dev.yaml", "clusteragentsummaries.wraith.dev.yaml")) {
      try (var in = new FileInputStream("deploy/crds/" + f)) {
        client.resource(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class)).create();
      }
    }
  }

  private static ResourceDefinitionContext crd(String kind, String plural, boolean namespaced) {
    return new ResourceDefinitionContext.Builder().withGroup("wraith.dev").withVersion("v1alpha1").withKind(kind)
        .withPlural(plural).withNamespaced(namespaced).build();
  }

  private static String firstAgentId(Path inventory) throws IOException {
    var agents = new com.fasterxml.jackson.databind.ObjectMapper().readTree(inventory.toFile()).path("agents");
    assertThat(agents.size()).isPositive();
    return agents.get(0).path("id").asText();
  }

  static void deleteTree(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}

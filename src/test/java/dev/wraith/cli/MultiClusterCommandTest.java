package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import dev.wraith.cli.ScanAllCommandTest.Run;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several clusters in one inventory, as a user runs it: two live contexts on two fabric8 CRUD mock API servers holding
 * the colliding objects of src/test/resources/cluster/multi (see the expectations there) and a third, unreachable
 * context; named snapshots; state and diff across runs; and the usage errors of bad cluster names.
 */
class MultiClusterCommandTest {
  static final Path PROD = Path.of("src/test/resources/cluster/multi/prod.yaml");
  static final Path STAGING = Path.of("src/test/resources/cluster/multi/staging.yaml");
  static final String SINGLE_ID = "c424bdc1a8fd49b0"; // see MultiClusterCorrelationTest

  static KubernetesMockServer prodServer, stagingServer;

  @TempDir Path dir;

  @BeforeAll
  static void startServers() throws Exception {
    prodServer = server(PROD);
    stagingServer = server(STAGING);
  }

  @AfterAll
  static void stopServers() {
    prodServer.destroy();
    stagingServer.destroy();
  }

  private static KubernetesMockServer server(Path objects) throws Exception {
    KubernetesMockServer s = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(), false);
    s.init(InetAddress.getLoopbackAddress(), 0);
    try (KubernetesClient client = s.createClient()) {
      KubernetesList list = Serialization.unmarshal(Files.newInputStream(objects), KubernetesList.class);
      for (HasMetadata o : list.getItems()) {
        String ns = o.getMetadata().getNamespace();
        if (o instanceof Pod p) client.pods().inNamespace(ns).resource(p).create();
        else if (o instanceof Service x) client.services().inNamespace(ns).resource(x).create();
        else client.resource(o).inNamespace(ns).create();
      }
    }
    return s;
  }

  /** prod and staging on the mock servers; dead on a loopback port nothing listens on. */
  private Path kubeconfig(boolean withDead) throws Exception {
    String prod = prodServer.createClient().getMasterUrl().toString();
    String staging = stagingServer.createClient().getMasterUrl().toString();
    StringBuilder b = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n")
        .append("- {name: prod, cluster: {server: \"").append(prod).append("\"}}\n")
        .append("- {name: staging, cluster: {server: \"").append(staging).append("\"}}\n");
    if (withDead) b.append("- {name: dead, cluster: {server: \"http://127.0.0.1:1\"}}\n");
    b.append("users:\n- {name: u, user: {token: t}}\ncontexts:\n")
        .append("- {name: prod, context: {cluster: prod, user: u}}\n")
        .append("- {name: staging, context: {cluster: staging, user: u}}\n");
    if (withDead) b.append("- {name: dead, context: {cluster: dead, user: u}}\n");
    b.append("current-context: prod\n");
    return Files.writeString(dir.resolve(withDead ? "kubeconfig-3" : "kubeconfig-2"), b.toString());
  }

  static Run run(String... args) {
    return ScanAllCommandTest.run(args);
  }

  private List<String> scanAll(Path results, String... clusters) {
    List<String> a = new ArrayList<>(List.of("scan-all", "--skip-layers", "code,host,tetragon,mcp", "--no-color",
        "--output", results.toString()));
    a.addAll(List.of(clusters));
    return a;
  }

  private static List<JsonNode> supportAgents(Path results) throws Exception {
    JsonNode inv = new ObjectMapper().readTree(results.resolve("inventory.json").toFile());
    return StreamSupport.stream(inv.path("agents").spliterator(), false)
        .filter(a -> a.path("name").asText().equals("support-agent")).toList();
  }

  private static JsonNode layer(Path results, String name) throws Exception {
    JsonNode inv = new ObjectMapper().readTree(results.resolve("inventory.json").toFile());
    return StreamSupport.stream(inv.path("layers").spliterator(), false)
        .filter(l -> l.path("name").asText().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void twoLiveContextsAndAnUnreachableOneAreOneInventoryWithAPartialClusterLayer() throws Exception {
    Path results = dir.resolve("live");
    List<String> args = scanAll(results, "--kubeconfig", kubeconfig(true).toString(), "--context", "prod",
        "--context", "staging", "--context", "dead", "--no-state");
    Run r = run(args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
    List<JsonNode> agents = supportAgents(results);
    assertThat(agents).extracting(a -> a.path("workload").path("cluster").asText() + " " + a.path("providers").toString())
        .containsExactlyInAnyOrder("prod [\"openai\"]", "staging [\"anthropic\"]");
    assertThat(agents.get(0).path("id").asText()).isNotEqualTo(agents.get(1).path("id").asText());
    JsonNode cluster = layer(results, "cluster");
    assertThat(cluster.path("status").asText()).isEqualTo("partial");
    assertThat(cluster.path("reason").asText()).contains("cluster dead not read");
    assertThat(r.out()).contains("in cluster prod").contains("in cluster staging");
    try (var in = getClass().getResourceAsStream("/schema/inventory.schema.json")) {
      var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
          .getSchema(new ObjectMapper().readTree(in));
      assertThat(schema.validate(new ObjectMapper().readTree(results.resolve("inventory.json").toFile()))).isEmpty();
    }
    assertThat(Files.readString(results.resolve("aibom.cdx.json"))).contains("\"wraith:cluster\"").contains("\"staging\"");
    assertThat(Files.readString(results.resolve("report.md"))).contains("in cluster staging");
    assertThat(Files.readString(results.resolve("report.html"))).contains("cluster prod");
    assertThat(Files.readString(results.resolve("findings.ocsf.jsonl"))).contains("prod@shop/Deployment/support-agent")
        .contains("(cluster staging)");
  }

  @Test
  void allContextsReadsEveryContextOfTheKubeconfig() throws Exception {
    Path results = dir.resolve("all");
    Run r = run(scanAll(results, "--kubeconfig", kubeconfig(false).toString(), "--all-contexts", "--no-state")
        .toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
    assertThat(supportAgents(results)).extracting(a -> a.path("workload").path("cluster").asText())
        .containsExactlyInAnyOrder("prod", "staging");
    assertThat(layer(results, "cluster").path("status").asText()).isEqualTo("ran");
  }

  @Test
  void oneLiveContextIsTheUnnamedClusterWithTodaysIds() throws Exception {
    Path results = dir.resolve("one");
    Run r = run(scanAll(results, "--kubeconfig", kubeconfig(false).toString(), "--context", "prod", "--no-state")
        .toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
    JsonNode a = supportAgents(results).get(0);
    assertThat(a.path("id").asText()).isEqualTo(SINGLE_ID);
    assertThat(a.path("workload").has("cluster")).as("unnamed: no cluster field, as before").isFalse();
  }

  @Test
  void namedSnapshotsKeepTheirIdsAcrossRunsAndTheDiffSeesOneClusterChange() throws Exception {
    String state = dir.resolve("state.db").toString();
    Path first = dir.resolve("r1");
    Run r1 = run(scanAll(first, "--kube-snapshot", "prod=" + PROD, "--kube-snapshot", "staging=" + STAGING,
        "--state", state).toArray(String[]::new));
    assertThat(r1.code()).as(r1.err()).isEqualTo(Main.OK);
    // staging now runs prod's objects: its support-agent declares openai instead of anthropic, and it gets prod's LiteLLM
    // pod; prod is unchanged
    Path second = dir.resolve("r2");
    Run r2 = run(scanAll(second, "--kube-snapshot", "prod=" + PROD, "--kube-snapshot", "staging=" + PROD,
        "--state", state).toArray(String[]::new));
    assertThat(r2.code()).as(r2.err()).isEqualTo(Main.OK);
    List<JsonNode> before = supportAgents(first), after = supportAgents(second);
    assertThat(after).extracting(a -> a.path("id").asText())
        .containsExactlyInAnyOrderElementsOf(before.stream().map(a -> a.path("id").asText()).toList());
    assertThat(after).extracting(a -> a.path("workload").path("cluster").asText() + " " + a.path("change").asText())
        .containsExactlyInAnyOrder("prod UNCHANGED", "staging CHANGED");
    Run diff = run("diff", "--state", state);
    assertThat(diff.code()).as(diff.err()).isEqualTo(Main.OK);
    String stagingId = after.stream().filter(a -> a.path("workload").path("cluster").asText().equals("staging"))
        .findFirst().orElseThrow().path("id").asText();
    // prod's LiteLLM pod is now also in staging: a new agent there, while prod's keeps its id and is not listed
    assertThat(diff.out()).contains("1 new, 0 gone, 1 changed").contains("litellm-0 in cluster staging")
        .contains("support-agent in cluster staging  " + stagingId).doesNotContain("in cluster prod");
  }

  @Test
  void theClusterCommandReportsBothClusters() throws Exception {
    Run table = run("cluster", "--kube-snapshot", "prod=" + PROD, "--kube-snapshot", "staging=" + STAGING);
    assertThat(table.code()).as(table.err()).isEqualTo(Main.OK);
    assertThat(table.out()).contains("prod@shop/support-agent").contains("staging@shop/support-agent");
    Run json = run("cluster", "--kube-snapshot", "prod=" + PROD, "--kube-snapshot", "staging=" + STAGING, "-f", "json");
    JsonNode doc = new ObjectMapper().readTree(json.out());
    assertThat(StreamSupport.stream(doc.path("workloads").spliterator(), false).map(w -> w.path("cluster").asText()
        + "@" + w.path("namespace").asText() + "/" + w.path("name").asText()).toList())
        .containsExactly("prod@ai-platform/litellm-0", "prod@shop/support-agent", "staging@shop/support-agent");
    Run live = run("cluster", "--kubeconfig", kubeconfig(true).toString(), "--context", "prod", "--context", "dead",
        "--request-timeout", "5");
    assertThat(live.code()).as(live.err()).isEqualTo(Main.OK);
    assertThat(live.out()).contains("prod@shop/support-agent").contains("cluster dead not read");
  }

  @Test
  void badClusterNamesAreUsageErrorsThatSayWhatToWrite() throws Exception {
    String p = PROD.toString();
    assertUsage("the cluster name before '=' is empty", "--kube-snapshot", "=" + p);
    assertUsage("no file after '='", "--kube-snapshot", "prod=");
    assertUsage("'prod' given twice", "--kube-snapshot", "prod=" + p, "--kube-snapshot", "prod=" + STAGING);
    assertUsage("cannot name a cluster", "--kube-snapshot", "pr od=" + p, "--kube-snapshot", "staging=" + STAGING);
    assertUsage("cannot name a cluster", "--kube-snapshot", "a@b=" + p);
    assertUsage("cannot name a cluster", "--kube-snapshot", "x|y=" + p);
    assertUsage("name every snapshot", "--kube-snapshot", p, "--kube-snapshot", "staging=" + STAGING);
    assertUsage("--audit-log names no cluster", "--kube-snapshot", "prod=" + p, "--kube-snapshot", "staging=" + STAGING,
        "--audit-log", "src/test/resources/cluster/audit.log");
    assertUsage("--all-contexts reads every context", "--all-contexts", "--context", "prod");
    assertUsage("--context prod is given twice", "--kubeconfig", kubeconfig(false).toString(), "--context", "prod",
        "--context", "prod");
    assertUsage("no such file", "--kube-snapshot", "prod=" + dir.resolve("missing.json"));
  }

  private void assertUsage(String message, String... clusterArgs) {
    for (String command : List.of("scan-all", "cluster")) {
      List<String> args = new ArrayList<>(List.of(command));
      if (command.equals("scan-all")) args.addAll(List.of("--skip-layers", "code,host,tetragon,mcp", "--no-state"));
      args.addAll(List.of(clusterArgs));
      Run r = run(args.toArray(String[]::new));
      assertThat(r.code()).as(command + " " + String.join(" ", clusterArgs) + ": " + r.err()).isEqualTo(Main.USAGE);
      assertThat(r.err()).contains(message).doesNotContain("Exception");
    }
  }
}

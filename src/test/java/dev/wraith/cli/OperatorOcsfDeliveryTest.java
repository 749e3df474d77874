package dev.wraith.cli;

import static dev.wraith.delivery.ScriptedEndpoint.BUSY;
import static dev.wraith.delivery.ScriptedEndpoint.OK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.delivery.Deliverer;
import dev.wraith.delivery.DeliveryPolicy;
import dev.wraith.delivery.ScriptedEndpoint;
import dev.wraith.delivery.Secret;
import dev.wraith.delivery.Sink;
import dev.wraith.incluster.AgentReports;
import dev.wraith.incluster.KubeReportStore;
import dev.wraith.incluster.KubeSensorPods;
import dev.wraith.incluster.Metrics;
import dev.wraith.incluster.Publisher;
import dev.wraith.incluster.ScanLoop;
import dev.wraith.incluster.SensorCollector;
import dev.wraith.model.Attributed;
import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import dev.wraith.model.ScanReport;
import dev.wraith.report.GenAiNames;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.FileInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The operator's OCSF delivery as wired (real findings, real HTTP deliverer, the scan loop on the CRUD mock API
 * server) against a webhook on loopback that fails, then recovers: every finding arrives, each only when it is new or
 * changed, with the token in its header and nowhere in the log.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorOcsfDeliveryTest {
  static final Instant T0 = Instant.parse("2026-12-07T06:00:00Z");
  static final ScanReport.Tool TOOL = new ScanReport.Tool("wraith", "0.1.0", "1.4.0", 1);
  static final String TOKEN = "operator-hook-token-51c9";
  private static final ObjectMapper JSON = new ObjectMapper();

  KubernetesClient client;

  static InventoryAgent ghost(String script, Risk risk, Instant seen, InventoryAgent.Change change) {
    var process = new InventoryAgent.ProcessRef("worker-1", 4242, "/usr/bin/python3", List.of("python3", script), true,
        script, "");
    var conn = new InventoryAgent.Connection("openai", "api.openai.com", "162.159.140.245", 443,
        Attributed.Method.DNS_LOOKUP, "host", 3, T0.minusSeconds(30), seen);
    return new InventoryAgent("ghost-" + script.replace('/', '-'), Classification.GHOST, risk, script, Optional.empty(),
        Optional.of(process), List.of(), List.of("openai"), List.of(), List.of(conn), List.of(),
        List.of(new InventoryAgent.Evidence("host", "python3 " + script + " exec'd into nothing")),
        List.of("runtime activity with no source code"), Optional.of(T0.minusSeconds(30)), Optional.of(seen), change);
  }

  static InventoryAgent confirmed(Instant seen) {
    var w = new InventoryAgent.WorkloadRef("payments", "Deployment", "support-bot", "app");
    return new InventoryAgent("code:agent.py", Classification.CONFIRMED, Risk.MEDIUM, "agent.py", Optional.of(w),
        Optional.empty(), List.of(), List.of("openai"), List.of(), List.of(), List.of(), List.of(),
        List.of("in code and running"), Optional.of(T0), Optional.of(seen), InventoryAgent.Change.UNCHANGED);
  }

  static Inventory at(Instant scan, InventoryAgent... agents) {
    return new Inventory(TOOL, scan, List.of(), List.of(agents), List.of(),
        List.of(LayerStatus.ran("cluster", List.of()), LayerStatus.ran("host", List.of())));
  }

  @Test
  void eachCyclesNewAndChangedFindingsReachAWebhookThatFailsThenRecovers() throws Exception {
    for (String f : List.of("agentreports.wraith.dev.yaml", "clusteragentsummaries.wraith.dev.yaml")) {
      try (var in = new FileInputStream("deploy/crds/" + f)) {
        client.resource(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class)).create();
      }
    }
    Instant t1 = T0.plusSeconds(300), t2 = T0.plusSeconds(600), t3 = T0.plusSeconds(900);
    var tmp = ghost("/tmp/x.py", Risk.CRITICAL, T0, InventoryAgent.Change.NEW);
    var cron = ghost("/opt/cron.py", Risk.HIGH, T0, InventoryAgent.Change.NEW);
    AtomicReference<Inventory> next = new AtomicReference<>(at(T0, tmp, cron, confirmed(T0)));
    // three attempts per batch: the first cycle meets three failures and gives up, then the endpoint recovers
    var script = List.of(BUSY, new ScriptedEndpoint.Reset(), new ScriptedEndpoint.Status(503, "0"));
    try (ScriptedEndpoint hook = new ScriptedEndpoint(script, OK)) {
      var sink = new Sink.Webhook(hook.uri("/hooks/wraith"), Sink.Body.LINES, Optional.of(new Secret(TOKEN)));
      var policy = new DeliveryPolicy(100, 100, 3, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2),
          Duration.ofSeconds(20));
      Metrics metrics = new Metrics();
      List<String> log = new ArrayList<>();
      var sensors = new SensorCollector(new KubeSensorPods(client, "wraith-system", "app.kubernetes.io/name=wraith-sensor"),
          SensorCollector.http(Duration.ofSeconds(1), Duration.ofSeconds(1)), 9478);
      ScanLoop loop = new ScanLoop(sensors, collected -> next.get(), new Publisher(new KubeReportStore(client),
          new AgentReports("wraith-system")), metrics, Clock.systemUTC(), log::add)
          .delivering(OperatorCommand.findingFeed(new Deliverer(sink, policy, "wraith/test"), GenAiNames.bundled(),
              dev.wraith.redact.Redactor.bundled()));

      ScanLoop.Cycle down = loop.runOnce();
      assertThat(down.publish().orElseThrow().failures()).isEmpty();
      assertThat(down.delivery().orElseThrow().failed()).isEqualTo(2);
      assertThat(hook.accepted()).isEmpty();
      assertThat(log).contains("OCSF delivery to webhook " + hook.uri("/hooks/wraith")
          + ": 0 delivered, 2 failed, 0 dropped (3 requests); last error: HTTP 503 (busy) after 3 attempts");

      next.set(at(t1, ghost("/tmp/x.py", Risk.CRITICAL, t1, InventoryAgent.Change.UNCHANGED),
          ghost("/opt/cron.py", Risk.HIGH, t1, InventoryAgent.Change.UNCHANGED), confirmed(t1)));
      ScanLoop.Cycle recovered = loop.runOnce();
      assertThat(recovered.delivery().orElseThrow().complete()).isTrue();
      assertThat(uids(hook, 0)).containsExactly("wraith:ghost:ghost--tmp-x.py", "wraith:ghost:ghost--opt-cron.py");

      int requests = hook.requests();
      next.set(at(t2, ghost("/tmp/x.py", Risk.CRITICAL, t2, InventoryAgent.Change.UNCHANGED),
          ghost("/opt/cron.py", Risk.HIGH, t2, InventoryAgent.Change.UNCHANGED), confirmed(t2)));
      ScanLoop.Cycle same = loop.runOnce();
      assertThat(same.delivery()).as("only the times changed").isEmpty();
      assertThat(hook.requests()).isEqualTo(requests);

      next.set(at(t3, ghost("/tmp/x.py", Risk.CRITICAL, t3, InventoryAgent.Change.UNCHANGED),
          ghost("/opt/cron.py", Risk.CRITICAL, t3, InventoryAgent.Change.CHANGED),
          ghost("/srv/new.py", Risk.HIGH, t3, InventoryAgent.Change.NEW), confirmed(t3)));
      ScanLoop.Cycle changed = loop.runOnce();
      assertThat(changed.delivery().orElseThrow().delivered()).isEqualTo(2);
      assertThat(uids(hook, 1)).containsExactly("wraith:ghost:ghost--opt-cron.py", "wraith:ghost:ghost--srv-new.py");
      assertThat(JSON.readTree(hook.accepted().get(1).body().lines().findFirst().orElseThrow()).path("severity").asText())
          .isEqualTo("Critical");

      assertThat(hook.accepted()).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN));
      assertThat(log).noneMatch(l -> l.contains(TOKEN));
      assertThat(metrics.render()).contains("wraith_ocsf_findings_total{result=\"delivered\"} 4\n")
          .contains("wraith_ocsf_findings_total{result=\"failed\"} 2\n");
    }
  }

  /** The finding uids of the {@code n}th request the webhook acknowledged. */
  private static List<String> uids(ScriptedEndpoint hook, int n) throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : hook.accepted().get(n).body().split("\n")) {
      out.add(JSON.readTree(line).path("finding_info").path("uid").asText());
    }
    return out;
  }
}

package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.cluster.LiveKubeApi;
import dev.wraith.correlate.AllowList;
import dev.wraith.incluster.AgentReports;
import dev.wraith.incluster.KubeReportStore;
import dev.wraith.incluster.Publisher;
import dev.wraith.incluster.SensorCollection;
import dev.wraith.model.Attributed;
import dev.wraith.model.Classification;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.EntryScript;
import dev.wraith.model.HostScan;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.ScanReport;
import dev.wraith.scan.ScanAllPipeline;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The operator's cycle as wired: the cluster layer over a (mock) API server, the node sensors' windows as the host
 * layer, correlation, and AgentReports published for every agent.
 */
@EnableKubernetesMockClient(crud = true)
class OperatorPipelineTest {
  static final String CID = "c".repeat(64);
  static final Instant T = Instant.parse("2026-11-27T08:00:00Z");

  KubernetesClient client;

  @Test
  void sensorsWindowsInARunningPodBecomeGhostsWithTheirWorkloadAndArePublished() throws Exception {
    Pod pod = client.pods().inNamespace("payments").resource(new PodBuilder()
        .withNewMetadata().withName("ledger-0").withNamespace("payments").withUid("7b1d2e3f-0000-4000-8000-000000000001").endMetadata()
        .withNewSpec().withNodeName("node-a").addNewContainer().withName("app").withImage("ghcr.io/acme/ledger:2.0").endContainer().endSpec()
        .withNewStatus().withPhase("Running").addNewContainerStatus().withName("app").withImage("ghcr.io/acme/ledger:2.0")
        .withContainerID("containerd://" + CID).endContainerStatus().endStatus().build()).create();
    String uid = pod.getMetadata().getUid();
    var container = new ContainerRef(uid, CID, "containerd", "burstable", "systemd");
    var openai = new Attributed("openai", "api.openai.com", Attributed.Method.DNS_LOOKUP);
    var execd = new ProcessInfo(4242, 9000, 4200, 0, List.of(), "/usr/bin/python3", List.of("python3", "/tmp/sync.py"), "/",
        List.of(), Optional.of(container), "net:[4026532300]");
    var nodeScript = new ProcessInfo(77, 100, 1, 0, List.of(), "/usr/bin/python3", List.of("python3", "/root/agent.py"), "/root",
        List.of(), Optional.empty(), "net:[4026531840]");
    HostScan window = new HostScan("/host/proc", T, T.plusSeconds(60), List.of(
        new Observation(execd, ProcessOrigin.EXEC, Optional.of(new EntryScript("/tmp/sync.py", "", "")), "162.159.140.245", 443,
            openai, T.plusSeconds(1), T.plusSeconds(40), 3, 20),
        new Observation(nodeScript, ProcessOrigin.NODE, Optional.of(new EntryScript("/root/agent.py", "", "")), "162.159.140.245",
            443, openai, T.plusSeconds(2), T.plusSeconds(50), 1, 30)),
        List.of(), LayerStatus.ran("host", List.of()), new HostScan.Stats(300, 210, 4, 120, 2));
    var sensors = new SensorCollection(List.of(new SensorCollection.NodeScan("node-a", "wraith-sensor-abc", window)),
        LayerStatus.ran("host", List.of()));

    Catalogue cat = CatalogueLoader.bundled();
    var tool = new ScanReport.Tool("wraith", "test", cat.version(), cat.schema());
    var settings = new ScanAllPipeline.Settings(Optional.empty(), AllowList.EMPTY, "");
    Inventory inv = dev.wraith.scan.InClusterScan.inventorySource(cat, tool, Clock.fixed(T.plusSeconds(120), ZoneOffset.UTC),
        new LiveKubeApi(client, "mock"), settings).scan(sensors);

    List<InventoryAgent> ghosts = inv.ghosts();
    assertThat(ghosts).hasSize(2);
    InventoryAgent inPod = ghosts.stream().filter(a -> a.workload().isPresent()).findFirst().orElseThrow();
    assertThat(inPod.workload().get().namespace()).isEqualTo("payments");
    assertThat(inPod.workload().get().name()).isEqualTo("ledger-0");
    assertThat(inPod.process().orElseThrow().execed()).isTrue();
    assertThat(inPod.process().orElseThrow().node()).isEqualTo("node-a");
    InventoryAgent onNode = ghosts.stream().filter(a -> a.workload().isEmpty()).findFirst().orElseThrow();
    assertThat(onNode.process().orElseThrow().script()).isEqualTo("/root/agent.py");
    assertThat(inv.layers()).extracting(LayerStatus::layer).contains("cluster", "host");
    assertThat(inv.agents()).allMatch(a -> a.classification() == Classification.GHOST);

    installCrds();
    var result = new Publisher(new KubeReportStore(client), new AgentReports("wraith-system")).publish(inv);
    assertThat(result.failures()).isEmpty();
    List<GenericKubernetesResource> reports = client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
        .withGroup("wraith.dev").withVersion("v1alpha1").withPlural("agentreports").withKind("AgentReport").withNamespaced(true)
        .build()).inAnyNamespace().list().getItems();
    assertThat(reports).extracting(r -> r.getMetadata().getNamespace()).containsExactlyInAnyOrder("payments", "wraith-system");
    assertThat(reports).allMatch(r -> "GHOST".equals(r.getMetadata().getLabels().get("wraith.dev/classification")));
  }

  @Test
  void aSensorsInClusterConnectionIsNamedThroughTheOperatorsClusterView() throws Exception {
    Pod ledger = client.pods().inNamespace("payments").resource(new PodBuilder()
        .withNewMetadata().withName("ledger-0").withNamespace("payments").withUid("7b1d2e3f-0000-4000-8000-000000000002").endMetadata()
        .withNewSpec().withNodeName("node-a").addNewContainer().withName("app").withImage("ghcr.io/acme/ledger:2.0").endContainer().endSpec()
        .withNewStatus().withPhase("Running").addNewContainerStatus().withName("app").withImage("ghcr.io/acme/ledger:2.0")
        .withContainerID("containerd://" + CID).endContainerStatus().endStatus().build()).create();
    client.pods().inNamespace("ai-platform").resource(new PodBuilder()
        .withNewMetadata().withName("litellm-0").withNamespace("ai-platform").addToLabels("app", "litellm").endMetadata()
        .withNewSpec().addNewContainer().withName("proxy").withImage("ghcr.io/berriai/litellm:main-stable").endContainer().endSpec()
        .withNewStatus().withPodIP("10.244.7.7").endStatus().build()).create();
    client.services().inNamespace("ai-platform").resource(new io.fabric8.kubernetes.api.model.ServiceBuilder()
        .withNewMetadata().withName("litellm").withNamespace("ai-platform").endMetadata()
        .withNewSpec().withClusterIP("10.96.0.40").addToSelector("app", "litellm").addNewPort().withPort(80)
        .withNewTargetPort(4000).endPort().endSpec().build()).create();
    var container = new ContainerRef(ledger.getMetadata().getUid(), CID, "containerd", "burstable", "systemd");
    var execd = new ProcessInfo(4343, 9100, 4200, 0, List.of(), "/usr/bin/python3", List.of("python3", "/tmp/route.py"), "/",
        List.of(), Optional.of(container), "net:[4026532300]");
    // on the node nothing names 10.96.0.40:80: the sensor sends it as an in-cluster line, through its JSON
    HostScan sent = new HostScan("/host/proc", T, T.plusSeconds(60), List.of(), List.of(), List.of(
        new dev.wraith.model.InClusterConnection(execd, ProcessOrigin.EXEC, Optional.of(new EntryScript("/tmp/route.py", "", "")),
            "10.96.0.40", 80, T.plusSeconds(1), T.plusSeconds(40), 6, 20)),
        LayerStatus.ran("host", List.of()), new HostScan.Stats(300, 210, 4, 120, 2));
    var buf = new java.io.ByteArrayOutputStream();
    new dev.wraith.report.SensorJsonReporter(false, dev.wraith.redact.Redactor.bundled()).write(new dev.wraith.report.SensorWindow(new ScanReport.Tool("wraith", "test", "0", 1), sent), buf);
    HostScan window = new dev.wraith.incluster.SensorJsonReader().read(buf.toString(java.nio.charset.StandardCharsets.UTF_8))
        .scans().get(0);
    var sensors = new SensorCollection(List.of(new SensorCollection.NodeScan("node-a", "wraith-sensor-abc", window)),
        LayerStatus.ran("host", List.of()));
    Catalogue cat = CatalogueLoader.bundled();
    Inventory inv = dev.wraith.scan.InClusterScan.inventorySource(cat, new ScanReport.Tool("wraith", "test", cat.version(), cat.schema()),
        Clock.fixed(T.plusSeconds(120), ZoneOffset.UTC), new LiveKubeApi(client, "mock"),
        new ScanAllPipeline.Settings(Optional.empty(), AllowList.EMPTY, "")).scan(sensors);
    InventoryAgent ghost = inv.ghosts().stream().filter(a -> a.process().isPresent()).findFirst().orElseThrow();
    assertThat(ghost.connections()).extracting(c -> c.provider() + " " + c.host() + " " + c.evidence().id() + " " + c.count())
        .containsExactly("litellm-proxy ai-platform/litellm cluster-address 6");
    assertThat(ghost.reasons().get(0)).contains("talks to ai-platform/litellm (AI gateway)");
  }

  private void installCrds() throws Exception {
    try (var files = Files.list(Path.of("deploy/crds"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(f)) {
          client.resource(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class)).create();
        }
      }
    }
  }
}

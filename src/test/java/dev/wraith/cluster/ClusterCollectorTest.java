package dev.wraith.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.AiDeclaration;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.ExecSession;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Lineage;
import dev.wraith.model.ReachReason;
import dev.wraith.model.Workload;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The collector over the kubectl-shaped snapshot fixtures and the audit log. */
class ClusterCollectorTest {
  static ClusterScan scan;

  @BeforeAll
  static void collect() {
    SnapshotKubeApi api = SnapshotKubeApi.read(List.of(ClusterFixtures.json(), ClusterFixtures.yaml()));
    scan = new ClusterCollector(CatalogueLoader.bundled()).collect(api, new AuditLogReader(dev.wraith.redact.Redactor.bundled()).read(List.of(ClusterFixtures.audit())));
  }

  @Test
  void reportsExactlyTheAiWorkloadsAndNoSystemNoise() {
    assertThat(scan.status().state()).isEqualTo(LayerStatus.State.RAN);
    assertThat(scan.workloads()).extracting(w -> w.namespace() + "/" + w.kind() + "/" + w.name()).containsExactly(
        "batch/CronJob/nightly-embed", "default/Pod/scratch-agent", "inference/Deployment/vllm-llama",
        "ml/StatefulSet/ollama", "payments/Deployment/checkout-api");
    assertThat(scan.stats().pods()).isEqualTo(12);
    assertThat(scan.stats().withoutAi()).isEqualTo(5);
  }

  @Test
  void lineageComesFromTheMarkersTheToolsWrite() {
    assertThat(w("checkout-api").lineage()).isEqualTo(Lineage.HELM);
    assertThat(w("ollama").lineage()).isEqualTo(Lineage.GITOPS);
    assertThat(w("vllm-llama").lineage()).isEqualTo(Lineage.GITOPS);
    assertThat(w("vllm-llama").created()).isEqualTo("2026-02-20T14:30:00Z");
    assertThat(w("nightly-embed").lineage()).isEqualTo(Lineage.MANUAL);
    assertThat(w("scratch-agent").lineage()).isEqualTo(Lineage.BARE_POD);
    assertThat(w("scratch-agent").lineageEvidence()).contains("label run=scratch-agent (kubectl run)");
    assertThat(w("checkout-api").hasEphemeralContainers()).isTrue();
  }

  @Test
  void aiDeclarationsComeFromEnvNamesEndpointsImagesConfigMapsAndHostAliases() {
    assertThat(w("checkout-api").providers()).containsExactly("openai");
    assertThat(w("checkout-api").pods()).hasSize(2);
    assertThat(w("checkout-api").restarts()).isEqualTo(3);
    assertThat(w("scratch-agent").providers()).containsExactly("anthropic", "pinecone");
    assertThat(w("ollama").ai()).extracting(AiDeclaration::source).contains(AiDeclaration.Source.IMAGE);
    assertThat(w("nightly-embed").providers()).containsExactly("mistral", "qdrant");
    assertThat(w("vllm-llama").ai()).extracting(AiDeclaration::source, AiDeclaration::provider).contains(
        org.assertj.core.groups.Tuple.tuple(AiDeclaration.Source.IMAGE, "vllm"),
        org.assertj.core.groups.Tuple.tuple(AiDeclaration.Source.HOST_ALIAS, "openai"),
        org.assertj.core.groups.Tuple.tuple(AiDeclaration.Source.ENV_NAME, "huggingface"));
    assertThat(w("vllm-llama").containers().get(0).secretRefs()).containsExactly("vllm-token/token");
  }

  @Test
  void reachComesFromRbacHostSettingsAndServices() {
    assertThat(w("scratch-agent").reach()).extracting(ReachReason::kind).containsExactly(ReachReason.Kind.READ_SECRETS);
    assertThat(w("checkout-api").reach()).extracting(ReachReason::kind)
        .containsExactly(ReachReason.Kind.EXEC_PODS, ReachReason.Kind.CREATE_WORKLOADS);
    assertThat(w("ollama").reach()).extracting(ReachReason::detail).containsExactly("Service ollama (LoadBalancer) port 11434");
  }

  @Test
  void rbacReachSaysWhetherTheTokenIsAutomounted() {
    assertThat(w("scratch-agent").reach()).extracting(ReachReason::detail)
        .allMatch(d -> d.endsWith("; token automounted (default)"));
    assertThat(w("checkout-api").reach()).extracting(ReachReason::detail)
        .allMatch(d -> d.endsWith("; token not automounted (ServiceAccount)"));
  }

  @Test
  void execSessionsAttachToTheirWorkloadsAndAllAreListed() {
    assertThat(w("checkout-api").execSessions()).extracting(ExecSession::source).containsExactlyInAnyOrder(
        ExecSession.Source.AUDIT_EXEC, ExecSession.Source.AUDIT_EPHEMERAL, ExecSession.Source.EPHEMERAL_CONTAINER);
    assertThat(w("scratch-agent").execSessions()).hasSize(1);
    assertThat(scan.execSessions()).hasSize(7)
        .anyMatch(s -> s.pod().equals("old-pod") && s.container().equals("debugger-abc12"))
        .anyMatch(s -> s.pod().equals("kube-proxy-8hx2d") && s.source() == ExecSession.Source.AUDIT_ATTACH);
  }

  private static Workload w(String name) {
    return scan.workloads().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }
}

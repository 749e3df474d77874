package dev.wraith.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.ClusterScan;
import dev.wraith.model.ClusterScan.RunningContainer;
import dev.wraith.model.ClusterScan.RunningPod;
import org.junit.jupiter.api.Test;

/** The cluster layer's pod index, which places a host process (pod UID, container id) in its workload. */
class CorrelationPodIndexTest {
  @Test
  void everyPodWithAndWithoutAiIsIndexedWithWorkloadAndContainerIds() {
    ClusterScan c = Scenario.cluster();
    assertThat(c.pods()).extracting(RunningPod::name).containsExactly("scratch-agent", "checkout-api-7d9c6b5f4-x2x7q",
        "triage-agent-6c9f7d8b4-q2w3e", "web-chat-7f8d9c6b5-k8j7h", "webui");
    RunningPod triage = c.pods().stream().filter(p -> p.uid().equals(Scenario.TRIAGE_UID)).findFirst().orElseThrow();
    assertThat(triage.namespace()).isEqualTo("support");
    assertThat(triage.node()).isEqualTo("node-a");
    assertThat(triage.workloadKind() + "/" + triage.workloadName()).isEqualTo("Deployment/triage-agent");
    assertThat(triage.container(Scenario.TRIAGE_CID)).map(RunningContainer::name).contains("agent");
    assertThat(triage.container(Scenario.TRIAGE_CID)).map(RunningContainer::image).contains("ghcr.io/acme/triage-agent:1.8.2");
    assertThat(triage.container("")).isEmpty();
    assertThat(c.workloads()).extracting(w -> w.name()).doesNotContain("checkout-api");
  }
}

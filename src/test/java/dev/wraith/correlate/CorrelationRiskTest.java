package dev.wraith.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Classification;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.CodeScan;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import dev.wraith.model.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorrelationRiskTest {
  @Test
  void baseLevelsPerClass() {
    assertThat(Risks.base(Classification.GHOST, true)).isEqualTo(Risk.CRITICAL);
    assertThat(Risks.base(Classification.GHOST, false)).isEqualTo(Risk.HIGH);
    assertThat(Risks.base(Classification.CONFIRMED, true)).isEqualTo(Risk.HIGH);
    assertThat(Risks.base(Classification.UNKNOWN, false)).isEqualTo(Risk.MEDIUM);
    assertThat(Risks.base(Classification.SHADOW_AI, true)).isEqualTo(Risk.MEDIUM);
    assertThat(Risks.base(Classification.ZOMBIE, false)).isEqualTo(Risk.LOW);
  }

  @Test
  void aSuspectedGhostIsOneLevelLowerAndNeverCritical() {
    Risks.Rated plain = Risks.rate(Classification.GHOST, true, true, List.of(), List.of());
    assertThat(plain.risk()).isEqualTo(Risk.HIGH);
    assertThat(plain.reasons()).singleElement().asString().startsWith("Risk HIGH: AI traffic from code no scanned repository owns"
        + " (CRITICAL if confirmed); one level lower because only address evidence names its AI traffic");
    // broad reach would make a confirmed ghost CRITICAL either way: the suspected one stays HIGH and says why
    Risks.Rated reach = Risks.rate(Classification.GHOST, true, true, List.of(), List.of("read-secrets — can read secrets"));
    assertThat(reach.risk()).isEqualTo(Risk.HIGH);
    assertThat(reach.reasons().get(0)).contains("it also can reach read-secrets", "(CRITICAL if confirmed)");
    assertThat(Risks.rate(Classification.GHOST, true, false, List.of(), List.of()).risk()).isEqualTo(Risk.CRITICAL);
  }

  @Test
  void suspectedOrConfirmedFollowsTheStrongestConnectionsEvidence() {
    var agents = new Correlator(Scenario.catalogue()).correlate(Scenario.input()).ghosts();
    InventoryAgent weak = agents.stream().filter(a -> a.name().equals("summarize.py")).findFirst().orElseThrow();
    InventoryAgent strong = agents.stream().filter(a -> a.name().equals("agent.py")).findFirst().orElseThrow();
    InventoryAgent declared = agents.stream().filter(a -> a.name().equals("scratch-agent")).findFirst().orElseThrow();
    assertThat(weak.suspected()).isTrue();
    assertThat(weak.trafficEvidence()).isEqualTo(InventoryAgent.TrafficEvidence.WEAK);
    assertThat(weak.risk()).isEqualTo(Risk.HIGH);
    assertThat(weak.reasons()).anyMatch(r -> r.startsWith("Suspected: only address evidence names its AI traffic (openai "
        + "104.18.7.192:443 by dns-lookup)") && r.contains("--dns-log FILE") && r.contains("--resolve HOST=IP")
        && r.contains("eBPF sensor"));
    assertThat(strong.suspected()).isFalse();
    assertThat(strong.trafficEvidence()).isEqualTo(InventoryAgent.TrafficEvidence.STRONG);
    assertThat(strong.risk()).isEqualTo(Risk.CRITICAL);
    assertThat(strong.reasons()).noneMatch(r -> r.startsWith("Suspected"));
    // no traffic: neither suspected nor confirmed by evidence; its risk is the declared-only one
    assertThat(declared.suspected()).isFalse();
    assertThat(declared.trafficEvidence()).isEqualTo(InventoryAgent.TrafficEvidence.NONE);
  }

  @Test
  void shellToolsOrBroadReachRaiseOneLevelOnceAndCapAtCritical() {
    assertThat(Risks.rate(Classification.UNKNOWN, false, List.of("shell", "code-exec"), List.of()).risk()).isEqualTo(Risk.HIGH);
    assertThat(Risks.rate(Classification.UNKNOWN, false, List.of("network"), List.of("exposed: Service x")).risk())
        .as("network tools and exposure are not risk-raising").isEqualTo(Risk.MEDIUM);
    Risks.Rated both = Risks.rate(Classification.ZOMBIE, false, List.of("filesystem"), List.of("cluster-admin: binding y"));
    assertThat(both.risk()).as("raised once, not twice").isEqualTo(Risk.MEDIUM);
    assertThat(both.reasons().get(0)).contains("holds filesystem tools").contains("can reach cluster-admin");
    assertThat(Risks.rate(Classification.GHOST, true, List.of("shell"), List.of()).risk()).isEqualTo(Risk.CRITICAL);
  }

  @Test
  void codeWithShellToolsIsRatedHigherInTheInventory() {
    CodeAgent shell = new CodeAgent("ops/runner.py", "agent", List.of("langchain"), List.of("openai"), List.of("shell"),
        List.of(), Severity.WARNING, 2);
    CodeScan code = new CodeScan(List.of("repo"), List.of(shell),
        dev.wraith.code.Deployables.group(List.of("repo"), List.of(shell), List.of(), List.of(), List.of()), List.of(), List.of(), List.of(),
        LayerStatus.ran("code", List.of()), new CodeScan.Stats(0, 0, 0, 0, 0, 0));
    InventoryAgent a = new Correlator(Scenario.catalogue()).correlate(CorrelationInput.of(Scenario.TOOL, Scenario.SCAN)
        .withCode(code, Map.of())).agents().get(0);
    assertThat(a.classification()).isEqualTo(Classification.UNKNOWN);
    assertThat(a.risk()).isEqualTo(Risk.HIGH);
    assertThat(a.capabilities()).containsExactly("shell");
  }

  @Test
  void keyLikeArgumentsAreMaskedEvenIfALayerMissedThem() {
    var p = Scenario.process(6100, "/usr/bin/python3", List.of("python3", "agent.py", "--api-key", "abc", "--token=xyz",
        "sk-ant-api03-AAAABBBBCCCCDDDD", "AKIAIOSFODNN7EXAMPLE", "--loop", "/data/run-2026.log"), java.util.Optional.empty());
    var o = Scenario.observation(p, dev.wraith.model.ProcessOrigin.NODE, java.util.Optional.empty(), "160.79.104.10",
        Scenario.ANTHROPIC, "2026-03-02T08:51:00Z", "2026-03-02T08:58:00Z", 3);
    var host = new dev.wraith.model.HostScan("/proc", Scenario.SCAN.minusSeconds(600), Scenario.SCAN, List.of(o), List.of(),
        LayerStatus.ran("host", List.of()), new dev.wraith.model.HostScan.Stats(1, 0, 0, 1, 1));
    InventoryAgent ghost = new Correlator(Scenario.catalogue())
        .correlate(CorrelationInput.of(Scenario.TOOL, Scenario.SCAN).withHost(host, "node-x")).agents().get(0);
    assertThat(ghost.process().orElseThrow().arguments())
        .containsExactly("python3", "agent.py", "--api-key", "***", "--token=***", "***", "***", "--loop", "/data/run-2026.log");
  }
}

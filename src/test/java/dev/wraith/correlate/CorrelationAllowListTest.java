package dev.wraith.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import org.junit.jupiter.api.Test;

class CorrelationAllowListTest {
  @Test
  void parsesTheThreeKindsWithNotes() {
    AllowList a = AllowList.parse("""
        allow:
          - image: ghcr.io/acme/chatbot
          - workload: payments/checkout-api
            note: reviewed by secops
          - process: /root/cron/sync.py
        """, "allow.yaml");
    assertThat(a.entries()).extracting(AllowList.Entry::kind)
        .containsExactly(AllowList.Kind.IMAGE, AllowList.Kind.WORKLOAD, AllowList.Kind.PROCESS);
    assertThat(a.image("ghcr.io/acme/chatbot:1.2@sha256:abc")).isPresent();
    assertThat(a.image("ghcr.io/acme/chatbot-evil:1")).isEmpty();
    assertThat(a.workload("payments", "checkout-api")).map(AllowList.Entry::note).contains("reviewed by secops");
  }

  @Test
  void everyMistakeIsReportedWithItsPlace() {
    assertThatThrownBy(() -> AllowList.parse("""
        allow:
          - image: a
            workload: b/c
          - imgae: typo
          - workload: no-namespace
          - process: ""
        extra: 1
        """, "allow.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allow.yaml: allow[0]: needs exactly one of image, workload, process")
        .hasMessageContaining("allow.yaml: allow[1]: unknown key 'imgae'")
        .hasMessageContaining("allow.yaml: allow[2]: workload must be NAMESPACE/NAME")
        .hasMessageContaining("allow.yaml: allow[3]: 'process' must be a non-empty string")
        .hasMessageContaining("unknown key 'extra'");
    assertThatThrownBy(() -> AllowList.parse("allow: [", "bad.yaml")).hasMessageStartingWith("bad.yaml: not valid YAML");
    assertThat(AllowList.parse("", "empty.yaml").entries()).isEmpty();
  }

  @Test
  void allowedRuntimeIsShadowAiNotAGhost() {
    AllowList allow = AllowList.parse("""
        allow:
          - process: /root/cron/sync.py
            note: nightly summary, owned by IT
          - workload: default/scratch-agent
        """, "allow.yaml");
    Inventory inv = new Correlator(Scenario.catalogue()).correlate(Scenario.input().withAllowList(allow));
    InventoryAgent cron = named(inv, "sync.py");
    assertThat(cron.classification()).isEqualTo(Classification.SHADOW_AI);
    assertThat(cron.reasons().get(0)).contains("allow-list").contains("nightly summary, owned by IT");
    assertThat(named(inv, "scratch-agent").classification()).isEqualTo(Classification.SHADOW_AI);
    assertThat(named(inv, "agent.py").classification()).as("not on the list").isEqualTo(Classification.GHOST);
  }

  @Test
  void aWorkloadEntryDoesNotCoverSomethingExecdIntoIt() {
    AllowList allow = AllowList.parse("allow: [{workload: payments/checkout-api}]", "allow.yaml");
    Inventory inv = new Correlator(Scenario.catalogue()).correlate(Scenario.input().withAllowList(allow));
    assertThat(named(inv, "agent.py").classification()).isEqualTo(Classification.GHOST);
  }

  private static InventoryAgent named(Inventory inv, String name) {
    return inv.agents().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }
}

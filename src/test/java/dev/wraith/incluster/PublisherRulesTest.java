package dev.wraith.incluster;

import static dev.wraith.incluster.InventoryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The publisher's rules on the in-memory store, including failure sequences a mock server makes awkward. */
class PublisherRulesTest {
  final MemoryReportStore store = new MemoryReportStore();
  final Publisher publisher = new Publisher(store, new AgentReports("wraith-system"));

  @Test
  void anUnlabelledObjectWithOurNameIsTakenOverAfterTheCreateConflict() {
    Report mine = new AgentReports("wraith-system").desired(inventory(confirmed())).get(0);
    store.objects.put(MemoryReportStore.key(mine.kind(), mine.namespace(), mine.name()),
        new Report(mine.kind(), mine.namespace(), mine.name(), Map.of(), Map.of(), Map.of(), "7"));

    PublishResult r = publisher.publish(inventory(confirmed()));

    assertThat(r.failures()).isEmpty();
    assertThat(r.updated()).isEqualTo(1);
    assertThat(store.calls).containsSubsequence("create agentreports " + mine.ref(), "get agentreports " + mine.ref(),
        "update agentreports " + mine.ref());
  }

  @Test
  void conflictsGiveUpAfterThreeAttempts() {
    publisher.publish(inventory(confirmed()));
    store.failNext("update agentreports 409").failNext("update agentreports 409").failNext("update agentreports 409");

    PublishResult r = publisher.publish(inventory(confirmed(Risk.HIGH)));

    assertThat(r.failures()).singleElement().asString().startsWith("update agentreports payments/").endsWith("409 scripted");
    assertThat(store.calls.stream().filter(c -> c.startsWith("update agentreports"))).hasSize(3);
  }

  @Test
  void twoConflictsThenSuccess() {
    publisher.publish(inventory(confirmed()));
    store.failNext("update agentreports 409").failNext("update agentreports 409");
    PublishResult r = publisher.publish(inventory(confirmed(Risk.HIGH)));
    assertThat(r.failures()).isEmpty();
    assertThat(r.updated()).isEqualTo(2);
  }

  @Test
  void aRefusedDeleteIsAFailureAndTheRestGoesOn() {
    publisher.publish(inventory(ghost(), confirmed(), codeOnly()));
    store.failNext("delete agentreports wraith-system/summarise 403");

    PublishResult r = publisher.publish(inventory(confirmed()));

    assertThat(r.deleted()).isEqualTo(1);
    assertThat(r.failures()).singleElement().asString().startsWith("delete agentreports wraith-system/summarise-py-");
    assertThat(store.objects.keySet()).anyMatch(k -> k.contains("summarise")).noneMatch(k -> k.contains("/x-py-"));
  }

  @Test
  void theSummaryIsWrittenLastAndCarriesTheOutcome() {
    store.failNext("create agentreports payments/ 403");
    PublishResult r = publisher.publish(inventory(ghost(), confirmed()));
    assertThat(store.calls.get(store.calls.size() - 1)).isEqualTo("create clusteragentsummaries cluster");
    Report summary = store.objects.get("clusteragentsummaries cluster");
    @SuppressWarnings("unchecked")
    Map<String, Object> publish = (Map<String, Object>) ((Map<String, Object>) summary.body().get("spec")).get("publish");
    assertThat(publish).containsEntry("created", 1).containsEntry("failed", 1);
    assertThat(r.failures()).hasSize(1);
    assertThat(r.created()).isEqualTo(2);
  }

  @Test
  void anApiThatRefusesEverythingFailsThePublishWithoutThrowing() {
    ReportStore down = new ReportStore() {
      @Override public List<Report> listOwned(Report.Kind k) { throw new StoreException(0, "no answer: connection refused", null); }
      @Override public Optional<Report> get(Report.Kind k, String ns, String n) { throw new StoreException(0, "no answer", null); }
      @Override public void create(Report r) { throw new StoreException(0, "no answer", null); }
      @Override public void update(Report r) { throw new StoreException(0, "no answer", null); }
      @Override public void delete(Report.Kind k, String ns, String n) { throw new StoreException(0, "no answer", null); }
    };
    PublishResult r = new Publisher(down, new AgentReports("wraith-system")).publish(inventory(ghost()));
    assertThat(r.status().state()).isEqualTo(LayerStatus.State.FAILED);
    assertThat(r.status().reason()).isEqualTo("list agentreports: no answer: connection refused");
    assertThat(r.failures()).hasSize(3); // list, the agent, the summary
  }

  @Test
  void publishStatusStates() {
    assertThat(new PublishResult(0, 0, 0, 0, List.of(), List.of()).status().state()).isEqualTo(LayerStatus.State.RAN);
    assertThat(new PublishResult(1, 0, 0, 0, List.of("x"), List.of()).status().state()).isEqualTo(LayerStatus.State.PARTIAL);
    assertThat(new PublishResult(0, 0, 0, 0, List.of("x"), List.of()).status().state()).isEqualTo(LayerStatus.State.FAILED);
    assertThat(new PublishResult(0, 0, 3, 0, List.of(), List.of("stale not removed")).status().state())
        .isEqualTo(LayerStatus.State.PARTIAL);
  }
}

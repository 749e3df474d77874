package dev.wraith.incluster;

import static dev.wraith.incluster.InventoryFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What the feed sends and remembers, with a sender that records what it was given and answers as scripted (the HTTP
 * side is in OperatorOcsfDeliveryTest). A finding here is an agent: uid its id, substance its risk.
 */
class FindingFeedTest {
  final List<List<String>> sent = new ArrayList<>();
  final Deque<Function<List<String>, FindingFeed.Sent>> answers = new ArrayDeque<>();
  final FindingFeed feed = new FindingFeed(
      inv -> inv.agents().stream().map(a -> new FindingFeed.Finding(a.id(), a.risk().name(), a.id() + " " + a.risk())).toList(),
      lines -> {
        sent.add(lines);
        return answers.isEmpty() ? allDelivered(lines) : answers.poll().apply(lines);
      });

  static FindingFeed.Sent allDelivered(List<String> lines) {
    return new FindingFeed.Sent(lines.size(), 0, 0, "ok");
  }

  @Test
  void aFindingIsSentWhenNewAndWhenChangedOnly() {
    assertThat(feed.deliver(inventory(ghost(), confirmed()))).isPresent();
    assertThat(feed.deliver(inventory(ghost(), confirmed()))).isEmpty();
    assertThat(feed.deliver(inventory(ghost(), confirmed(Risk.HIGH)))).isPresent();

    assertThat(sent).containsExactly(List.of("ghost-tmp-x-py CRITICAL", "code:services/support/agent.py MEDIUM"),
        List.of("code:services/support/agent.py HIGH"));
  }

  @Test
  void aFailedDeliveryIsSentAgainNextCycle() {
    answers.add(lines -> new FindingFeed.Sent(1, 1, 0, "1 failed"));
    assertThat(feed.deliver(inventory(ghost(), confirmed())).orElseThrow().complete()).isFalse();
    feed.deliver(inventory(ghost(), confirmed()));
    feed.deliver(inventory(ghost(), confirmed()));

    assertThat(sent).hasSize(2);
    assertThat(sent.get(1)).isEqualTo(sent.get(0));
  }

  @Test
  void findingsDroppedBeyondTheQueueGoNextCycle() {
    answers.add(lines -> new FindingFeed.Sent(1, 0, lines.size() - 1, "1 dropped"));
    feed.deliver(inventory(ghost(), confirmed(), codeOnly()));
    feed.deliver(inventory(ghost(), confirmed(), codeOnly()));

    assertThat(sent).hasSize(2);
    assertThat(sent.get(0)).hasSize(3);
    assertThat(sent.get(1)).isEqualTo(sent.get(0).subList(1, 3));
  }

  @Test
  void aGoneFindingIsForgottenButNotWhileALayerFailed() {
    feed.deliver(inventory(ghost(), confirmed()));
    List<LayerStatus> hostDown = List.of(LayerStatus.ran("code", List.of()), LayerStatus.failed("host", "no sensor answered"));
    assertThat(feed.deliver(inventory(hostDown, confirmed()))).isEmpty();
    assertThat(feed.remembered()).isEqualTo(2);
    assertThat(feed.deliver(inventory(ghost(), confirmed()))).as("missing while the host layer failed, not gone").isEmpty();

    feed.deliver(inventory(confirmed()));
    assertThat(feed.remembered()).isEqualTo(1);
    feed.deliver(inventory(ghost(), confirmed()));
    assertThat(sent).containsExactly(List.of("ghost-tmp-x-py CRITICAL", "code:services/support/agent.py MEDIUM"),
        List.of("ghost-tmp-x-py CRITICAL"));
  }

  @Test
  void nothingToSendSendsNothing() {
    Inventory empty = inventory();
    assertThat(feed.deliver(empty)).isEmpty();
    assertThat(sent).isEmpty();
    InventoryAgent g = ghost();
    assertThat(feed.deliver(inventory(g))).isPresent();
  }
}

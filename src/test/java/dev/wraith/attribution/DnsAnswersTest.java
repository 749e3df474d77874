package dev.wraith.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which recorded answers apply to a connection: scope, time window, recency, the memory bound. */
class DnsAnswersTest {
  static final Instant T = Instant.parse("2026-11-16T09:14:00Z");
  static final InetAddress CDN = Pin.literal("162.159.140.245", "test");
  static final String NODE = "node-a";
  static final String GHOST_POD = "5f0c2b1e-6a7d-4e8f-9b0a-1c2d3e4f5a6b";
  static final String OTHER_POD = "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e";

  static DnsAnswerRecord answer(Instant t, String node, int pid, String netns, String pod, String name, long ttl) {
    return new DnsAnswerRecord(t, node, pid, 0, netns, pod, "", name, List.of(new DnsAnswerRecord.Answer("162.159.140.245", ttl)));
  }

  static DnsAnswers.Scope who(int pid, String netns, String pod) {
    return new DnsAnswers.Scope(NODE, pid, 0, netns, pod, "");
  }

  @Test
  void anotherPodsAnswerNeverApplies() {
    DnsAnswers d = new DnsAnswers();
    d.add(answer(T, NODE, 4102, "net:[100]", OTHER_POD, "api.openai.com", 300));
    assertThat(d.knows(CDN)).isTrue();
    // the same address from a process in another pod: no name, even on the same node
    assertThat(d.namesFor(who(88164, "net:[200]", GHOST_POD), CDN, T.plusSeconds(1))).isEmpty();
    // not even through a shared network namespace (hostNetwork pods share the node's)
    assertThat(d.namesFor(who(88164, "net:[100]", GHOST_POD), CDN, T.plusSeconds(1))).isEmpty();
    // the pod's own processes do get it, and so does a process in its namespace whose pod is unknown
    assertThat(d.namesFor(who(4103, "net:[300]", OTHER_POD), CDN, T.plusSeconds(1))).containsExactly("api.openai.com");
    assertThat(d.namesFor(who(4200, "net:[100]", ""), CDN, T.plusSeconds(1))).containsExactly("api.openai.com");
    // a namespace id is per node: the same id on another node is another namespace
    assertThat(d.namesFor(new DnsAnswers.Scope("node-b", 9, 0, "net:[100]", "", ""), CDN, T.plusSeconds(1))).isEmpty();
  }

  @Test
  void theAnswerHoldsForItsTtlAndAGraceNotBeforeItNorAfter() {
    DnsAnswers d = new DnsAnswers();
    d.add(answer(T, NODE, 88164, "", GHOST_POD, "api.openai.com", 60));
    DnsAnswers.Scope ghost = who(88164, "", GHOST_POD);
    assertThat(d.namesFor(ghost, CDN, T.minusSeconds(1))).as("before the answer").isEmpty();
    assertThat(d.namesFor(ghost, CDN, T.minus(DnsAnswers.SKEW).minusMillis(1))).as("before the answer and its skew").isEmpty();
    // a connect stamped a moment before the answer it used (clocks converted apart) still gets its name
    assertThat(d.namesFor(ghost, CDN, T.minus(DnsAnswers.SKEW))).containsExactly("api.openai.com");
    assertThat(d.namesFor(ghost, CDN, T)).containsExactly("api.openai.com");
    assertThat(d.namesFor(ghost, CDN, T.plusSeconds(60).plus(DnsAnswers.GRACE))).containsExactly("api.openai.com");
    assertThat(d.namesFor(ghost, CDN, T.plusSeconds(60).plus(DnsAnswers.GRACE).plusMillis(1))).as("expired").isEmpty();
    // a repeated answer extends the window without another entry
    d.add(answer(T.plusSeconds(50), NODE, 88164, "", GHOST_POD, "api.openai.com", 60));
    assertThat(d.size()).isEqualTo(1);
    assertThat(d.namesFor(ghost, CDN, T.plusSeconds(100))).containsExactly("api.openai.com");
    d.expire(T.plusSeconds(200));
    assertThat(d.size()).isZero();
    assertThat(d.knows(CDN)).isFalse();
  }

  @Test
  void theProcessOwnAnswersComeBeforeItsPodsAndTheLatestFirst() {
    DnsAnswers d = new DnsAnswers();
    // in the payments pod: the JVM resolved a partner's host, the exec'd script api.openai.com, same CDN address
    d.add(answer(T, NODE, 2140, "net:[7]", GHOST_POD, "rates.partner.example", 300));
    d.add(answer(T.plusSeconds(10), NODE, 88164, "net:[7]", GHOST_POD, "api.openai.com", 300));
    assertThat(d.namesFor(who(88164, "net:[7]", GHOST_POD), CDN, T.plusSeconds(11))).containsExactly("api.openai.com");
    assertThat(d.namesFor(who(2140, "net:[7]", GHOST_POD), CDN, T.plusSeconds(11))).containsExactly("rates.partner.example");
    // a third process of the pod that resolved nothing itself: its namespace's answers, most recent first
    assertThat(d.namesFor(who(3000, "net:[7]", GHOST_POD), CDN, T.plusSeconds(11)))
        .containsExactly("api.openai.com", "rates.partner.example");
    // a pid reused by another process (other start time) is not the same process
    d.add(new DnsAnswerRecord(T, NODE, 5000, 111, "", "", "", "api.openai.com", List.of(new DnsAnswerRecord.Answer("162.159.140.245", 300))));
    assertThat(d.namesFor(new DnsAnswers.Scope(NODE, 5000, 222, "", "", ""), CDN, T.plusSeconds(1))).isEmpty();
    assertThat(d.namesFor(new DnsAnswers.Scope(NODE, 5000, 111, "", "", ""), CDN, T.plusSeconds(1))).containsExactly("api.openai.com");
  }

  @Test
  void memoryIsBoundedAndTheDropSaid() {
    DnsAnswers d = new DnsAnswers(3);
    for (int i = 0; i < 5; i++) d.add(answer(T, NODE, 100 + i, "", "", "host" + i + ".example", 30));
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.warnings()).singleElement().asString().contains("2 DNS answers dropped").contains("more than 3");
    d.expire(T.plusSeconds(3600));
    d.add(answer(T.plusSeconds(3600), NODE, 1, "", "", "again.example", 30));
    assertThat(d.size()).isEqualTo(1);
  }
}

package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.model.Classification;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.InventoryAgent.Change;
import dev.wraith.model.InventoryAgent.Evidence;
import dev.wraith.model.InventoryAgent.ProcessRef;
import dev.wraith.model.InventoryAgent.WorkloadRef;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.Risk;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ghost-card sentences every inventory report shares: who started the process, and since when it is seen. */
class AgentTextTest {
  private static final Instant SCAN = Instant.parse("2026-12-07T12:47:59Z");
  private static final String AUDIT = "kubectl exec (audit log) by alice@acme.example at 2026-11-16T09:12:40Z into"
      + " payments/payments-api-7d9f8b6c5-x2k4p container api: /bin/sh";

  @Test
  void aNodeProcessWasStartedOnTheNodeOutsideAnyPodNotByAContainer() {
    InventoryAgent g = ghost(process("vm", false, "", ProcessOrigin.NODE), Optional.empty(), List.of());
    assertThat(AgentText.startedBy(g))
        .isEqualTo("started on node vm itself, outside any pod or container (not exec'd: no kubectl exec or audit log"
            + " applies)")
        .doesNotContain("started by its container");
    assertThat(AgentText.startedBy(ghost(process("", false, "", ProcessOrigin.NODE), Optional.empty(), List.of())))
        .startsWith("started on this host itself");
    assertThat(AgentText.auditLines(g)).isEmpty();
  }

  @Test
  void aContainersOwnProcessWasStartedByItsCommand() {
    InventoryAgent g = ghost(process("node-a", false, "", ProcessOrigin.CONTAINER), Optional.of(WORKLOAD), List.of());
    assertThat(AgentText.startedBy(g)).isEqualTo("started by its container's own command (the container's first process"
        + " or one of its children), not exec'd into it");
  }

  @Test
  void anExecdProcessNamesWhoFromTheAuditLogAndTheAuditLinesSayWhen() {
    InventoryAgent g = ghost(process("node-c", true, "alice@acme.example", ProcessOrigin.EXEC), Optional.of(WORKLOAD),
        List.of(new Evidence("host", "exec process python3 /tmp/sync.py"), new Evidence("audit", AUDIT)));
    assertThat(AgentText.startedBy(g))
        .isEqualTo("exec'd into the running container by alice@acme.example (kubectl exec in the Kubernetes audit log)");
    assertThat(AgentText.auditLines(g)).containsExactly(AUDIT);

    InventoryAgent unnamed = ghost(process("node-c", true, "", ProcessOrigin.EXEC), Optional.of(WORKLOAD), List.of());
    assertThat(AgentText.startedBy(unnamed))
        .isEqualTo("exec'd into the running container; no audit log names who (give --audit-log FILE)");
  }

  @Test
  void aProcessRefWithoutAnOriginFollowsExecedAndAnInconsistentOneIsRefused() {
    assertThat(new ProcessRef("n", 1, "/bin/x", List.of(), true, "", "").origin()).isEqualTo(ProcessOrigin.EXEC);
    assertThat(new ProcessRef("n", 1, "/bin/x", List.of(), false, "", "").origin()).isEqualTo(ProcessOrigin.CONTAINER);
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new ProcessRef("n", 1, "/bin/x", List.of(), true, "", "", ProcessOrigin.NODE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void noProcessSaysSo() {
    assertThat(AgentText.startedBy(ghost(Optional.empty(), Optional.of(WORKLOAD), List.of())))
        .isEqualTo("no process observed");
  }

  @Test
  void sinceSaysWhetherTheFirstSightingWasBeforeOrDuringThisScan() {
    InventoryAgent during = seen(SCAN.plusSeconds(1), SCAN.plusSeconds(8));
    assertThat(AgentText.since(during, SCAN)).isEqualTo("first seen 2026-12-07T12:48:00Z (during this scan), last seen"
        + " 2026-12-07T12:48:07Z").doesNotContain("after the scan started").doesNotContain("before this scan");

    InventoryAgent before = seen(Instant.parse("2026-11-16T09:14:08.123456789Z"), Instant.parse("2026-11-27T07:58:08Z"));
    assertThat(AgentText.since(before, SCAN)).isEqualTo("first seen 2026-11-16T09:14:08Z (21 days before this scan"
        + " started), last seen 2026-11-27T07:58:08Z");
    assertThat(AgentText.since(before, SCAN, HtmlReporter.TIME::format)).isEqualTo("first seen 2026-11-16 09:14:08 UTC"
        + " (21 days before this scan started), last seen 2026-11-27 07:58:08 UTC");

    assertThat(AgentText.since(seen(SCAN.minusSeconds(30), SCAN), SCAN)).contains("(less than a minute before");
    assertThat(AgentText.since(seen(SCAN.minusSeconds(3 * 3600 + 5), SCAN), SCAN)).contains("(3 hours before");
    assertThat(AgentText.since(seen(SCAN.minusSeconds(60), SCAN), SCAN)).contains("(1 minute before");
  }

  @Test
  void sinceOfAnAgentNeverSeenAndOfAnInactiveAcknowledgedOne() {
    assertThat(AgentText.since(ghost(Optional.empty(), Optional.of(WORKLOAD), List.of()), SCAN))
        .isEqualTo("never seen running");
    InventoryAgent stopped = new InventoryAgent("id", Classification.GHOST, Risk.CRITICAL, "sync.py", Optional.empty(),
        Optional.empty(), List.of(), List.of("openai"), List.of(), List.of(), List.of(), List.of(), List.of(),
        Optional.of(Instant.parse("2026-12-01T10:00:00Z")), Optional.of(Instant.parse("2026-12-02T10:00:00Z")),
        Change.CHANGED, Optional.of(Instant.parse("2026-12-02T10:00:00Z")),
        Optional.of(new InventoryAgent.Acknowledgement(Instant.parse("2026-12-03T08:00:00Z"), "our cron job")));
    assertThat(AgentText.since(stopped, SCAN)).isEqualTo("first seen 2026-12-01T10:00:00Z (6 days before this scan"
        + " started), last seen 2026-12-02T10:00:00Z, not running now; acknowledged 2026-12-03T08:00:00Z: our cron job");
  }

  @Test
  void aReachLineSetsItsKindOffWithADashSoTheRedactorLeavesTheDetail() {
    String line = "read-secrets: can read secrets in namespace payments via RoleBinding payments/x -> Role x";
    assertThat(AgentText.reach(line))
        .isEqualTo("read-secrets — can read secrets in namespace payments via RoleBinding payments/x -> Role x");
    assertThat(dev.wraith.redact.Redactor.bundled().text(AgentText.reach(line))).isEqualTo(AgentText.reach(line));
    assertThat(dev.wraith.redact.Redactor.bundled().text(line)).as("why: the colon form loses a word").contains("***");
    assertThat(AgentText.reach("egress to the internet")).isEqualTo("egress to the internet");
  }

  private static final WorkloadRef WORKLOAD = new WorkloadRef("payments", "Deployment", "payments-api", "api");

  private static Optional<ProcessRef> process(String node, boolean execed, String by, ProcessOrigin origin) {
    return Optional.of(new ProcessRef(node, 4242, "/usr/bin/python3", List.of("python3", "/tmp/sync.py"), execed,
        "/tmp/sync.py", by, origin));
  }

  private static InventoryAgent ghost(Optional<ProcessRef> p, Optional<WorkloadRef> w, List<Evidence> evidence) {
    return new InventoryAgent("f00d", Classification.GHOST, Risk.CRITICAL, "sync.py", w, p, List.of(), List.of("openai"),
        List.of(), List.of(), List.of(), evidence, List.of(), Optional.empty(), Optional.empty(), Change.NEW);
  }

  private static InventoryAgent seen(Instant first, Instant last) {
    return new InventoryAgent("f00d", Classification.GHOST, Risk.CRITICAL, "agent.py", Optional.empty(),
        process("vm", false, "", ProcessOrigin.NODE), List.of(), List.of("openai"), List.of(), List.of(), List.of(),
        List.of(), List.of(), Optional.of(first), Optional.of(last), Change.NEW);
  }
}

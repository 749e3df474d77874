package dev.wraith.state;

import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.InventoryAgent.Change;
import dev.wraith.model.InventoryAgent.CodeRef;
import dev.wraith.model.InventoryAgent.Connection;
import dev.wraith.model.InventoryAgent.Evidence;
import dev.wraith.model.InventoryAgent.ProcessRef;
import dev.wraith.model.InventoryAgent.WorkloadRef;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import dev.wraith.model.ScanReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Realistic inventories built by hand, as the correlation would hand them to the state store. */
public final class Inventories {
  public static final Instant T1 = Instant.parse("2026-11-01T09:00:00Z");
  public static final Instant T2 = Instant.parse("2026-11-02T09:00:00.123456789Z");
  public static final Instant T3 = Instant.parse("2026-11-03T09:00:00.5Z");
  public static final String CONFIRMED_ID = "agent-7f3a9c01";
  public static final String GHOST_ID = "agent-0bad5c1d";
  public static final String UNKNOWN_ID = "agent-5e11ab2e";

  private Inventories() {}

  /** The support bot: code in the repo, Deployment in the cluster, python calling OpenAI. */
  public static InventoryAgent confirmed(Instant seen) {
    return new InventoryAgent(CONFIRMED_ID, Classification.CONFIRMED, Risk.HIGH, "support-bot",
        Optional.of(new WorkloadRef("support", "Deployment", "support-bot", "app")),
        Optional.of(new ProcessRef("node-a", 4242, "/usr/bin/python3", List.of("python3", "/app/bot.py"), false,
            "/app/bot.py", "")),
        List.of(new CodeRef("acme-support/bot.py", 12, "sdk-client")), List.of("openai"), List.of("network"),
        List.of(new Connection("openai", "api.openai.com", "162.159.140.245", 443, dev.wraith.model.Attributed.Method.DNS_LOOKUP, "tetragon", 120,
            seen.minusSeconds(3600), seen)),
        List.of("reads secrets in namespace support"),
        List.of(new Evidence("code", "acme-support/bot.py:12 sdk-client openai"),
            new Evidence("cluster", "Deployment support/support-bot declares OPENAI_API_KEY")),
        List.of("matched by entry script /app/bot.py", "holds network tools"), Optional.of(seen.minusSeconds(3600)),
        Optional.of(seen), Change.NEW);
  }

  /** A script exec'd into the payment pod, calling OpenAI, with no code anywhere. */
  public static InventoryAgent ghost(Instant seen) {
    return new InventoryAgent(GHOST_ID, Classification.GHOST, Risk.CRITICAL, "sync.py",
        Optional.of(new WorkloadRef("payments", "Deployment", "payment-api", "api")),
        Optional.of(new ProcessRef("node-b", 31337, "/usr/bin/python3", List.of("python3", "/tmp/sync.py"), true,
            "/tmp/sync.py", "system:serviceaccount:ci:deployer")),
        List.of(), List.of("openai"), List.of(),
        List.of(new Connection("openai", "api.openai.com", "162.159.140.245", 443, dev.wraith.model.Attributed.Method.SNI, "tetragon", 3960,
            seen.minusSeconds(11 * 86400), seen)),
        List.of(), List.of(new Evidence("tetragon", "python3 /tmp/sync.py → api.openai.com:443 every 4 min"),
            new Evidence("audit", "kubectl exec by system:serviceaccount:ci:deployer")),
        List.of("runtime activity with no source code", "exec'd into a running pod"),
        Optional.of(seen.minusSeconds(11 * 86400)), Optional.of(seen), Change.NEW);
  }

  /** A LangChain agent in the repo that nothing runs. */
  public static InventoryAgent unknown() {
    return new InventoryAgent(UNKNOWN_ID, Classification.UNKNOWN, Risk.MEDIUM, "research_agent.py", Optional.empty(),
        Optional.empty(), List.of(new CodeRef("acme-support/research_agent.py", 30, "agent")), List.of("anthropic"),
        List.of("shell"), List.of(), List.of(), List.of(new Evidence("code", "research_agent.py:30 agent langgraph")),
        List.of("code found, not observed at runtime"), Optional.empty(), Optional.empty(), Change.NEW);
  }

  public static Inventory inventory(Instant time, InventoryAgent... agents) {
    return new Inventory(new ScanReport.Tool("wraith", "0.1.0", "2026.11.0", 1), time, List.of("/src/acme-support"),
        List.of(agents), List.of(),
        List.of(LayerStatus.ran("code", List.of()), LayerStatus.ran("cluster", List.of()),
            LayerStatus.skipped("host", "not Linux"), LayerStatus.ran("tetragon", List.of("3 malformed lines"))));
  }

  /** The same agent, now different: used for CHANGED. */
  public static InventoryAgent reclassified(InventoryAgent a, Classification c, Risk r) {
    return new InventoryAgent(a.id(), c, r, a.name(), a.workload(), a.process(), a.code(), a.providers(),
        a.capabilities(), a.connections(), a.reach(), a.evidence(), a.reasons(), a.firstSeen(), a.lastSeen(),
        Change.CHANGED);
  }

  /** What the correlation lists for an agent seen at runtime before and not now: no process, no connections. */
  public static InventoryAgent zombie(InventoryAgent a) {
    return new InventoryAgent(a.id(), Classification.ZOMBIE, Risk.LOW, a.name(), a.workload(), Optional.empty(),
        a.code(), a.providers(), a.capabilities(), List.of(), a.reach(), a.evidence(),
        List.of("seen at runtime before, not in this scan"), a.firstSeen(), a.lastSeen(), Change.CHANGED);
  }
}

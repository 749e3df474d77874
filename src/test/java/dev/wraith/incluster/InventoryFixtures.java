package dev.wraith.incluster;

import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import dev.wraith.model.ScanReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Small inventories for the in-cluster tests: a node ghost, a confirmed workload agent, a code-only agent. */
final class InventoryFixtures {
  static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  static final ScanReport.Tool TOOL = new ScanReport.Tool("wraith", "0.1.0", "1.4.0", 1);

  private InventoryFixtures() {}

  static InventoryAgent ghost() {
    var process = new InventoryAgent.ProcessRef("worker-1", 4242, "/usr/bin/python3",
        List.of("python3", "/tmp/x.py", "--api-key=***"), true, "/tmp/x.py", "");
    var conn = new InventoryAgent.Connection("openai", "api.openai.com", "162.159.140.245", 443, dev.wraith.model.Attributed.Method.DNS_LOOKUP, "host", 3,
        T0.minusSeconds(30), T0);
    return new InventoryAgent("ghost-tmp-x-py", Classification.GHOST, Risk.CRITICAL, "x.py", Optional.empty(),
        Optional.of(process), List.of(), List.of("openai"), List.of(), List.of(conn), List.of(),
        List.of(new InventoryAgent.Evidence("host", "python3 /tmp/x.py exec'd into nothing, talks to api.openai.com")),
        List.of("runtime activity with no source code"), Optional.of(T0.minusSeconds(30)), Optional.of(T0),
        InventoryAgent.Change.NEW);
  }

  static InventoryAgent confirmed() {
    return confirmed(Risk.MEDIUM);
  }

  static InventoryAgent confirmed(Risk risk) {
    var w = new InventoryAgent.WorkloadRef("payments", "Deployment", "support-bot", "app");
    return new InventoryAgent("code:services/support/agent.py", Classification.CONFIRMED, risk, "Support Bot (agent.py)",
        Optional.of(w), Optional.empty(), List.of(new InventoryAgent.CodeRef("services/support/agent.py", 12, "agent")),
        List.of("anthropic", "openai"), List.of("network"), List.of(), List.of("reads secrets in payments"),
        List.of(new InventoryAgent.Evidence("code", "langchain agent at services/support/agent.py:12")),
        List.of("in code and running"), Optional.of(T0.minusSeconds(3600)), Optional.of(T0), InventoryAgent.Change.UNCHANGED);
  }

  static InventoryAgent codeOnly() {
    return new InventoryAgent("code:tools/summarise.py", Classification.UNKNOWN, Risk.LOW, "summarise.py",
        Optional.empty(), Optional.empty(), List.of(new InventoryAgent.CodeRef("tools/summarise.py", 3, "sdk-client")),
        List.of("openai"), List.of(), List.of(), List.of(), List.of(), List.of("code found, not observed"),
        Optional.empty(), Optional.empty(), InventoryAgent.Change.UNTRACKED);
  }

  static Inventory inventory(InventoryAgent... agents) {
    return inventory(List.of(LayerStatus.ran("code", List.of()), LayerStatus.ran("host", List.of())), agents);
  }

  static Inventory inventory(List<LayerStatus> layers, InventoryAgent... agents) {
    return new Inventory(TOOL, T0, List.of("."), List.of(agents), List.of(), layers);
  }
}

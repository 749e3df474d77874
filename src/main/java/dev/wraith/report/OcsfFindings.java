package dev.wraith.report;

import dev.wraith.model.CodeScan;
import dev.wraith.model.Hashes;
import dev.wraith.model.Inventory;
import dev.wraith.model.Inventory.InventoryMcpServer;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.Risk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The inventory as OCSF 1.8.0 Detection Findings: one per GHOST (suspected GHOST once the model grades ghosts),
 * ZOMBIE, unverified MCP server and MCP server whose tools changed since an earlier probe (rug pull). Pure and
 * deterministic: agents in inventory order, then servers in inventory order; ids are content-derived. Built from the
 * inventory's records, whose process arguments and MCP commands the correlation has already masked.
 *
 * <p>OCSF 1.8.0 defines the {@code ai_model} object and the {@code ai_operation} profile, but attaches them only to
 * API, Datastore and Process Activity; a Detection Finding has no place for them. The AI facts therefore travel in
 * {@code unmapped}: {@code gen_ai} (OpenTelemetry GenAI attribute names, see {@link GenAiAttributes}) and
 * {@code wraith} (classification, risk, reasons, evidence).
 */
final class OcsfFindings {
  /** What a finding says; its id is part of the finding uid and of {@code finding_info.types}. */
  enum Kind {
    GHOST("ghost", "Ghost AI agent", 3),
    SUSPECTED_GHOST("suspected-ghost", "Suspected ghost AI agent", 1),
    ZOMBIE("zombie", "Zombie AI agent", 2),
    MCP_UNVERIFIED("mcp-unverified", "Unverified MCP server", 3),
    MCP_TOOLS_CHANGED("mcp-tools-changed", "MCP server tools changed", 3);

    final String id;
    final String title;
    final int confidenceId;

    Kind(String id, String title, int confidenceId) {
      this.id = id;
      this.title = title;
      this.confidenceId = confidenceId;
    }
  }

  static final String LOG_NAME = "findings.ocsf.jsonl";
  private static final String[] CONFIDENCE = {"Unknown", "Low", "Medium", "High"};

  private OcsfFindings() {}

  static List<OcsfEvent> events(Inventory inventory, Optional<CodeScan> code, GenAiNames names) {
    List<OcsfEvent> out = new ArrayList<>();
    GenAiAttributes.Index index = GenAiAttributes.Index.of(code);
    for (InventoryAgent a : inventory.agents()) {
      kind(a).ifPresent(k -> out.add(agent(k, a, inventory, GenAiAttributes.of(a, index, names))));
    }
    for (InventoryMcpServer m : inventory.mcpServers()) {
      if (!m.verified()) out.add(mcp(Kind.MCP_UNVERIFIED, m, inventory));
      if (!m.toolChanges().isEmpty()) out.add(mcp(Kind.MCP_TOOLS_CHANGED, m, inventory));
    }
    return List.copyOf(out);
  }

  /** GHOST and ZOMBIE agents are findings; the others are inventory, not alerts. */
  static Optional<Kind> kind(InventoryAgent a) {
    return switch (a.classification()) {
      case GHOST -> Optional.of(suspected(a) ? Kind.SUSPECTED_GHOST : Kind.GHOST);
      case ZOMBIE -> Optional.of(Kind.ZOMBIE);
      case CONFIRMED, UNKNOWN, SHADOW_AI -> Optional.empty();
    };
  }

  /**
   * Whether a ghost rests on weak evidence only. The model has no such grade yet (another change adds a typed
   * "suspected" grade to the agent); until it does, no ghost is suspected, and this is the one place to read it.
   */
  static boolean suspected(InventoryAgent a) {
    return false;
  }

  static OcsfEvent agent(Kind kind, InventoryAgent a, Inventory inv, List<GenAiAttributes> genAi) {
    String place = a.workload().map(w -> " in " + w.namespace() + "/" + w.kind() + "/" + w.name()
            + (w.cluster().isEmpty() ? "" : " (cluster " + w.cluster() + ")"))
        .orElse(a.process().filter(p -> !p.node().isEmpty()).map(p -> " on node " + p.node()).orElse(""));
    String title = kind.title + ": " + a.name() + place;
    int confidence = kind == Kind.GHOST && !a.observedAtRuntime() ? 2 : kind.confidenceId;
    TreeSet<String> sources = new TreeSet<>();
    a.evidence().forEach(e -> sources.add(e.layer()));
    var info = new OcsfEvent.FindingInfo(findingUid(kind, a.id()), title, String.join("; ", a.reasons()),
        List.of(kind.id), analytic(kind), millis(a.firstSeen()), millis(a.lastSeen()), List.copyOf(sources));
    OcsfEvidence evidence = OcsfEvidence.of(a);
    Map<String, Object> wraith = new TreeMap<>();
    wraith.put("agent_id", a.id());
    wraith.put("classification", a.classification().name());
    wraith.put("risk", a.risk().name());
    wraith.put("change", a.change().name());
    a.inactiveSince().ifPresent(t -> wraith.put("inactive_since", t.toString()));
    a.acknowledgement().ifPresent(k -> wraith.put("acknowledgement", Map.of("at", k.at().toString(), "note", k.note())));
    wraith.put("providers", a.providers());
    wraith.put("capabilities", a.capabilities());
    wraith.put("reach", a.reach());
    wraith.put("evidence", a.evidence().stream().map(e -> e.layer() + ": " + e.detail()).toList());
    Map<String, Object> unmapped = new TreeMap<>();
    unmapped.put("wraith", wraith);
    unmapped.put("gen_ai", genAi);
    boolean created = a.change() == InventoryAgent.Change.NEW || a.change() == InventoryAgent.Change.UNTRACKED;
    return event(created, a.risk(), confidence, title, inv, info, evidence.resources(), evidence.evidences(),
        evidence.observables(), unmapped);
  }

  static OcsfEvent mcp(Kind kind, InventoryMcpServer m, Inventory inv) {
    String ref = AibomServices.mcpRef(m);
    String title = kind.title + ": " + m.name() + (m.source().isEmpty() ? "" : " (" + m.source() + ")");
    List<String> reasons = kind == Kind.MCP_TOOLS_CHANGED ? m.toolChanges() : m.reasons();
    var info = new OcsfEvent.FindingInfo(findingUid(kind, ref), title, String.join("; ", reasons), List.of(kind.id),
        analytic(kind), null, null, List.of("mcp"));
    var server = new OcsfEvent.Resource(ref, m.name(), "MCP server", null, null, 1, "Target");
    List<OcsfEvent.Evidence> evidences = new ArrayList<>();
    evidences.add(new OcsfEvent.Evidence(null, null, null, null, null, List.of(server)));
    if (!m.url().isEmpty()) evidences.add(new OcsfEvent.Evidence(null, null, null, null, new OcsfEvent.Url(m.url()), null));
    Map<String, Object> wraith = new TreeMap<>();
    wraith.put("mcp_server", m.name());
    wraith.put("source", m.source());
    wraith.put("command", m.command());
    wraith.put("url", m.url());
    wraith.put("package", m.pkg());
    wraith.put("verified", m.verified());
    wraith.put("risk", m.risk().name());
    wraith.put("reasons", m.reasons());
    wraith.put("tool_changes", m.toolChanges());
    return event(true, m.risk(), kind.confidenceId, title, inv, info, List.of(server), evidences,
        List.of(new OcsfEvent.Observable("resources[0].uid", 10, "Resource UID", ref)), Map.of("wraith", wraith));
  }

  private static OcsfEvent event(boolean created, Risk risk, int confidence, String title, Inventory inv,
      OcsfEvent.FindingInfo info, List<OcsfEvent.Resource> resources, List<OcsfEvent.Evidence> evidences,
      List<OcsfEvent.Observable> observables, Map<String, Object> unmapped) {
    int activity = created ? 1 : 2;
    String activityName = created ? "Create" : "Update";
    var product = new OcsfEvent.Product(inv.tool().name(), "wraith", inv.tool().version());
    String eventUid = Hashes.sha256Hex(info.uid() + "\0" + inv.scanTime()).substring(0, 32);
    var metadata = new OcsfEvent.Metadata(OcsfEvent.VERSION, product, eventUid, LOG_NAME, inv.scanTime().toString());
    return new OcsfEvent(activity, activityName, OcsfEvent.CATEGORY_UID, "Findings", OcsfEvent.CLASS_UID,
        "Detection Finding", OcsfEvent.CLASS_UID * 100L + activity, "Detection Finding: " + activityName,
        severityId(risk), severity(risk), inv.scanTime().toEpochMilli(), 0, title, 1, "New", true, confidence,
        CONFIDENCE[confidence], riskLevelId(risk), severity(risk), metadata, info, resources, evidences, observables,
        unmapped);
  }

  /** Stable across scans for the same subject and kind, so a SIEM groups a finding's updates. */
  static String findingUid(Kind kind, String subject) {
    return "wraith:" + kind.id + ":" + subject;
  }

  private static OcsfEvent.Analytic analytic(Kind kind) {
    return new OcsfEvent.Analytic("wraith/" + kind.id, "wraith " + kind.title.toLowerCase(java.util.Locale.ROOT), 1,
        "Rule");
  }

  /** OCSF severity_id: 2 Low, 3 Medium, 4 High, 5 Critical. */
  static int severityId(Risk r) {
    return switch (r) {
      case LOW -> 2;
      case MEDIUM -> 3;
      case HIGH -> 4;
      case CRITICAL -> 5;
    };
  }

  static String severity(Risk r) {
    return switch (r) {
      case LOW -> "Low";
      case MEDIUM -> "Medium";
      case HIGH -> "High";
      case CRITICAL -> "Critical";
    };
  }

  /** OCSF risk_level_id: 1 Low, 2 Medium, 3 High, 4 Critical. */
  static int riskLevelId(Risk r) {
    return severityId(r) - 1;
  }

  private static Long millis(Optional<Instant> t) {
    return t.map(Instant::toEpochMilli).orElse(null);
  }
}

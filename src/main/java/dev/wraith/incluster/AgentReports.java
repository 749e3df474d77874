package dev.wraith.incluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.redact.RedactingModule;
import dev.wraith.redact.Redactor;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.wraith.model.Hashes;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Risk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns an {@link Inventory} into the custom resources that should exist: one AgentReport per agent and the
 * ClusterAgentSummary. Pure and deterministic: the same inventory gives the same names, bodies and content hashes.
 * Every string of a body goes through the redactor as the body is built.
 *
 * <p>Names are {@code <slug of the agent name>-<10 hex of sha256(agent id)>}, DNS-1123 subdomains of at most 51
 * characters, so the same agent keeps its object across scans. An agent with a workload is reported in the workload's
 * namespace (next to what it describes, visible to that namespace's owners); node processes and code-only agents go
 * to the configured home namespace.
 */
public final class AgentReports {
  public static final String SUMMARY_NAME = "cluster";
  public static final String CLASSIFICATION_LABEL = "wraith.dev/classification", RISK_LABEL = "wraith.dev/risk";
  public static final String AGENT_ID_ANNOTATION = "wraith.dev/agent-id";
  static final int MAX_CODE = 50, MAX_CONNECTIONS = 50, MAX_EVIDENCE = 50, MAX_ERRORS = 10, MAX_TEXT = 1000;
  private final ObjectMapper json;
  private final String homeNamespace;

  /** @param homeNamespace where agents without a workload are reported, e.g. wraith-system */
  public AgentReports(String homeNamespace) {
    this(homeNamespace, Redactor.bundled());
  }

  /** @param redactor every string of every object goes through it (the catalogue's, overlay included) */
  public AgentReports(String homeNamespace, Redactor redactor) {
    this.homeNamespace = homeNamespace;
    this.json = new ObjectMapper().registerModule(new RedactingModule(redactor))
        .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  }

  /** One AgentReport per agent, sorted by namespace and name. */
  public List<Report> desired(Inventory inventory) {
    List<Report> out = new ArrayList<>();
    for (InventoryAgent a : inventory.agents()) out.add(agentReport(a));
    out.sort(java.util.Comparator.comparing(Report::namespace).thenComparing(Report::name));
    return List.copyOf(out);
  }

  /** The summary, including how the publish that precedes it went. */
  public Report summary(Inventory inventory, PublishResult result) {
    Map<String, Integer> byClass = new LinkedHashMap<>(), byRisk = new LinkedHashMap<>();
    inventory.summary().forEach((c, n) -> byClass.put(c.name(), n));
    inventory.riskCounts().forEach((r, n) -> byRisk.put(r.name(), n));
    List<SummarySpec.Layer> layers = inventory.layers().stream()
        .map(l -> new SummarySpec.Layer(l.layer(), l.state().id(), l.reason(), l.warnings().size())).toList();
    List<String> errors = result.failures().stream().limit(MAX_ERRORS).toList();
    var spec = new SummarySpec(inventory.scanTime().toString(), inventory.tool().version(),
        inventory.tool().catalogueVersion(), inventory.agents().size(), inventory.ghosts().size(),
        inventory.riskCounts().get(Risk.CRITICAL), byClass, byRisk, layers,
        new SummarySpec.Publish(result.created(), result.updated(), result.unchanged(), result.deleted(),
            result.failures().size(), errors));
    return report(Report.Kind.CLUSTER_SUMMARY, "", SUMMARY_NAME, Map.of(), Map.of(), Map.of("spec", spec));
  }

  /** The object name for an agent: stable, DNS-1123, at most 51 characters. */
  public static String name(InventoryAgent agent) {
    String slug = agent.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 40) slug = slug.substring(0, 40).replaceAll("-+$", "");
    if (slug.isEmpty()) slug = "agent";
    return slug + "-" + Hashes.sha256Hex(agent.id()).substring(0, 10);
  }

  /** True when a layer failed: the inventory may be missing agents that still exist, so nothing is deleted. */
  public static Optional<LayerStatus> failedLayer(Inventory inventory) {
    return inventory.layers().stream().filter(l -> l.state() == LayerStatus.State.FAILED).findFirst();
  }

  private Report agentReport(InventoryAgent a) {
    String ns = a.workload().map(InventoryAgent.WorkloadRef::namespace).filter(s -> !s.isBlank()).orElse(homeNamespace);
    Map<String, String> labels = Map.of(CLASSIFICATION_LABEL, a.classification().name(), RISK_LABEL, a.risk().name());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("spec", spec(a));
    body.put("status", new AgentReportSpec.Status(time(a.firstSeen()), time(a.lastSeen()), a.change().name()));
    return report(Report.Kind.AGENT_REPORT, ns, name(a), labels, Map.of(AGENT_ID_ANNOTATION, a.id()), body);
  }

  private static AgentReportSpec spec(InventoryAgent a) {
    var workload = a.workload().map(w -> new AgentReportSpec.Workload(w.namespace(), w.kind(), w.name(), w.container()));
    var process = a.process().map(p -> new AgentReportSpec.Process(p.node(), p.pid(), p.binary(), p.script(), p.execed(),
        p.execedBy().isEmpty() ? null : p.execedBy()));
    List<AgentReportSpec.Code> code = a.code().stream().limit(MAX_CODE)
        .map(c -> new AgentReportSpec.Code(c.path(), c.line(), c.ruleId())).toList();
    List<AgentReportSpec.Connection> connections = a.connections().stream().limit(MAX_CONNECTIONS)
        .map(c -> new AgentReportSpec.Connection(c.provider(), c.host(), c.ip(), c.port(), c.evidence().id(), c.layer(), c.count(),
            c.firstSeen().toString(), c.lastSeen().toString())).toList();
    List<AgentReportSpec.Evidence> evidence = a.evidence().stream().limit(MAX_EVIDENCE)
        .map(e -> new AgentReportSpec.Evidence(e.layer(), cap(e.detail()))).toList();
    int dc = a.code().size() - code.size(), dn = a.connections().size() - connections.size(),
        de = a.evidence().size() - evidence.size();
    return new AgentReportSpec(a.id(), a.name(), a.classification().name(), a.risk().name(), where(a),
        a.providers().isEmpty() ? "-" : String.join(",", a.providers()), a.providers(), a.capabilities(), a.reach(),
        a.reasons(), workload.orElse(null), process.orElse(null), code, connections, evidence,
        dc + dn + de == 0 ? null : new AgentReportSpec.Truncated(dc, dn, de));
  }

  /** Evidence texts are for people; a pathological one (a huge command line) must not bloat the object. */
  private static String cap(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
  }

  private static String where(InventoryAgent a) {
    if (a.workload().isPresent()) {
      var w = a.workload().get();
      return w.namespace() + "/" + w.kind() + "/" + w.name();
    }
    if (a.process().isPresent()) {
      var p = a.process().get();
      String what = p.script().isEmpty() ? p.binary() : p.script();
      return (p.node().isEmpty() ? "node" : "node " + p.node()) + ": " + what;
    }
    return "code";
  }

  private static String time(Optional<Instant> t) {
    return t.map(Instant::toString).orElse(null);
  }

  /**
   * Builds the object with its content hash over the body and labels (key order fixed, so the hash is stable). The
   * hash sees {@code status.firstSeen} and {@code status.lastSeen} to the hour only: they move with every scan (without
   * a state, first seen is the scan itself), and rewriting every AgentReport each cycle for that alone would make the
   * writes per cycle grow with the agents. They are refreshed with any other change, and at least hourly.
   */
  @SuppressWarnings("unchecked")
  Report report(Report.Kind kind, String ns, String name, Map<String, String> labels,
      Map<String, String> annotations, Map<String, Object> typedBody) {
    Map<String, String> allLabels = new TreeMap<>(labels);
    allLabels.put(Report.MANAGED_BY, Report.WRAITH);
    Map<String, Object> body = json.convertValue(typedBody, Map.class);
    String hash;
    try {
      hash = Hashes.sha256Hex(json.writeValueAsString(Map.of("labels", allLabels, "body", hourly(body))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of records always serializes", e);
    }
    Map<String, String> allAnnotations = new TreeMap<>(annotations);
    allAnnotations.put(Report.CONTENT_HASH, hash);
    return new Report(kind, ns, name, allLabels, allAnnotations, body, "");
  }

  /** The body with status.firstSeen and status.lastSeen cut to the hour ("2026-11-27T10"), for the hash only. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> hourly(Map<String, Object> body) {
    if (!(body.get("status") instanceof Map<?, ?> status)) return body;
    Map<String, Object> s = new TreeMap<>((Map<String, Object>) status);
    for (String k : List.of("firstSeen", "lastSeen")) {
      if (s.get(k) instanceof String t && t.length() >= 13) s.put(k, t.substring(0, 13));
    }
    Map<String, Object> copy = new TreeMap<>(body);
    copy.put("status", s);
    return copy;
  }
}

package dev.wraith.incluster;

import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns an {@link Inventory} into OpenReports objects, so that policy dashboards that read OpenReports (Policy
 * Reporter, Kyverno's UI, the OpenReports exporters) show wraith's agents: one {@code Report} named {@value #NAME} per
 * namespace with agents running in workloads there, and one {@code ClusterReport} {@value #NAME} for agents that run
 * on nodes outside any pod (or were found only in code). Each agent is one result of the policy {@value #POLICY}.
 * Pure and deterministic like {@link AgentReports}: the same inventory gives the same objects and content hashes, so
 * an unchanged cluster writes nothing.
 */
public final class OpenReports {
  public static final String NAME = "wraith-agents", SOURCE = "wraith", POLICY = "wraith-ai-agents",
      CATEGORY = "AI agents";
  /** Results per object, most severe first: far below etcd's object size limit; the summary still counts every agent. */
  static final int MAX_RESULTS = 1000;
  private static final Map<String, String> API_VERSIONS = Map.of("Deployment", "apps/v1", "ReplicaSet", "apps/v1",
      "StatefulSet", "apps/v1", "DaemonSet", "apps/v1", "Job", "batch/v1", "CronJob", "batch/v1", "Pod", "v1");

  private final String homeNamespace;
  /** Builds the objects as AgentReports are built: the same content hash, every string through the redactor. */
  private final AgentReports objects;

  /** @param homeNamespace where the AgentReports of agents without a workload are (named in each result) */
  public OpenReports(String homeNamespace) {
    this(homeNamespace, dev.wraith.redact.Redactor.bundled());
  }

  /** @param redactor every string of every object goes through it (the catalogue's, overlay included) */
  public OpenReports(String homeNamespace, dev.wraith.redact.Redactor redactor) {
    this.homeNamespace = homeNamespace;
    this.objects = new AgentReports(homeNamespace, redactor);
  }

  /** The Reports, sorted by namespace, then the ClusterReport (absent when no agent is outside a workload). */
  public List<Report> desired(Inventory inventory) {
    Map<String, List<InventoryAgent>> byNamespace = new TreeMap<>();
    List<InventoryAgent> outside = new ArrayList<>();
    for (InventoryAgent a : inventory.agents()) {
      Optional<String> ns = a.workload().map(InventoryAgent.WorkloadRef::namespace).filter(s -> !s.isBlank());
      if (ns.isPresent()) byNamespace.computeIfAbsent(ns.get(), k -> new ArrayList<>()).add(a);
      else outside.add(a);
    }
    List<Report> out = new ArrayList<>();
    byNamespace.forEach((ns, agents) -> out.add(object(Report.Kind.OPEN_REPORT, ns, agents)));
    if (!outside.isEmpty()) out.add(object(Report.Kind.OPEN_CLUSTER_REPORT, "", outside));
    return List.copyOf(out);
  }

  private Report object(Report.Kind kind, String namespace, List<InventoryAgent> agents) {
    List<OpenReportBody.Result> results = agents.stream().map(this::result)
        .sorted(Comparator.comparingInt((OpenReportBody.Result r) -> rank(r.severity()))
            .thenComparing(r -> r.properties().get("agentName")).thenComparing(r -> r.properties().get("agentId")))
        .toList();
    int pass = count(results, "pass"), fail = count(results, "fail"), warn = count(results, "warn");
    var body = new OpenReportBody(SOURCE, new OpenReportBody.Summary(pass, fail, warn, 0, 0),
        results.stream().limit(MAX_RESULTS).toList());
    Map<String, Object> typed = new LinkedHashMap<>();
    typed.put("source", body.source());
    typed.put("summary", body.summary());
    typed.put("results", body.results());
    return objects.report(kind, namespace, NAME, Map.of(), Map.of(), typed);
  }

  private OpenReportBody.Result result(InventoryAgent a) {
    Classification c = a.classification();
    String message = c.description() + (a.reasons().isEmpty() ? "" : ": " + a.reasons().get(0));
    return new OpenReportBody.Result(SOURCE, POLICY, c.name().toLowerCase(Locale.ROOT).replace('_', '-'), CATEGORY,
        a.risk().id(), firstSeen(a).map(t -> new OpenReportBody.Timestamp(t.getEpochSecond(), t.getNano())).orElse(null),
        outcome(c), resources(a), message.length() <= AgentReports.MAX_TEXT ? message : message.substring(0, AgentReports.MAX_TEXT) + "…",
        properties(a));
  }

  /**
   * When the agent was first seen, if a state remembers it: without one (UNTRACKED) first seen is only this scan's
   * time, which would change the Report every cycle and says nothing.
   */
  private static Optional<java.time.Instant> firstSeen(InventoryAgent a) {
    return a.change() == InventoryAgent.Change.UNTRACKED ? Optional.empty() : a.firstSeen();
  }

  /** GHOST fails the policy; agents that need a look (ZOMBIE, SHADOW AI) warn; agents backed by code pass. */
  private static String outcome(Classification c) {
    return switch (c) {
      case GHOST -> "fail";
      case ZOMBIE, SHADOW_AI -> "warn";
      case CONFIRMED, UNKNOWN -> "pass";
    };
  }

  private static List<OpenReportBody.ObjectRef> resources(InventoryAgent a) {
    if (a.workload().isPresent()) {
      var w = a.workload().get();
      return List.of(new OpenReportBody.ObjectRef(API_VERSIONS.get(w.kind()), w.kind(), w.namespace(), w.name()));
    }
    return a.process().map(InventoryAgent.ProcessRef::node).filter(n -> !n.isEmpty())
        .map(n -> List.of(new OpenReportBody.ObjectRef("v1", "Node", null, n))).orElse(null);
  }

  private Map<String, String> properties(InventoryAgent a) {
    Map<String, String> p = new TreeMap<>();
    p.put("agentId", a.id());
    p.put("agentName", a.name());
    p.put("classification", a.classification().name());
    p.put("risk", a.risk().name());
    p.put("change", a.change().name());
    String ns = a.workload().map(InventoryAgent.WorkloadRef::namespace).filter(s -> !s.isBlank()).orElse(homeNamespace);
    p.put("agentReport", ns + "/" + AgentReports.name(a));
    if (!a.providers().isEmpty()) p.put("providers", String.join(",", a.providers()));
    a.workload().map(InventoryAgent.WorkloadRef::container).filter(s -> !s.isEmpty()).ifPresent(s -> p.put("container", s));
    a.process().ifPresent(pr -> {
      if (!pr.node().isEmpty()) p.put("node", pr.node());
      p.put("binary", pr.binary());
      if (!pr.script().isEmpty()) p.put("script", pr.script());
    });
    return p;
  }

  private static int rank(String severity) {
    return switch (severity) {
      case "critical" -> 0;
      case "high" -> 1;
      case "medium" -> 2;
      default -> 3;
    };
  }

  private static int count(List<OpenReportBody.Result> results, String outcome) {
    return (int) results.stream().filter(r -> r.result().equals(outcome)).count();
  }
}

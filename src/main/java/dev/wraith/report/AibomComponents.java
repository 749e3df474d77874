package dev.wraith.report;

import dev.wraith.model.InventoryAgent;
import dev.wraith.model.InventoryAgent.CodeRef;
import dev.wraith.model.InventoryAgent.Connection;
import dev.wraith.model.InventoryAgent.Evidence;
import dev.wraith.model.ModelUse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.component.evidence.Occurrence;

/**
 * Agents as application components (classification, risk, reasons and evidence as {@code wraith:} properties,
 * code locations as evidence occurrences) and literal model names from code as machine-learning-model components.
 * Process arguments are not copied: the AIBOM names what runs, not how it was invoked.
 */
final class AibomComponents {
  private AibomComponents() {}

  static String agentRef(InventoryAgent a) {
    return "agent:" + a.id();
  }

  static String modelRef(String model) {
    return "model:" + model;
  }

  static Component agent(InventoryAgent a) {
    Component c = new Component();
    c.setType(Component.Type.APPLICATION);
    c.setBomRef(agentRef(a));
    c.setName(a.name());
    c.setDescription(a.classification().label() + ": " + a.classification().description());
    AibomProperties p = new AibomProperties().add("id", a.id()).add("classification", a.classification().name())
        .add("risk", a.risk().id()).add("change", a.change().name().toLowerCase(java.util.Locale.ROOT));
    a.workload().ifPresent(w -> p.add("workload", w.namespace() + "/" + w.kind() + "/" + w.name()
        + (w.container().isEmpty() ? "" : "/" + w.container())));
    a.workload().filter(w -> !w.cluster().isEmpty()).ifPresent(w -> p.add("cluster", w.cluster()));
    a.process().ifPresent(pr -> p.add("process:node", pr.node()).add("process:binary", pr.binary())
        .add("process:script", pr.script()).add("process:execed", String.valueOf(pr.execed()))
        .add("process:execedBy", pr.execedBy()));
    p.addAll("provider", a.providers()).addAll("capability", a.capabilities()).addAll("reach", a.reach());
    if (!a.connections().isEmpty()) p.add("trafficEvidence", a.trafficEvidence().id());
    if (a.suspected()) p.add("suspected", "true");
    for (Connection conn : a.connections()) p.add("connection", connection(conn));
    a.connections().stream().map(conn -> conn.evidence().id()).distinct().sorted().forEach(e -> p.add("evidence", e));
    for (Evidence e : a.evidence()) p.add("evidence:" + e.layer(), e.detail());
    p.addAll("reason", a.reasons());
    a.firstSeen().ifPresent(t -> p.add("firstSeen", t.toString()));
    a.lastSeen().ifPresent(t -> p.add("lastSeen", t.toString()));
    c.setProperties(p.build());
    if (!a.code().isEmpty()) {
      List<Occurrence> occurrences = new ArrayList<>();
      for (CodeRef r : a.code()) {
        Occurrence o = new Occurrence();
        o.setLocation(r.path());
        if (r.line() > 0) o.setLine(r.line());
        o.setAdditionalContext(r.ruleId());
        occurrences.add(o);
      }
      org.cyclonedx.model.Evidence evidence = new org.cyclonedx.model.Evidence();
      evidence.setOccurrences(occurrences);
      c.setEvidence(evidence);
    }
    return c;
  }

  /** One component per model name; every place it is used is an occurrence with its literal parameters. */
  static List<Component> models(List<ModelUse> uses) {
    SortedMap<String, List<ModelUse>> byName = new TreeMap<>();
    for (ModelUse u : uses) byName.computeIfAbsent(u.model(), k -> new ArrayList<>()).add(u);
    List<Component> out = new ArrayList<>();
    byName.forEach((name, list) -> {
      Component c = new Component();
      c.setType(Component.Type.MACHINE_LEARNING_MODEL);
      c.setBomRef(modelRef(name));
      c.setName(name);
      SortedSet<String> params = new TreeSet<>();
      List<Occurrence> occurrences = new ArrayList<>();
      for (ModelUse u : list) {
        u.parameters().forEach((k, v) -> params.add(k + "=" + v));
        Occurrence o = new Occurrence();
        o.setLocation(u.location().path());
        if (u.location().line() > 0) o.setLine(u.location().line());
        if (!u.parameters().isEmpty()) o.setAdditionalContext(String.join(" ", u.parameters().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        occurrences.add(o);
      }
      c.setProperties(new AibomProperties().add("source", "code literal").addAll("parameter", params)
          .otel("gen_ai.request.model", name).build());
      org.cyclonedx.model.Evidence evidence = new org.cyclonedx.model.Evidence();
      evidence.setOccurrences(occurrences);
      c.setEvidence(evidence);
      out.add(c);
    });
    return out;
  }

  private static String connection(Connection c) {
    String host = c.host().isEmpty() ? c.ip() : c.host();
    return (c.provider().isEmpty() ? "unattributed" : c.provider()) + " " + host + ":" + c.port()
        + (c.ip().isEmpty() || c.ip().equals(host) ? "" : " (" + c.ip() + ")") + " via " + c.evidence().id() + " ("
        + c.strength().id() + " evidence), " + c.layer()
        + " layer, " + c.count() + " connection" + (c.count() == 1 ? "" : "s") + ", " + time(c.firstSeen()) + " to "
        + time(c.lastSeen());
  }

  private static String time(Instant t) {
    return t == null ? "?" : t.toString();
  }
}

package dev.wraith.report;

import dev.wraith.model.InventoryAgent;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent's OCSF resources (the agent itself as the target, its workload and node as related), evidences (the
 * process and who exec'd it, each AI endpoint it called, each code location) and observables pointing into them. At
 * most {@link #MAX_ITEMS} connections and code locations each, so one finding stays a reasonable SIEM event.
 */
record OcsfEvidence(List<OcsfEvent.Resource> resources, List<OcsfEvent.Evidence> evidences,
    List<OcsfEvent.Observable> observables) {
  static final int MAX_ITEMS = 50;

  static OcsfEvidence of(InventoryAgent a) {
    List<OcsfEvent.Resource> resources = new ArrayList<>();
    List<OcsfEvent.Observable> observables = new ArrayList<>();
    resources.add(new OcsfEvent.Resource(a.id(), a.name(), "AI agent", null, null, 1, "Target"));
    observables.add(new OcsfEvent.Observable("resources[0].uid", 10, "Resource UID", a.id()));
    a.workload().ifPresent(w -> resources.add(new OcsfEvent.Resource(w.identity(), // "cluster@ns/kind/name" with several
        w.name(), "Kubernetes " + w.kind(), w.namespace(), null, 4, "Related")));
    a.process().filter(p -> !p.node().isEmpty()).ifPresent(p -> resources.add(
        new OcsfEvent.Resource(p.node(), p.node(), "Kubernetes node", null, p.node(), 4, "Related")));

    List<OcsfEvent.Evidence> evidences = new ArrayList<>();
    a.process().ifPresent(p -> {
      String name = p.binary().substring(p.binary().lastIndexOf('/') + 1);
      OcsfEvent.File script = p.script().isEmpty() ? null : OcsfEvent.File.regular(p.script());
      OcsfEvent.Actor actor = p.execedBy().isEmpty() ? null : new OcsfEvent.Actor(new OcsfEvent.User(p.execedBy()));
      evidences.add(new OcsfEvent.Evidence(new OcsfEvent.ProcessRef(p.pid(), name, String.join(" ", p.arguments()), script),
          actor, null, null, null, null));
      String at = "evidences[" + (evidences.size() - 1) + "].process";
      if (!name.isEmpty()) observables.add(new OcsfEvent.Observable(at + ".name", 9, "Process Name", name));
      if (script != null) observables.add(new OcsfEvent.Observable(at + ".file.path", 45, "File Path", script.path()));
    });
    for (InventoryAgent.Connection c : a.connections().stream().limit(MAX_ITEMS).toList()) {
      OcsfEvent.Endpoint dst = new OcsfEvent.Endpoint(c.host().isEmpty() ? null : c.host(),
          c.ip().isEmpty() ? null : c.ip(), c.port() > 0 ? c.port() : null, c.provider().isEmpty() ? null : c.provider());
      if (dst.hostname() == null && dst.ip() == null) continue; // network_endpoint needs one of them
      evidences.add(new OcsfEvent.Evidence(null, null, dst, null, null, null));
      String at = "evidences[" + (evidences.size() - 1) + "].dst_endpoint";
      if (dst.hostname() != null) observables.add(new OcsfEvent.Observable(at + ".hostname", 1, "Hostname", dst.hostname()));
      if (dst.ip() != null) observables.add(new OcsfEvent.Observable(at + ".ip", 2, "IP Address", dst.ip()));
    }
    for (InventoryAgent.CodeRef r : a.code().stream().limit(MAX_ITEMS).toList()) {
      evidences.add(new OcsfEvent.Evidence(null, null, null, OcsfEvent.File.regular(r.path()), null, null));
    }
    if (evidences.isEmpty()) {
      evidences.add(new OcsfEvent.Evidence(null, null, null, null, null, List.of(resources.get(0))));
    }
    return new OcsfEvidence(List.copyOf(resources), List.copyOf(evidences), List.copyOf(observables));
  }
}

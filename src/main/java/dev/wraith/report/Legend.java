package dev.wraith.report;

import dev.wraith.model.Attributed;
import dev.wraith.model.Classification;
import dev.wraith.model.Inventory;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.ReachReason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The few terms of an inventory report a newcomer cannot know (the evidence that named a destination, what a service
 * account can reach, suspected and inactive ghosts, the layers whose names are products), each in one line. Only the
 * terms that occur in the report are listed, in a fixed order. The terminal, report.md and report.html all print this
 * list, so the words live here once; the switches are exhaustive, so a new evidence or reach kind cannot go unexplained.
 */
final class Legend {
  private Legend() {}

  /** One term and what it means. */
  record Term(String term, String meaning) {}

  /** The terms {@code inventory} uses, evidence first, then reach, ghost states and layers; empty when none. */
  static List<Term> terms(Inventory inventory) {
    Set<Attributed.Method> methods = EnumSet.noneOf(Attributed.Method.class);
    Set<ReachReason.Kind> reach = EnumSet.noneOf(ReachReason.Kind.class);
    Set<String> layers = new java.util.TreeSet<>();
    boolean suspected = false;
    boolean inactive = false;
    for (InventoryAgent a : inventory.agents()) {
      a.connections().forEach(c -> methods.add(c.evidence()));
      for (ReachReason.Kind k : ReachReason.Kind.values()) {
        if (a.reach().stream().anyMatch(r -> ReachReason.kindOf(r).equals(java.util.Optional.of(k)))) reach.add(k);
      }
      a.evidence().forEach(e -> layers.add(e.layer()));
      a.connections().forEach(c -> layers.add(c.layer()));
      suspected |= a.suspected();
      inactive |= a.inactive() && a.classification() == Classification.GHOST;
    }
    List<Term> out = new ArrayList<>();
    for (Attributed.Method m : methods) out.add(new Term(m.id(), m.strength().id() + " evidence: " + meaning(m)));
    for (ReachReason.Kind k : reach) out.add(new Term(k.id(), meaning(k)));
    if (suspected) {
      out.add(new Term("suspected", "a ghost whose AI traffic rests on weak evidence only (the address may serve other"
          + " sites too); its risk is one level lower"));
    }
    if (inactive) {
      out.add(new Term("inactive", "a ghost an earlier scan saw running and this one did not; it stays a ghost until"
          + " acknowledged (wraith ack ID --note TEXT) or it ages out"));
    }
    if (layers.contains("tetragon")) {
      out.add(new Term("tetragon", "the layer that reads Tetragon's events (an eBPF runtime security agent on the"
          + " nodes)"));
    }
    if (layers.contains("audit")) {
      out.add(new Term("audit", "the Kubernetes API server's audit log: who ran kubectl exec, attach or debug, and when"));
    }
    return List.copyOf(out);
  }

  /** How a piece of evidence names a destination (strong evidence names it; weak only says what an address usually is). */
  static String meaning(Attributed.Method m) {
    return switch (m) {
      case SNI -> "the server name the process sent when it opened TLS";
      case PROXY_CONNECT -> "the host in the CONNECT request the process sent to an HTTP proxy";
      case HTTP_HOST -> "the Host header of a plain-HTTP request the process sent";
      case DNS_ANSWER -> "a DNS answer for that name that this process, its pod or its network namespace received,"
          + " within the answer's time to live";
      case PIN -> "a --resolve HOST=IP pin given to wraith";
      case CLUSTER_ADDRESS -> "the cluster's own address map: a Service, EndpointSlice or pod address of a known AI server";
      case HOSTS_FILE -> "an /etc/hosts entry on the node or in the container maps the name to the address";
      case DNS_LOOKUP -> "wraith resolved the provider's hostname itself and got this address (other sites may share it)";
      case PUBLISHED_RANGE -> "the address lies in a range the provider publishes (other services may share it)";
      case PORT -> "a private or loopback address on a port that only one kind of self-hosted AI server uses";
    };
  }

  /** What a reach kind lets the agent's service account or pod do. */
  static String meaning(ReachReason.Kind k) {
    return switch (k) {
      case CLUSTER_ADMIN -> "its service account may do anything anywhere in the cluster (cluster-admin or equivalent)";
      case READ_SECRETS -> "its service account can read Secrets (API keys, passwords, certificates) where stated";
      case EXEC_PODS -> "its service account can run commands inside other pods (kubectl exec)";
      case CREATE_WORKLOADS -> "its service account can create pods or workloads, so it can run any image it likes";
      case HOST_NAMESPACE -> "its pod shares the node's network or process namespace, or runs privileged: it reaches"
          + " the node itself";
      case EXPOSED -> "a Service or Ingress makes it reachable from outside the cluster";
    };
  }
}

package dev.wraith.correlate;

import dev.wraith.model.AiDeclaration;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.Deployment;
import dev.wraith.model.ExecSession;
import dev.wraith.model.HostPort;
import dev.wraith.model.InventoryAgent.Connection;
import dev.wraith.model.InventoryAgent.Evidence;
import dev.wraith.model.Observation;
import dev.wraith.model.Workload;
import java.util.ArrayList;
import java.util.List;

/** What each layer saw, one plain line per fact; never a value of a variable or a credential. */
final class EvidenceLines {
  private EvidenceLines() {}

  static List<Evidence> code(CodeUnit u) {
    List<Evidence> out = new ArrayList<>();
    for (CodeAgent f : u.files()) {
      StringBuilder b = new StringBuilder(f.path()).append(": ").append(f.role());
      if (!f.frameworks().isEmpty()) b.append(" (").append(String.join(", ", f.frameworks())).append(')');
      if (!f.providers().isEmpty()) b.append(" using ").append(String.join(", ", f.providers()));
      if (!f.capabilities().isEmpty()) b.append("; tools: ").append(String.join(", ", f.capabilities()));
      out.add(new Evidence("code", b.toString()));
    }
    for (Deployment d : u.builds()) out.add(new Evidence("code", "built by " + d.location() + " (" + d.kind().id() + ")"));
    for (Deployment d : u.manifests()) {
      out.add(new Evidence("code", "deployed as " + d.workloadKind() + " " + (d.namespace().isEmpty() ? "" : d.namespace() + "/")
          + d.name() + " by " + d.location()));
    }
    return out;
  }

  static Evidence cluster(Workload w) {
    StringBuilder b = new StringBuilder(w.kind()).append(' ').append(w.namespace()).append('/').append(w.name())
        .append(" (").append(w.cluster().isEmpty() ? "" : "cluster " + w.cluster() + ", ")
        .append(w.lineage().id()).append(", ").append(w.pods().size()).append(w.pods().size() == 1 ? " pod" : " pods")
        .append(")");
    if (!w.ai().isEmpty()) {
      b.append(" declares AI: ").append(String.join("; ", w.ai().stream().map(EvidenceLines::declaration).distinct().toList()));
    }
    return new Evidence("cluster", b.toString());
  }

  static Evidence sighting(Sighting s) {
    Observation o = s.observation();
    StringBuilder b = new StringBuilder();
    if (!s.node().isEmpty()) b.append(s.node()).append(": ");
    b.append(o.origin().id()).append(" process ").append(PathMatch.basename(o.process().exe()));
    o.entryScript().ifPresent(e -> b.append(' ').append(e.path()));
    b.append(" → ").append(destination(o)).append(" (").append(o.attribution().method().id()).append("), ")
        .append(o.connections()).append(o.connections() == 1 ? " connection" : " connections").append(", ")
        .append(o.firstSeen().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(" – ")
        .append(o.lastSeen().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)); // a sentence: to the second
    return new Evidence(s.layer(), b.toString());
  }

  static Evidence audit(ExecSession e) {
    String who = e.user().isEmpty() ? "an unnamed user" : e.user();
    String what = e.command().isEmpty() ? "" : ": " + e.command();
    return new Evidence("audit", e.source().describe() + " by " + who + (e.time().isEmpty() ? "" : " at " + e.timeToSecond())
        + " into "
        + e.namespace() + "/" + e.pod() + (e.container().isEmpty() ? "" : " container " + e.container()) + what);
  }

  static Connection connection(Sighting s) {
    Observation o = s.observation();
    return new Connection(o.attribution().providerId(), o.attribution().host(), o.ip(), o.port(),
        o.attribution().method(), s.layer(), o.connections(), o.firstSeen(), o.lastSeen());
  }

  /**
   * Why a ghost is only suspected, and how to firm it up: "Suspected: only address evidence names its AI traffic
   * (anthropic 160.79.104.10:443 by published-range), and an address can serve other sites too. ...".
   */
  static String suspected(List<Connection> connections) {
    List<String> what = connections.stream().limit(3).map(c -> c.provider() + " " + new HostPort(c.ip(), c.port()) + " by " + c.evidence().id()).distinct().toList();
    return "Suspected: only address evidence names its AI traffic (" + String.join(", ", what)
        + (connections.size() > 3 ? ", ..." : "") + "), and an address can serve other sites too. To confirm it, give "
        + "the names the process asked for: the DNS answers the sensor recorded (--dns-log FILE) or the eBPF sensor's "
        + "TLS SNI, proxy CONNECT and DNS evidence; or pin the address when you know it is the provider's "
        + "(--resolve HOST=IP)";
  }

  static String destination(Observation o) {
    String host = o.attribution().host();
    return o.attribution().providerId() + " " + (host.isEmpty() ? o.ip() : host + " " + o.ip()) + ":" + o.port();
  }

  private static String declaration(AiDeclaration d) {
    return switch (d.source()) {
      case ENV_NAME -> "env " + d.evidence();
      case ENV_ENDPOINT, CONFIGMAP_ENDPOINT -> "endpoint " + d.evidence();
      case IMAGE -> "image " + d.evidence();
      case HOST_ALIAS -> "host alias " + d.evidence();
    };
  }
}

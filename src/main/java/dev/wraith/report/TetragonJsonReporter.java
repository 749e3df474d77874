package dev.wraith.report;

import dev.wraith.redact.Redactor;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.model.Attributed;
import dev.wraith.model.InClusterConnection;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessConnections;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.ScanReport;
import dev.wraith.model.UnattributedDestinations;
import dev.wraith.model.PodRef;
import dev.wraith.model.TetragonScan;
import dev.wraith.model.TetragonSeen;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code wraith tetragon --format json}: JSON Lines. One {@code "type":"observation"} line per (process,
 * destination), with the same keys as {@code wraith sensor}'s observations where they mean the same thing
 * (pid, binary, arguments, origin, execd, provider, attribution, firstSeen, lastSeen, connections) plus the
 * Tetragon-only ones (node, execId, namespace, pod, container, probe, launcher); then one {@code "in-cluster"} line per
 * (process, in-cluster address) nothing attributed (the same keys, without provider and attribution), one
 * {@code "unattributed"} line per listed destination that is not AI, and one {@code "status"} line.
 */
public final class TetragonJsonReporter extends RedactingReporter<ToolScan<TetragonScan>> {
  record Line(String type, String node, String execId, Integer pid, Integer ppid, Integer uid, String binary,
      List<String> arguments, String cwd, String entryScript, String origin, Boolean execd, Boolean probe,
      String launcher, String namespace, String pod, String podUid, String container, String containerId,
      String image, String workload, String host, String ip, Integer port, String provider, String attribution,
      String strength, String firstSeen, String lastSeen, Integer connections) {
    Line attributed(Attributed a) {
      return new Line(type, node, execId, pid, ppid, uid, binary, arguments, cwd, entryScript, origin, execd, probe,
          launcher, namespace, pod, podUid, container, containerId, image, workload, a.host().isEmpty() ? null : a.host(),
          ip, port, a.providerId(), a.method().id(), a.strength().id(), firstSeen, lastSeen, connections);
    }
  }

  /** A destination nothing attributed to AI: {@code named} and {@code namedBy} when a non-AI name settled it. */
  record Unattributed(String type, String ip, Integer port, Long connections, Integer processes, String named,
      String namedBy, Boolean inCluster) {}

  record Status(String type, String tool, String version, String catalogue, String source, String start, String end,
      String layer, String state, String reason, List<String> warnings, TetragonScan.Stats stats) {}

  public TetragonJsonReporter(Redactor redactor) {
    super("json", redactor);
  }

  @Override
  public void write(ToolScan<TetragonScan> input, OutputStream out) throws IOException {
    ScanReport.Tool tool = input.tool();
    TetragonScan scan = input.scan();
    ObjectMapper json = Json.lines(redactor);
    for (TetragonSeen<Observation> o : scan.observations()) Json.write(json, out, observation(o));
    for (TetragonSeen<InClusterConnection> o : scan.inCluster()) Json.write(json, out, inCluster(o));
    for (UnattributedDestinations.Destination d : scan.unattributed().listed()) {
      Json.write(json, out, new Unattributed("unattributed", d.ip(), d.port(), d.connections(), d.processes(),
          d.named().map(n -> n.name()).orElse(null), d.named().map(n -> n.method().id()).orElse(null),
          d.inCluster() ? Boolean.TRUE : null));
    }
    var s = scan.status();
    Json.write(json, out, new Status("status", tool.name(), tool.version(), tool.catalogueVersion(), scan.source(),
        scan.start().toString(), scan.end().toString(), s.layer(), s.state().id(), s.reason(), s.warnings(), scan.stats()));
    out.flush();
  }

  private static Line observation(TetragonSeen<Observation> x) {
    return line("observation", x).attributed(x.connection().attribution());
  }

  /** An in-cluster connection nothing attributed: the observation keys without provider, for the cluster to name. */
  private static Line inCluster(TetragonSeen<InClusterConnection> x) {
    return line("in-cluster", x);
  }

  private static Line line(String type, TetragonSeen<?> x) {
    ProcessConnections<?> c = x.connection();
    ProcessInfo p = c.process();
    PodRef pod = x.pod().orElse(null);
    return new Line(type, x.node(), x.execId(), p.pid(), p.ppid(), p.uid(), p.exe(), p.argv(), p.cwd(),
        c.entryScript().map(e -> e.path()).orElse(null), c.origin().id(), c.origin() == ProcessOrigin.EXEC,
        x.probe() ? Boolean.TRUE : null, x.launcher().isEmpty() ? null : x.launcher(),
        pod == null ? null : pod.namespace(), pod == null ? null : pod.name(), pod == null ? null : pod.uid(),
        pod == null ? null : pod.container(), pod == null ? null : pod.containerId(), pod == null ? null : pod.image(),
        pod == null || pod.workload().isEmpty() ? null : pod.workloadKind() + "/" + pod.workload(),
        null, c.ip(), c.port(), null, null, null, c.firstSeen().toString(), c.lastSeen().toString(), c.connections());
  }
}

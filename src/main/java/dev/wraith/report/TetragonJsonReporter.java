package dev.wraith.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.ScanReport;
import dev.wraith.tetragon.PodRef;
import dev.wraith.tetragon.TetragonObservation;
import dev.wraith.tetragon.TetragonScan;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code wraith tetragon --format json}: JSON Lines. One {@code "type":"observation"} line per (process,
 * destination), with the same keys as {@code wraith sensor}'s observations where they mean the same thing
 * (pid, binary, arguments, origin, execd, provider, attribution, firstSeen, lastSeen, connections) plus the
 * Tetragon-only ones (node, execId, namespace, pod, container, probe, launcher); then one {@code "status"} line.
 */
public final class TetragonJsonReporter implements TetragonReporter {
  record Line(String type, String node, String execId, Integer pid, Integer ppid, Integer uid, String binary,
      List<String> arguments, String cwd, String entryScript, String origin, Boolean execd, Boolean probe,
      String launcher, String namespace, String pod, String podUid, String container, String containerId,
      String image, String workload, String host, String ip, Integer port, String provider, String attribution,
      String firstSeen, String lastSeen, Integer connections) {}

  record Status(String type, String tool, String version, String catalogue, String source, String start, String end,
      String layer, String state, String reason, List<String> warnings, TetragonScan.Stats stats) {}

  @Override
  public String format() {
    return "json";
  }

  @Override
  public void write(ScanReport.Tool tool, TetragonScan scan, OutputStream out) throws IOException {
    ObjectWriter w = new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writer();
    for (TetragonObservation o : scan.observations()) line(w, out, observation(o));
    var s = scan.status();
    line(w, out, new Status("status", tool.name(), tool.version(), tool.catalogueVersion(), scan.source(),
        scan.start().toString(), scan.end().toString(), s.layer(), s.state().id(), s.reason(), s.warnings(), scan.stats()));
    out.flush();
  }

  private static Line observation(TetragonObservation x) {
    Observation o = x.observation();
    var p = o.process();
    PodRef pod = x.pod().orElse(null);
    return new Line("observation", x.node(), x.execId(), p.pid(), p.ppid(), p.uid(), p.exe(), p.argv(), p.cwd(),
        o.entryScript().map(e -> e.path()).orElse(null), o.origin().id(), o.origin() == ProcessOrigin.EXEC,
        x.probe() ? Boolean.TRUE : null, x.launcher().isEmpty() ? null : x.launcher(),
        pod == null ? null : pod.namespace(), pod == null ? null : pod.name(), pod == null ? null : pod.uid(),
        pod == null ? null : pod.container(), pod == null ? null : pod.containerId(), pod == null ? null : pod.image(),
        pod == null || pod.workload().isEmpty() ? null : pod.workloadKind() + "/" + pod.workload(),
        o.attribution().host().isEmpty() ? null : o.attribution().host(), o.ip(), o.port(),
        o.attribution().providerId(), o.attribution().method().id(), o.firstSeen().toString(), o.lastSeen().toString(),
        o.connections());
  }

  private static void line(ObjectWriter w, OutputStream out, Object value) throws IOException {
    w.writeValue(out, value);
    out.write('\n');
  }
}

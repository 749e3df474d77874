package dev.wraith.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.HostScan;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.ScanReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code wraith sensor --format json}: JSON Lines. One {@code "type":"observation"} line per (process,
 * destination), then one {@code "unowned"} line per AI connection without a readable owner (with the pod of
 * its network namespace and {@code "podFrom":"network-namespace"} when one pod owns that namespace), then one
 * {@code "status"} line for the window. Entry-script hashes are written only when asked for.
 */
public final class SensorJsonReporter implements SensorReporter {
  record Line(String type, Integer pid, Long startTicks, Integer ppid, Integer uid, String binary, List<String> arguments,
      String cwd, List<String> envNames, Script entryScript, String origin, Boolean execd, String podUid,
      String containerId, String runtime, String qos, String netns, String host, String ip, Integer port,
      String provider, String attribution, String firstSeen, String lastSeen, Integer connections, Integer samples,
      String state, String why, String podFrom) {}

  record Script(String path, String sha256, String note) {}

  record Status(String type, String tool, String version, String catalogue, String procRoot, String start, String end,
      String layer, String state, String reason, List<String> warnings, HostScan.Stats stats) {}

  private final boolean includeHashes;

  public SensorJsonReporter(boolean includeHashes) {
    this.includeHashes = includeHashes;
  }

  @Override
  public String format() {
    return "json";
  }

  @Override
  public void write(ScanReport.Tool tool, HostScan scan, OutputStream out) throws IOException {
    ObjectWriter w = new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writer();
    for (Observation o : scan.observations()) line(w, out, observation(o));
    for (HostScan.Unowned u : scan.unowned()) {
      ContainerRef c = u.namespacePod().orElse(null);
      line(w, out, new Line("unowned", null, null, null, null, null, null, null, null, null, null, null,
          c == null ? null : c.podUid(), c == null || c.containerId().isEmpty() ? null : c.containerId(),
          c == null ? null : c.runtime(), c == null ? null : c.qos(), u.netns(), host(u.attribution().host()), u.ip(),
          u.port(), u.attribution().providerId(), u.attribution().method().id(), null, null, null, null, u.state(), u.why(),
          c == null ? null : "network-namespace"));
    }
    var s = scan.status();
    line(w, out, new Status("status", tool.name(), tool.version(), tool.catalogueVersion(), scan.procRoot(),
        scan.start().toString(), scan.end().toString(), s.layer(), s.state().id(), s.reason(), s.warnings(), scan.stats()));
    out.flush();
  }

  private Line observation(Observation o) {
    var p = o.process();
    ContainerRef c = p.container().orElse(null);
    Script script = o.entryScript().map(e -> new Script(e.path(), includeHashes && !e.sha256().isEmpty() ? e.sha256() : null,
        e.note().isEmpty() ? null : e.note())).orElse(null);
    return new Line("observation", p.pid(), p.startTicks(), p.ppid(), p.uid(), p.exe(), p.argv(), p.cwd(), p.envNames(),
        script, o.origin().id(), o.origin() == ProcessOrigin.EXEC, c == null ? null : c.podUid(),
        c == null ? null : c.containerId(), c == null ? null : c.runtime(), c == null ? null : c.qos(), p.netns(),
        host(o.attribution().host()), o.ip(), o.port(), o.attribution().providerId(), o.attribution().method().id(),
        o.firstSeen().toString(), o.lastSeen().toString(), o.connections(), o.samples(), null, null, null);
  }

  private static String host(String h) {
    return h.isEmpty() ? null : h;
  }

  private static void line(ObjectWriter w, OutputStream out, Object value) throws IOException {
    w.writeValue(out, value);
    out.write('\n');
  }
}

package dev.wraith.report;

import dev.wraith.redact.Redactor;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.attribution.DnsAnswerLog;
import dev.wraith.attribution.DnsAnswerRecord;
import dev.wraith.model.Attributed;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.HostScan;
import dev.wraith.model.InClusterConnection;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessConnections;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.ScanReport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code wraith sensor --format json}: JSON Lines. One {@code "type":"observation"} line per (process,
 * destination), then one {@code "unowned"} line per AI connection without a readable owner (with the pod of
 * its network namespace and {@code "podFrom":"network-namespace"} when one pod owns that namespace), then one
 * {@code "in-cluster"} line per (process, in-cluster address) nothing attributed (the observation's keys without
 * provider and attribution: the operator names them through its cluster view), then one {@code "dns-answer"} line per
 * DNS answer the eBPF probe recorded ({@link DnsAnswerLog}'s format, what {@code --dns-log} reads), then one {@code
 * "status"} line for the window. Each attribution carries its evidence ({@code attribution}: sni, dns-answer, pin, ...)
 * and its {@code strength}. The status's {@code stats} say {@code "probe":"ebpf"} with the probe's counts, or {@code
 * "probe":"proc"} with the sampler's. Entry-script hashes are written only when asked for.
 */
public final class SensorJsonReporter extends SensorReporter {
  record Line(String type, Integer pid, Long startTicks, Integer ppid, Integer uid, String binary, List<String> arguments,
      String cwd, List<String> envNames, Script entryScript, String origin, Boolean execd, String podUid,
      String containerId, String runtime, String qos, String netns, String host, String ip, Integer port,
      String provider, String attribution, String strength, String firstSeen, String lastSeen, Integer connections,
      Integer samples, String state, String why, String podFrom) {}

  record Script(String path, String sha256, String note) {}

  record Status(String type, String tool, String version, String catalogue, String procRoot, String start, String end,
      String layer, String state, String reason, List<String> warnings, List<String> notes, Stats stats) {}

  /** {@link HostScan.Stats} as written: the sampler's fields for /proc, the probe's counts for eBPF. */
  record Stats(String probe, Integer samples, Long maxGapMillis, Long maxSampleMillis, Long events, Long connections,
      Long dnsAnswers, Long lost, int processes, int netns) {
    static Stats of(HostScan.Stats s) {
      if (s.probe().isEmpty()) {
        return new Stats("proc", s.samples(), s.maxGapMillis(), s.maxSampleMillis(), null, null, null, null, s.processes(), s.netns());
      }
      HostScan.Probe p = s.probe().get();
      return new Stats("ebpf", null, null, null, p.events(), p.connections(), p.dnsAnswers(), p.lost(), s.processes(), s.netns());
    }
  }

  public SensorJsonReporter(boolean includeHashes, Redactor redactor) {
    super("json", includeHashes, redactor);
  }

  @Override
  public void write(SensorWindow window, OutputStream out) throws IOException {
    ScanReport.Tool tool = window.tool();
    HostScan scan = window.scan();
    List<DnsAnswerRecord> dnsAnswers = window.dnsAnswers();
    ObjectMapper json = Json.lines(redactor);
    for (Observation o : scan.observations()) Json.write(json, out, observation(o));
    for (HostScan.Unowned u : scan.unowned()) {
      ContainerRef c = u.namespacePod().orElse(null);
      Json.write(json, out, new Line("unowned", null, null, null, null, null, null, null, null, null, null, null,
          c == null ? null : c.podUid(), c == null || c.containerId().isEmpty() ? null : c.containerId(),
          c == null ? null : c.runtime(), c == null ? null : c.qos(), u.netns(), host(u.attribution().host()), u.ip(),
          u.port(), u.attribution().providerId(), u.attribution().method().id(), u.attribution().strength().id(), null, null,
          null, null, u.state(), u.why(),
          c == null ? null : "network-namespace"));
    }
    for (InClusterConnection c : scan.inCluster()) Json.write(json, out, inCluster(c));
    for (DnsAnswerRecord a : dnsAnswers) {
      out.write(DnsAnswerLog.line(a).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.write('\n');
    }
    var s = scan.status();
    Json.write(json, out, new Status("status", tool.name(), tool.version(), tool.catalogueVersion(), scan.procRoot(),
        scan.start().toString(), scan.end().toString(), s.layer(), s.state().id(), s.reason(), s.warnings(), s.notes(),
        Stats.of(scan.stats())));
    out.flush();
  }

  private Line observation(Observation o) {
    Attributed a = o.attribution();
    return line("observation", o, host(a.host()), a.providerId(), a.method().id(), a.strength().id());
  }

  private Line inCluster(InClusterConnection o) {
    return line("in-cluster", o, null, null, null, null);
  }

  private Line line(String type, ProcessConnections<?> o, String host, String provider, String attribution,
      String strength) {
    ProcessInfo p = o.process();
    ContainerRef c = p.container().orElse(null);
    Script script = o.entryScript().map(e -> new Script(e.path(), hash(e).orElse(null),
        e.note().isEmpty() ? null : e.note())).orElse(null);
    return new Line(type, p.pid(), p.startTicks(), p.ppid(), p.uid(), p.exe(), p.argv(), p.cwd(), p.envNames(),
        script, o.origin().id(), o.origin() == ProcessOrigin.EXEC, c == null ? null : c.podUid(),
        c == null ? null : c.containerId(), c == null ? null : c.runtime(), c == null ? null : c.qos(), p.netns(),
        host, o.ip(), o.port(), provider, attribution, strength, o.firstSeen().toString(), o.lastSeen().toString(),
        o.connections(), o.samples(), null, null, null);
  }

  private static String host(String h) {
    return h.isEmpty() ? null : h;
  }
}

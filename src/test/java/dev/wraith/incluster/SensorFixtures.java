package dev.wraith.incluster;

import dev.wraith.model.Attributed;
import dev.wraith.model.ContainerRef;
import dev.wraith.model.EntryScript;
import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.Observation;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ProcessOrigin;
import dev.wraith.model.ScanReport;
import dev.wraith.report.SensorJsonReporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A sensor window with every kind of line: a container workload, an exec'd process, a node script, unowned sockets. */
final class SensorFixtures {
  static final ScanReport.Tool TOOL = new ScanReport.Tool("wraith", "0.1.0", "1.4.0", 1);
  static final String CID = "a".repeat(64);

  private SensorFixtures() {}

  static HostScan window(Instant start) {
    Instant end = start.plusSeconds(60);
    var pod = new ContainerRef("4c9f1974-5c46-44c2-b42f-3bbf0e98eef9", CID, "containerd", "burstable", "");
    var app = new ProcessInfo(101, 5000, 1, 1000, List.of(), "/usr/local/bin/node", List.of("node", "/srv/bot.js"), "/srv",
        List.of("OPENAI_API_KEY", "PATH"), Optional.of(pod), "net:[4026532300]");
    var execd = new ProcessInfo(202, 7000, 180, 0, List.of(), "/usr/bin/python3",
        List.of("python3", "-c", "***"), "/", List.of(), Optional.of(pod), "net:[4026532300]");
    var node = new ProcessInfo(303, 9000, 1, 0, List.of(), "/usr/bin/python3", List.of("python3", "/root/agent.py",
        "--token", "***"), "/root", List.of("ANTHROPIC_API_KEY"), Optional.empty(), "net:[4026531840]");
    var openai = new Attributed("openai", "api.openai.com", Attributed.Method.DNS_LOOKUP);
    var anthropic = new Attributed("anthropic", "", Attributed.Method.PUBLISHED_RANGE);
    var ollama = new Attributed("ollama", "", Attributed.Method.PORT);
    List<Observation> obs = List.of(
        new Observation(app, ProcessOrigin.CONTAINER, Optional.of(new EntryScript("/srv/bot.js", "b".repeat(64), "")),
            "162.159.140.245", 443, openai, start.plusSeconds(1), start.plusSeconds(50), 2, 40),
        new Observation(execd, ProcessOrigin.EXEC, Optional.empty(), "10.0.0.9", 11434, ollama, start.plusSeconds(5),
            start.plusSeconds(6), 1, 5),
        new Observation(node, ProcessOrigin.NODE, Optional.of(new EntryScript("/root/agent.py", "", "unreadable: permission denied")),
            "160.79.104.10", 443, anthropic, start.plusSeconds(2), start.plusSeconds(59), 1, 200));
    List<HostScan.Unowned> unowned = List.of(
        new HostScan.Unowned("net:[4026532300]", "162.159.140.245", 443, openai, "time-wait", "owner exited",
            Optional.of(new ContainerRef(pod.podUid(), "", "containerd", "burstable", ""))),
        new HostScan.Unowned("net:[4026531840]", "160.79.104.10", 443, anthropic, "open", "not root", Optional.empty()));
    // the app calls an in-cluster gateway's ClusterIP: nothing on the node names it, the operator's cluster view does
    List<dev.wraith.model.InClusterConnection> inCluster = List.of(new dev.wraith.model.InClusterConnection(app,
        ProcessOrigin.CONTAINER, Optional.of(new EntryScript("/srv/bot.js", "b".repeat(64), "")), "10.96.0.40", 4000,
        start.plusSeconds(3), start.plusSeconds(40), 3, 12));
    var status = new LayerStatus("host", LayerStatus.State.PARTIAL, "", List.of("12 processes unreadable (not root)"));
    return new HostScan("/host/proc", start, end, obs, unowned, inCluster, status, new HostScan.Stats(300, 210, 4, 120, 6));
  }

  /**
   * The same window as the eBPF probe reports it: the destinations named by SNI and a DNS answer, the probe's counts,
   * and the DNS answers it recorded.
   */
  static HostScan probeWindow(Instant start) {
    HostScan w = window(start);
    var sni = new Attributed("openai", "api.openai.com", Attributed.Method.SNI);
    var dns = new Attributed("openai", "api.openai.com", Attributed.Method.DNS_ANSWER);
    List<Observation> obs = List.of(w.observations().get(0).withAttribution(sni), w.observations().get(1).withAttribution(dns),
        w.observations().get(2));
    var status = new LayerStatus("host", LayerStatus.State.RAN, "", List.of(), List.of("eBPF probe: 7 connects", "names: 2 by name"));
    return new HostScan(w.procRoot(), w.start(), w.end(), obs, List.of(), w.inCluster(), status,
        new HostScan.Stats(0, 0, 0, 120, 6, Optional.of(new HostScan.Probe(5400, 7, 2, 3))));
  }

  static List<dev.wraith.attribution.DnsAnswerRecord> answers(Instant start) {
    return List.of(
        new dev.wraith.attribution.DnsAnswerRecord(start.plusMillis(900), "node-a", 101, 5000, "net:[4026532300]",
            "4c9f1974-5c46-44c2-b42f-3bbf0e98eef9", CID, "api.openai.com",
            List.of(new dev.wraith.attribution.DnsAnswerRecord.Answer("162.159.140.245", 300))),
        new dev.wraith.attribution.DnsAnswerRecord(start.plusSeconds(4), "node-a", 202, 7000, "net:[4026532300]", "", "",
            "api.openai.com", List.of(new dev.wraith.attribution.DnsAnswerRecord.Answer("10.0.0.9", 30))));
  }

  static String json(HostScan scan, boolean hashes) {
    return json(scan, hashes, List.of());
  }

  static String json(HostScan scan, boolean hashes, List<dev.wraith.attribution.DnsAnswerRecord> answers) {
    try {
      var out = new ByteArrayOutputStream();
      new SensorJsonReporter(hashes, dev.wraith.redact.Redactor.bundled()).write(new dev.wraith.report.SensorWindow(TOOL, scan, answers), out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

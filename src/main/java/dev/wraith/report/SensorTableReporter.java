package dev.wraith.report;

import dev.wraith.attribution.DnsAnswerRecord;
import dev.wraith.model.Attributed;
import dev.wraith.model.HostPort;
import dev.wraith.model.HostScan;
import dev.wraith.model.Observation;
import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code wraith sensor --format table}: one row per (process, destination), ghosts' marks first-class
 * (ORIGIN exec or node), with the evidence that named the destination (VIA; "(weak)" when only address evidence did),
 * then connections without owner, in-cluster connections, and the layer status: what the eBPF probe saw, or the
 * /proc sampler's pace. Script hashes appear only when asked for, shortened to 12 digits.
 */
public final class SensorTableReporter extends SensorReporter {
  public SensorTableReporter(boolean includeHashes, Redactor redactor) {
    super("table", includeHashes, redactor);
  }

  @Override
  public void write(SensorWindow window, OutputStream out) throws IOException {
    HostScan scan = window.scan();
    List<DnsAnswerRecord> dnsAnswers = window.dnsAnswers();
    PrintStream p = printer(out);
    p.println("AI connections seen " + (scan.stats().probe().isPresent() ? "by the eBPF probe" : "in " + scan.procRoot()) + ", "
        + scan.start().truncatedTo(ChronoUnit.MILLIS) + " – " + scan.end().truncatedTo(ChronoUnit.MILLIS) + ": "
        + scan.observations().size());
    TextTable t = new TextTable(48, "PID", "ORIGIN", "POD", "CONTAINER", "PROGRAM", "ENTRY SCRIPT", "DESTINATION",
        "PROVIDER", "VIA", "CONN", "SEEN");
    for (Observation o : scan.observations()) {
      var c = o.process().container();
      t.add(Integer.toString(o.process().pid()), o.origin().id(), c.map(x -> x.podUid()).orElse("-"),
          c.map(x -> x.containerId().isEmpty() ? "-" : x.containerId().substring(0, 12)).orElse("-"),
          program(o.process()), script(o), destination(o.attribution().host(), o.ip(), o.port()), o.attribution().providerId(),
          via(o.attribution()), Integer.toString(o.connections()),
          o.firstSeen().toString().substring(11, 19) + "–" + o.lastSeen().toString().substring(11, 19));
    }
    if (!t.isEmpty()) p.print(t.render());
    if (!scan.unowned().isEmpty()) {
      p.println();
      p.println("AI connections without a readable owner: " + scan.unowned().size());
      // the pod comes from the namespace's other processes, not the owner: the header says so
      TextTable u = new TextTable(60, "NETNS", "POD (BY NETNS)", "CONTAINER", "DESTINATION", "PROVIDER", "VIA", "STATE", "WHY");
      for (HostScan.Unowned x : scan.unowned()) {
        var c = x.namespacePod();
        u.add(x.netns(), c.map(y -> y.podUid()).orElse("-"),
            c.map(y -> y.containerId().isEmpty() ? "-" : y.containerId().substring(0, 12)).orElse("-"),
            destination(x.attribution().host(), x.ip(), x.port()), x.attribution().providerId(), via(x.attribution()), x.state(),
            x.why());
      }
      p.print(u.render());
    }
    if (!scan.inCluster().isEmpty()) {
      p.println();
      p.println("In-cluster connections nothing attributed here (scan-all and the operator name them through the cluster "
          + "layer's Services and pods): " + scan.inCluster().size());
      TextTable ic = new TextTable(48, "PID", "ORIGIN", "POD", "PROGRAM", "ENTRY SCRIPT", "DESTINATION", "CONN");
      for (var c : scan.inCluster()) {
        ic.add(Integer.toString(c.process().pid()), c.origin().id(), c.process().container().map(x -> x.podUid()).orElse("-"),
            program(c.process()), c.entryScript().map(e -> e.path()).orElse("-"), destination("", c.ip(), c.port()),
            Integer.toString(c.connections()));
      }
      p.print(ic.render());
    }
    var s = scan.status();
    p.println();
    p.println("host layer: " + s.stateAndReason() + "; " + pace(scan.stats())
        + (dnsAnswers.isEmpty() ? "" : "; " + dnsAnswers.size() + " DNS answers recorded (written as dns-answer lines by --format json)"));
    for (String w : s.warnings()) p.println("  warning: " + w);
    for (String n : s.notes()) p.println("  note: " + n);
    p.flush();
  }

  /** What the sensor did: the eBPF probe's counts, or the /proc sampler's samples and pace. */
  private static String pace(HostScan.Stats st) {
    String spread = count(st.processes(), "process", "processes") + " in " + count(st.netns(), "network namespace",
        "network namespaces");
    if (st.probe().isPresent()) {
      HostScan.Probe pr = st.probe().get();
      return "eBPF probe: " + count(pr.events(), "event", "events") + " (" + pr.lost() + " lost), "
          + count(pr.connections(), "connection", "connections") + " from " + spread + ", "
          + count(pr.dnsAnswers(), "DNS response", "DNS responses");
    }
    return st.samples() + " samples of /proc, longest gap " + st.maxGapMillis() + " ms, " + spread;
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** The evidence's id, marked when it is address evidence only. */
  private static String via(Attributed a) {
    return a.strength() == Attributed.Strength.WEAK ? a.method().id() + " (weak)" : a.method().id();
  }

  private String script(Observation o) {
    return o.entryScript().map(e -> e.path() + hash(e).map(h -> " sha256:" + h.substring(0, 12)).orElse("")
        + (e.note().isEmpty() ? "" : " (" + e.note() + ")")).orElse("-");
  }

  private static String program(dev.wraith.model.ProcessInfo process) {
    String exe = process.exe();
    if (exe.isEmpty() && !process.argv().isEmpty()) exe = process.argv().get(0);
    return exe.isEmpty() ? "?" : exe.substring(exe.lastIndexOf('/') + 1);
  }

  private static String destination(String host, String ip, int port) {
    String addr = new HostPort(ip, port).toString();
    return host.isEmpty() ? addr : host + " (" + addr + ")";
  }
}

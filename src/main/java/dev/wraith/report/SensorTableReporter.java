package dev.wraith.report;

import dev.wraith.model.HostScan;
import dev.wraith.model.Observation;
import dev.wraith.model.ScanReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code wraith sensor --format table}: one row per (process, destination), ghosts' marks first-class
 * (ORIGIN exec or node), then connections without owner and the layer status. Script hashes appear only
 * when asked for, shortened to 12 digits.
 */
public final class SensorTableReporter implements SensorReporter {
  private final boolean includeHashes;

  public SensorTableReporter(boolean includeHashes) {
    this.includeHashes = includeHashes;
  }

  @Override
  public String format() {
    return "table";
  }

  @Override
  public void write(ScanReport.Tool tool, HostScan scan, OutputStream out) throws IOException {
    PrintStream p = new PrintStream(out, false, StandardCharsets.UTF_8);
    p.println("AI connections seen " + scan.start() + " – " + scan.end() + " on " + scan.procRoot() + ": "
        + scan.observations().size());
    TextTable t = new TextTable(48, "PID", "ORIGIN", "POD", "CONTAINER", "PROGRAM", "ENTRY SCRIPT", "DESTINATION",
        "PROVIDER", "VIA", "CONN", "SEEN");
    for (Observation o : scan.observations()) {
      var c = o.process().container();
      t.add(Integer.toString(o.process().pid()), o.origin().id(), c.map(x -> x.podUid()).orElse("-"),
          c.map(x -> x.containerId().isEmpty() ? "-" : x.containerId().substring(0, 12)).orElse("-"),
          program(o.process()), script(o), destination(o.attribution().host(), o.ip(), o.port()), o.attribution().providerId(),
          o.attribution().method().id(), Integer.toString(o.connections()),
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
            c.map(y -> y.containerId().isEmpty() ? "-" : y.containerId().substring(0, 12)).orElse("-"), destination(x.attribution().host(), x.ip(), x.port()), x.attribution().providerId(),
            x.attribution().method().id(), x.state(), x.why());
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
    p.println("host layer: " + s.state().id() + (s.reason().isEmpty() ? "" : " (" + s.reason() + ")") + "; "
        + scan.stats().samples() + " samples, longest gap " + scan.stats().maxGapMillis() + " ms, "
        + scan.stats().processes() + " processes in " + scan.stats().netns() + " network namespaces");
    for (String w : s.warnings()) p.println("  " + w);
    p.flush();
  }

  private String script(Observation o) {
    return o.entryScript().map(e -> e.path() + (includeHashes && !e.sha256().isEmpty() ? " sha256:" + e.sha256().substring(0, 12)
        : "") + (e.note().isEmpty() ? "" : " (" + e.note() + ")")).orElse("-");
  }

  private static String program(dev.wraith.model.ProcessInfo process) {
    String exe = process.exe();
    if (exe.isEmpty() && !process.argv().isEmpty()) exe = process.argv().get(0);
    return exe.isEmpty() ? "?" : exe.substring(exe.lastIndexOf('/') + 1);
  }

  private static String destination(String host, String ip, int port) {
    String addr = ip.contains(":") ? "[" + ip + "]:" + port : ip + ":" + port;
    return host.isEmpty() ? addr : host + " (" + addr + ")";
  }
}

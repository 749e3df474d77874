package dev.wraith.report;

import dev.wraith.model.HostPort;
import dev.wraith.model.Observation;
import dev.wraith.model.PodRef;
import dev.wraith.model.TetragonScan;
import dev.wraith.model.TetragonSeen;
import dev.wraith.model.UnattributedDestinations;
import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * {@code wraith tetragon --format table}: one row per (process, destination) with the pod as namespace/name,
 * ORIGIN exec (with what launched it), probe or node first-class, then the layer status and its warnings.
 */
public final class TetragonTableReporter extends RedactingReporter<ToolScan<TetragonScan>> {

  public TetragonTableReporter(Redactor redactor) {
    super("table", redactor);
  }

  @Override
  public void write(ToolScan<TetragonScan> input, OutputStream out) throws IOException {
    TetragonScan scan = input.scan();
    PrintStream p = printer(out);
    p.println("AI connections in Tetragon events " + scan.start() + " – " + scan.end() + ": " + scan.observations().size());
    TextTable t = new TextTable(48, "NODE", "POD", "CONTAINER", "PID", "ORIGIN", "PROGRAM", "SCRIPT", "DESTINATION",
        "PROVIDER", "VIA", "COUNT", "FIRST SEEN", "LAST SEEN");
    for (TetragonSeen<Observation> x : scan.observations()) {
      Observation o = x.connection();
      t.add(x.node(), x.pod().map(v -> v.namespace() + "/" + v.name()).orElse("-"), x.pod().map(PodRef::container)
          .filter(c -> !c.isEmpty()).orElse("-"), Integer.toString(o.process().pid()), origin(x), program(o),
          o.entryScript().map(e -> e.path()).orElse("-"), destination(o), o.attribution().providerId(),
          o.attribution().method().id(), Integer.toString(o.connections()), o.firstSeen().toString(), o.lastSeen().toString());
    }
    if (!t.isEmpty()) p.print(t.render());
    unattributed(scan.unattributed(), p);
    var s = scan.status();
    var st = scan.stats();
    p.println();
    p.println("tetragon layer: " + s.stateAndReason() + "; "
        + st.events() + " events from " + st.lines() + " lines, " + st.connects() + " connects, " + st.processes()
        + " processes, " + scan.inCluster().size() + " in-cluster pairs kept for the cluster layer, " + st.duplicates() + " duplicates, "
        + st.malformed() + " unreadable lines, " + st.gaps() + " data gaps");
    for (String w : s.warnings()) p.println("  " + w);
    p.flush();
  }

  /** The busiest destinations nothing attributed to AI, and how to attribute them. */
  private static void unattributed(UnattributedDestinations u, PrintStream p) {
    if (u.destinations() == 0) return;
    p.println();
    p.println("Destinations not attributed to AI: " + u.destinations() + " (" + u.connections() + " connections)"
        + (u.listed().size() < u.destinations() ? "; the " + u.listed().size() + " busiest:" : ":"));
    TextTable t = new TextTable(60, "DESTINATION", "CONNECTIONS", "PROCESSES", "WHY");
    for (UnattributedDestinations.Destination d : u.listed()) {
      String addr = new HostPort(d.ip(), d.port()).toString();
      String why = d.named().map(n -> "named " + n.name() + " by " + n.method().id() + ": not AI")
          .orElse(d.inCluster() ? "in-cluster address: scan-all names it through the cluster layer" : "nothing names it");
      t.add(addr, Long.toString(d.connections()), Integer.toString(d.processes()), why);
    }
    p.print(t.render());
    if (u.unnamed().stream().anyMatch(d -> !d.inCluster())) {
      p.println("To attribute them, give the DNS answers the sensor recorded (--dns-log FILE) or pin an address "
          + "(--resolve HOST=IP).");
    }
  }

  private static String origin(TetragonSeen<Observation> x) {
    if (x.probe()) return "probe";
    String id = x.connection().origin().id();
    return x.launcher().isEmpty() ? id : id + " (" + x.launcher() + ")";
  }

  private static String program(Observation o) {
    String exe = o.process().exe();
    return exe.isEmpty() ? "?" : exe.substring(exe.lastIndexOf('/') + 1);
  }

  private static String destination(Observation o) {
    String addr = new HostPort(o.ip(), o.port()).toString();
    String host = o.attribution().host();
    return host.isEmpty() ? addr : host + " (" + addr + ")";
  }
}

package dev.wraith.tetragon;

import dev.wraith.model.HostPort;
import dev.wraith.model.UnattributedDestinations;
import java.util.ArrayList;
import java.util.List;

/** The Tetragon layer's status text: data-gap warnings, and what it could not attribute with how to fix that. */
final class TetragonNotes {
  /** How many unattributed destinations the status line names. */
  static final int IN_REASON = 3;
  static final String HOW_TO_ATTRIBUTE = "to attribute them, give the DNS answers the sensor recorded (--dns-log FILE) "
      + "or pin an address (--resolve HOST=IP)";

  private TetragonNotes() {}

  static List<String> warnings(EventSource source, List<Event.Gap> gaps, long gapCount, ReadTally tally, long connects,
      boolean sawPod, boolean sawInitTree, long forgotten) {
    List<String> w = new ArrayList<>(tally.warnings());
    for (Event.Gap g : gaps) {
      w.add("data gap" + (g.node().isEmpty() ? "" : " on " + g.node()) + " at " + g.time() + ": " + g.what()
          + "; connections around then may be missing");
    }
    if (gapCount > gaps.size()) w.add((gapCount - gaps.size()) + " more data gaps");
    if (tally.stats().events() == 0) {
      w.add(source instanceof GrpcEventSource ? "no Tetragon events received in this window"
          : "no Tetragon events read: is the JSON export enabled?");
    } else if (connects == 0) {
      w.add("no connect events: is deploy/tetragon/tracingpolicy.yaml applied?");
    }
    if (sawPod && !sawInitTree) {
      w.add("no process carried in_init_tree=true: Tetragon may predate the field, so pod processes may be marked exec'd wrongly");
    }
    if (forgotten > 0) {
      w.add(forgotten + " processes without AI connections were forgotten to bound memory (over "
          + TetragonCollector.MAX_PROCESSES + "); an exec'd process's launcher may be unknown");
    }
    return w;
  }

  /**
   * The status reason when some public destinations nothing named remain: "2 destinations not attributed:
   * 162.159.140.245:443 (3942 connections, 1 process), ...; to attribute them, ...". Empty when there are none.
   */
  static String unattributed(UnattributedDestinations u) {
    List<UnattributedDestinations.Destination> open = u.unnamed().stream().filter(d -> !d.inCluster()).toList();
    if (open.isEmpty()) return "";
    List<String> parts = new ArrayList<>();
    for (var d : open.subList(0, Math.min(IN_REASON, open.size()))) parts.add(describe(d));
    String more = open.size() > IN_REASON ? " and " + (open.size() - IN_REASON) + " more" : "";
    return open.size() + (open.size() == 1 ? " destination" : " destinations") + " not attributed: "
        + String.join(", ", parts) + more + "; " + HOW_TO_ATTRIBUTE;
  }

  /** "162.159.140.245:443 (3942 connections, 1 process)". */
  static String describe(UnattributedDestinations.Destination d) {
    String addr = new HostPort(d.ip(), d.port()).toString();
    return addr + " (" + d.connections() + (d.connections() == 1 ? " connection, " : " connections, ") + d.processes()
        + (d.processes() == 1 ? " process)" : " processes)");
  }
}

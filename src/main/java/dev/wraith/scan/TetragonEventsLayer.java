package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.model.Counted;
import dev.wraith.tetragon.TetragonLayer;
import dev.wraith.model.TetragonScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Tetragon layer (named so beside {@link TetragonLayer}, the collector's entry point it calls): the request's
 * event files, or the gRPC stream (the address given, else the Helm chart's socket when it exists) for the duration.
 */
public final class TetragonEventsLayer implements Layer<TetragonScan> {
  /** The socket the Tetragon Helm chart exposes on every node. */
  public static final String SOCKET = "/var/run/tetragon/tetragon.sock";

  @Override
  public LayerId<TetragonScan> id() {
    return LayerId.TETRAGON;
  }

  @Override
  public LayerPlan plan(ScanAll.Request r, ScanAll.Environment e) {
    if (!r.tetragonEvents().isEmpty()) {
      return LayerPlan.runs(id(), "event files (" + r.tetragonEvents().size() + "; no gRPC socket opened)" + dnsLogs(r));
    }
    if (r.tetragonAddress() != null) {
      return LayerPlan.runs(id(), "gRPC " + r.tetragonAddress() + " for " + ScanAll.seconds(r.duration()) + dnsLogs(r));
    }
    if (Files.exists(Path.of(SOCKET))) {
      return LayerPlan.runs(id(), "gRPC unix://" + SOCKET + " for " + ScanAll.seconds(r.duration()) + dnsLogs(r));
    }
    return LayerPlan.skipped(id(), LayerPlan.Why.UNAVAILABLE, "no Tetragon: no socket at " + SOCKET
        + "; give --tetragon-events FILE or --tetragon-address ADDR");
  }

  private static String dnsLogs(ScanAll.Request r) {
    return r.dnsLogs().isEmpty() ? "" : ", DNS answers from " + r.dnsLogs().size() + (r.dnsLogs().size() == 1 ? " file" : " files");
  }

  @Override
  public Ran<TetragonScan> run(Catalogue cat, ScanAll.Request r) {
    TetragonScan scan = TetragonLayer.scan(cat, r.tetragonEvents(),
        Optional.ofNullable(r.tetragonAddress()).or(() -> Optional.of("unix://" + SOCKET)), r.pins(), r.dnsLogs(),
        r.duration());
    long open = scan.unattributed().unnamed().stream().filter(d -> !d.inCluster()).count();
    long connections = scan.observations().stream().mapToLong(o -> o.connection().connections()).sum();
    long processes = scan.observations().stream().map(o -> o.node() + "/" + o.execId()).distinct().count();
    return Ran.of(scan, scan.status(), Counted.of(scan.stats().events(), "event") + ", "
        + Counted.of(connections, "AI connection") + " from " + Counted.of(processes, "process", "processes")
        + (open == 0 ? "" : ", " + Counted.of(open, "destination") + " not attributed (see the layer status)"));
  }
}

package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.model.Counted;
import dev.wraith.model.HostScan;
import dev.wraith.model.ProcessInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The host layer: this machine's processes and their connections to AI endpoints for the request's duration, through a
 * {@link HostSession} (the eBPF probe or /proc sampling), and the process table for MCP server discovery.
 */
public final class HostLayer implements Layer<HostLayer.Observed> {
  /** The window, and every process at its end (argv masked) for MCP server discovery; empty when unreadable. */
  public record Observed(HostScan scan, List<ProcessInfo> processes) {
    public Observed {
      processes = List.copyOf(processes);
    }
  }

  @Override
  public LayerId<Observed> id() {
    return LayerId.HOST;
  }

  @Override
  public LayerPlan plan(ScanAll.Request r, ScanAll.Environment e) {
    boolean defaultRoot = r.procRoot().equals(Path.of("/proc"));
    if (defaultRoot && !e.osName().toLowerCase(Locale.ROOT).startsWith("linux")) {
      return LayerPlan.skipped(id(), LayerPlan.Why.UNAVAILABLE, "not Linux (" + e.osName() + "): the host layer reads /proc");
    }
    if (!Files.isDirectory(r.procRoot())) {
      return LayerPlan.skipped(id(), LayerPlan.Why.UNAVAILABLE, r.procRoot() + " is not a directory");
    }
    String how = switch (r.probe()) {
      case AUTO -> ": the eBPF probe if it loads here, else sampling /proc";
      case EBPF -> " with the eBPF probe";
      case PROC -> " by sampling /proc";
    };
    return LayerPlan.runs(id(), "connections and processes (" + r.procRoot() + ") for " + ScanAll.seconds(r.duration()) + how);
  }

  @Override
  public Ran<Observed> run(Catalogue cat, ScanAll.Request r) throws InterruptedException {
    try (HostSession session = HostSession.open(cat, r.procRoot(), r.pins(), r.resolveDns(), r.probe(),
        dev.wraith.host.ebpf.ProbeRestarts.ONE_SHOT)) {
      HostScan scan = session.observe(r.duration(), Duration.ofMillis(200));
      long processes = scan.observations().stream().map(o -> o.process().pid()).distinct().count();
      List<ProcessInfo> table;
      try {
        table = session.processes();
      } catch (java.io.IOException e) {
        table = List.of(); // the window above already says what could not be read
      }
      String seen = scan.stats().probe().map(p -> Counted.of(p.connections(), "connection") + " seen by the eBPF probe, ")
          .orElse(Counted.of(scan.stats().samples(), "sample") + ", ");
      return Ran.of(new Observed(scan, table), scan.status(),
          seen + Counted.of(processes, "process", "processes") + " talking to AI endpoints");
    }
  }
}

package dev.wraith.model;

/** Everything a cluster reporter renders for one run: the producing tool and the cluster layer's result. */
public record ClusterReport(ScanReport.Tool tool, ClusterScan cluster) {
  public ClusterReport {
    if (tool == null || cluster == null) throw new NullPointerException();
  }
}

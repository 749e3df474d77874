package dev.wraith.incluster;

import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import java.util.List;

/**
 * The host layer as seen from the scanner: every window each node's sensor served, and one status for all nodes
 * (ran; partial with a warning per node that did not answer; failed when none did or the pods could not be listed;
 * skipped when there are no sensor pods).
 */
public record SensorCollection(List<NodeScan> scans, LayerStatus status) {
  /** One window from one node's sensor. */
  public record NodeScan(String node, String pod, HostScan scan) {}

  public SensorCollection {
    scans = List.copyOf(scans);
  }
}

package dev.wraith.incluster;

import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import java.util.List;

/**
 * The host layer as seen from the scanner: every window each node's sensor served, and one status for all nodes
 * (ran; partial with a warning per node that did not answer and per problem a sensor reported for its own windows;
 * failed when none did or the pods could not be listed; skipped when there are no sensor pods). Its notes are each
 * node's last window's notes (the probe's counts).
 */
public record SensorCollection(List<NodeScan> scans, LayerStatus status) {
  /** One window from one node's sensor. */
  public record NodeScan(String node, String pod, HostScan scan) {}

  public SensorCollection {
    scans = List.copyOf(scans);
  }
}

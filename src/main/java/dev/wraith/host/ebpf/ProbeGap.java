package dev.wraith.host.ebpf;

import java.time.Instant;
import java.util.Optional;

/**
 * A time the probe saw nothing: its loader stopped ({@code reason}) after it was last heard from at {@code from}, and a
 * new loader had its programs attached at {@code to} (empty while the restart is still under way). Events between the
 * two may be missing; connections that began before the stop may be reported without their names.
 *
 * @param restart which restart this gap led to (1 for the first since the probe last ran steadily)
 * @param of how many restarts the policy allows in a row
 */
public record ProbeGap(Instant from, Optional<Instant> to, String reason, int restart, int of) {
  public ProbeGap {
    if (from == null || to == null || reason == null) throw new NullPointerException("gap fields are never null");
  }

  /** True when the gap overlaps {@code [start, end]}. */
  boolean overlaps(Instant start, Instant end) {
    return !from.isAfter(end) && to.map(t -> !t.isBefore(start)).orElse(true);
  }
}

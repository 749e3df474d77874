package dev.wraith.model;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the state database remembers from earlier scans, as the correlation needs it: for each agent id its last
 * recorded form, when it was first seen at all, and when it was last seen at runtime. Empty on a first scan or
 * with {@code --no-state}.
 *
 * @param lastScan when the previous scan ran, if any
 */
public record PriorState(Optional<Instant> lastScan, Map<String, PriorAgent> agents) {
  /**
   * One agent as the state database last recorded it.
   *
   * @param snapshot the agent as the last scan that saw it recorded it
   * @param firstSeen when any scan first listed it
   * @param lastRuntimeSeen when a scan last observed it at runtime (empty if never)
   * @param digest {@link InventoryAgent#digest()} as last recorded
   * @param acknowledgement its latest {@code wraith ack}, if any
   */
  public record PriorAgent(InventoryAgent snapshot, Instant firstSeen, Optional<Instant> lastRuntimeSeen, String digest,
      Optional<InventoryAgent.Acknowledgement> acknowledgement) {
    /** Never acknowledged. */
    public PriorAgent(InventoryAgent snapshot, Instant firstSeen, Optional<Instant> lastRuntimeSeen, String digest) {
      this(snapshot, firstSeen, lastRuntimeSeen, digest, Optional.empty());
    }
  }

  public static final PriorState NONE = new PriorState(Optional.empty(), Map.of());

  public PriorState {
    agents = Map.copyOf(agents);
  }
}

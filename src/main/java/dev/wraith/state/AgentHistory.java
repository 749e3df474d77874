package dev.wraith.state;

import dev.wraith.model.Classification;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.Risk;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One agent's classification history: a row per scan that listed it, oldest first, and every acknowledgement.
 *
 * @param lastRuntimeSeen time of the last scan that observed it at runtime
 */
public record AgentHistory(String id, String name, Instant firstSeen, Optional<Instant> lastRuntimeSeen,
    List<Entry> entries, List<InventoryAgent.Acknowledgement> acknowledgements) {
  /**
   * What one scan said about the agent; {@code runtime} is true when that scan observed it running, {@code inactive}
   * when it listed it as seen running before and not now.
   */
  public record Entry(long scanId, Instant time, Classification classification, Risk risk, String digest,
      boolean runtime, boolean inactive) {}

  public AgentHistory {
    entries = List.copyOf(entries);
    acknowledgements = List.copyOf(acknowledgements);
  }
}

package dev.wraith.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Destinations a runtime layer saw connections to and could not attribute to AI, so that a view without pins or DNS
 * answers says what it could not name instead of going quiet. Bounded: the {@code listed} destinations with the most
 * connections, and the totals over all of them.
 *
 * @param listed most connections first, then by address and port
 * @param destinations distinct (address, port) pairs in total, listed or not
 * @param connections connections to them in total
 */
public record UnattributedDestinations(List<Destination> listed, int destinations, long connections) {
  public static final UnattributedDestinations NONE = new UnattributedDestinations(List.of(), 0, 0);

  /**
   * One destination.
   *
   * @param processes distinct processes that connected to it
   * @param named the non-AI name the processes asked for, when name-level evidence said so (then it is settled, not
   *     unknown)
   * @param inCluster a private or ULA address: the cluster layer's Services and pods may still name it
   */
  public record Destination(String ip, int port, long connections, int processes, Optional<Attribution.NotAi> named,
      boolean inCluster) {}

  public UnattributedDestinations {
    listed = listed.stream().sorted(Comparator.comparingLong((Destination d) -> -d.connections())
        .thenComparing(Destination::ip).thenComparingInt(Destination::port)).toList();
  }

  /** The listed destinations that nothing named: what --dns-log or --resolve could attribute. */
  public List<Destination> unnamed() {
    return listed.stream().filter(d -> d.named().isEmpty()).toList();
  }
}

package dev.wraith.correlate;

import dev.wraith.model.Classification;
import dev.wraith.model.InventoryAgent;
import dev.wraith.model.InventoryAgent.Change;
import dev.wraith.model.InventoryAgent.Connection;
import dev.wraith.model.InventoryAgent.Evidence;
import dev.wraith.model.PriorState;
import dev.wraith.model.PriorState.PriorAgent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the previous scans add: ZOMBIE, first and last seen, and change.
 *
 * <ul>
 *   <li>Code not running now that an earlier scan saw running is ZOMBIE (not UNKNOWN), for as long as the code
 *       exists.</li>
 *   <li>A runtime-only agent (GHOST, SHADOW AI) that is gone is listed as ZOMBIE from its last snapshot for
 *       {@code retention} after its last runtime sighting (30 days by default), then dropped.</li>
 *   <li>Only when some runtime layer ran: a scan that did not look cannot say that something stopped.</li>
 *   <li>Change: NEW when the state has no such id, UNCHANGED when {@link InventoryAgent#digest()} equals the recorded
 *       one, else CHANGED; UNTRACKED for every agent when state is off.</li>
 * </ul>
 */
final class History {
  /** Zombies from runtime-only agents are listed this long after their last runtime sighting unless configured. */
  static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
  private static final Set<Classification> RUNNING = Set.of(Classification.CONFIRMED, Classification.SHADOW_AI,
      Classification.GHOST);

  private final PriorState prior;
  private final boolean stateEnabled;
  private final boolean runtimeObserved;
  private final Instant scanTime;
  private final Duration retention;
  private final Risks risks;

  History(PriorState prior, boolean stateEnabled, boolean runtimeObserved, Instant scanTime, Duration retention, Risks risks) {
    this.prior = prior;
    this.stateEnabled = stateEnabled;
    this.runtimeObserved = runtimeObserved;
    this.scanTime = scanTime;
    this.retention = retention;
    this.risks = risks;
  }

  List<InventoryAgent> apply(List<InventoryAgent> current) {
    List<InventoryAgent> out = new ArrayList<>();
    for (InventoryAgent a : current) out.add(dated(zombieIfSeenBefore(a)));
    Set<String> ids = current.stream().map(InventoryAgent::id).collect(Collectors.toSet());
    for (var e : new TreeMap<>(prior.agents()).entrySet()) {
      if (ids.contains(e.getKey())) continue;
      gone(e.getValue()).ifPresent(z -> out.add(dated(z)));
    }
    return out;
  }

  private InventoryAgent zombieIfSeenBefore(InventoryAgent a) {
    PriorAgent p = prior.agents().get(a.id());
    if (a.classification() != Classification.UNKNOWN || p == null || p.lastRuntimeSeen().isEmpty() || !runtimeObserved) {
      return a;
    }
    return zombie(a, p, false);
  }

  /** A runtime-only agent from an earlier scan that no layer sees now. */
  private Optional<InventoryAgent> gone(PriorAgent p) {
    InventoryAgent snap = p.snapshot();
    if (!snap.code().isEmpty() || p.lastRuntimeSeen().isEmpty() || !runtimeObserved) return Optional.empty();
    if (p.lastRuntimeSeen().get().plus(retention).isBefore(scanTime)) return Optional.empty();
    return Optional.of(zombie(snap, p, true));
  }

  private InventoryAgent zombie(InventoryAgent a, PriorAgent p, boolean fromSnapshot) {
    Instant last = p.lastRuntimeSeen().orElseThrow();
    long days = Duration.between(last, scanTime).toDays();
    List<String> reasons = new ArrayList<>();
    reasons.add("Seen running until " + last + " (" + days + (days == 1 ? " day" : " days") + " before this scan), not now");
    if (fromSnapshot) {
      reasons.add("Was " + p.snapshot().classification().label() + " when last seen; listed until "
          + last.plus(retention) + " unless it runs again");
    }
    Risks.Rated r = risks.rate(Classification.ZOMBIE, false, a.capabilities(), a.reach());
    reasons.addAll(r.reasons());
    List<Evidence> evidence = new ArrayList<>(fromSnapshot
        ? a.evidence().stream().filter(e -> e.layer().equals("code") || e.layer().equals("cluster")).toList() : a.evidence());
    if (fromSnapshot) {
      a.process().ifPresent(pr -> evidence.add(new Evidence("state", "last seen as " + pr.binary()
          + (pr.script().isEmpty() ? "" : " " + pr.script()) + (pr.node().isEmpty() ? "" : " on " + pr.node()))));
    }
    evidence.add(new Evidence("state", "last runtime sighting " + last));
    return new InventoryAgent(a.id(), Classification.ZOMBIE, r.risk(), a.name(), a.workload(), Optional.empty(), a.code(),
        a.providers(), a.capabilities(), List.of(), a.reach(), evidence, reasons, Optional.empty(), Optional.empty(),
        Change.UNTRACKED);
  }

  private InventoryAgent dated(InventoryAgent a) {
    PriorAgent p = prior.agents().get(a.id());
    boolean running = RUNNING.contains(a.classification());
    Optional<Instant> firstConn = a.connections().stream().map(Connection::firstSeen).min(Comparator.naturalOrder());
    Optional<Instant> lastConn = a.connections().stream().map(Connection::lastSeen).max(Comparator.naturalOrder());
    Instant first = firstConn.orElse(scanTime);
    if (p != null && p.firstSeen().isBefore(first)) first = p.firstSeen();
    Optional<Instant> last = running ? Optional.of(lastConn.orElse(scanTime)) : p == null ? Optional.empty() : p.lastRuntimeSeen();
    Change change = !stateEnabled ? Change.UNTRACKED : p == null ? Change.NEW
        : p.digest().equals(a.digest()) ? Change.UNCHANGED : Change.CHANGED;
    return a.withHistory(Optional.of(first), last, change);
  }
}

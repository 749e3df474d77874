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
 * What the previous scans add: inactivity, ZOMBIE, acknowledgements, first and last seen, and change.
 *
 * <ul>
 *   <li>Code not running now that an earlier scan saw running is ZOMBIE (not UNKNOWN), for as long as the code
 *       exists, with the workload and process it last ran as.</li>
 *   <li>A runtime-only agent (GHOST, SHADOW AI) that is gone keeps its classification, risk and evidence and is listed
 *       as inactive: an incident is not downgraded by the passage of time. It is listed until it is acknowledged
 *       ({@code wraith ack}) after its last sighting, or until {@code retention} after that sighting (90 days by
 *       default), whichever comes first.</li>
 *   <li>Only when some runtime layer ran: a scan that did not look cannot say that something stopped.</li>
 *   <li>Change: NEW when the state has no such id, UNCHANGED when {@link InventoryAgent#digest()} equals the recorded
 *       one (inactivity is part of it), else CHANGED; UNTRACKED for every agent when state is off.</li>
 * </ul>
 */
record History(PriorState prior, boolean stateEnabled, boolean runtimeObserved, Instant scanTime, Duration retention,
    Risks risks) {
  /** An unacknowledged inactive runtime-only agent is listed this long after its last runtime sighting. */
  static final Duration DEFAULT_RETENTION = Duration.ofDays(90);
  private static final Set<Classification> RUNNING = Set.of(Classification.CONFIRMED, Classification.SHADOW_AI,
      Classification.GHOST);

  List<InventoryAgent> apply(List<InventoryAgent> current) {
    List<InventoryAgent> out = new ArrayList<>();
    for (InventoryAgent a : current) out.add(dated(acknowledged(zombieIfSeenBefore(a))));
    Set<String> ids = current.stream().map(InventoryAgent::id).collect(Collectors.toSet());
    for (var e : new TreeMap<>(prior.agents()).entrySet()) {
      if (ids.contains(e.getKey())) continue;
      gone(e.getValue()).ifPresent(g -> out.add(dated(acknowledged(g))));
    }
    return out;
  }

  private InventoryAgent zombieIfSeenBefore(InventoryAgent a) {
    PriorAgent p = prior.agents().get(a.id());
    if (a.classification() != Classification.UNKNOWN || p == null || p.lastRuntimeSeen().isEmpty() || !runtimeObserved) {
      return a;
    }
    return zombie(a, p);
  }

  /** A runtime-only agent from an earlier scan that no layer sees now: inactive, or no longer listed. */
  private Optional<InventoryAgent> gone(PriorAgent p) {
    InventoryAgent snap = p.snapshot();
    if (!snap.code().isEmpty() || p.lastRuntimeSeen().isEmpty() || !runtimeObserved) return Optional.empty();
    Instant last = p.lastRuntimeSeen().get();
    if (last.plus(retention).isBefore(scanTime)) return Optional.empty();
    // acknowledgements are recorded to the second: one made in the second of the last sighting came after it
    Instant lastSecond = last.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    if (p.acknowledgement().filter(ack -> !ack.at().isBefore(lastSecond)).isPresent()) return Optional.empty();
    List<String> reasons = new ArrayList<>();
    reasons.add("Not seen running since " + Words.time(last) + " (" + Words.days(last, scanTime) + " before this scan); "
        + "stays " + snap.classification().label() + " until acknowledged (wraith ack " + snap.id() + " --note …) or "
        + "until " + Words.time(last.plus(retention)));
    reasons.addAll(ownReasons(snap));
    List<Evidence> evidence = new ArrayList<>(ownEvidence(snap));
    evidence.add(new Evidence("state", "last runtime sighting " + Words.time(last)));
    return Optional.of(new InventoryAgent(snap.id(), snap.classification(), snap.risk(), snap.name(), snap.workload(),
        snap.process(), snap.code(), snap.providers(), snap.capabilities(), snap.connections(), snap.reach(), evidence,
        reasons, Optional.empty(), Optional.empty(), Change.UNTRACKED, Optional.of(last), Optional.empty()));
  }

  /** Code that ran before and does not now: where and as what it last ran. */
  private InventoryAgent zombie(InventoryAgent a, PriorAgent p) {
    Instant last = p.lastRuntimeSeen().orElseThrow();
    InventoryAgent snap = p.snapshot();
    List<String> reasons = new ArrayList<>();
    reasons.add("Its code exists; seen running until " + Words.time(last) + " (" + Words.days(last, scanTime)
        + " before this scan), not now");
    Risks.Rated r = risks.rate(Classification.ZOMBIE, false, a.capabilities(), a.reach());
    reasons.addAll(r.reasons());
    List<Evidence> evidence = new ArrayList<>(a.evidence());
    snap.process().ifPresent(pr -> evidence.add(new Evidence("state", "last ran as " + pr.binary()
        + (pr.script().isEmpty() ? "" : " " + pr.script()) + (pr.node().isEmpty() ? "" : " on " + pr.node()))));
    evidence.add(new Evidence("state", "last runtime sighting " + Words.time(last)));
    boolean workloadRemembered = a.workload().isEmpty() && snap.workload().isPresent();
    return new InventoryAgent(a.id(), Classification.ZOMBIE, r.risk(), workloadRemembered ? snap.name() : a.name(),
        workloadRemembered ? snap.workload() : a.workload(), snap.process(), a.code(), a.providers(), a.capabilities(),
        List.of(), a.reach(), evidence, reasons, Optional.empty(), Optional.empty(), Change.UNTRACKED, Optional.of(last),
        Optional.empty());
  }

  /** The latest {@code wraith ack}, said in the reasons. */
  private InventoryAgent acknowledged(InventoryAgent a) {
    PriorAgent p = prior.agents().get(a.id());
    if (p == null || p.acknowledgement().isEmpty()) return a;
    InventoryAgent.Acknowledgement ack = p.acknowledgement().get();
    boolean since = a.observedAtRuntime() && p.snapshot().inactive();
    return a.acknowledged(ack, "Acknowledged " + Words.time(ack.at()) + ": " + ack.note()
        + (since ? " (seen running again after that)" : ""));
  }

  /** A recorded inactive agent's reasons without the inactivity line and acknowledgement this class put there. */
  private static List<String> ownReasons(InventoryAgent snap) {
    List<String> r = snap.reasons();
    int from = snap.inactive() && !r.isEmpty() ? 1 : 0;
    int to = snap.acknowledgement().isPresent() && r.size() > from ? r.size() - 1 : r.size();
    return r.subList(from, to);
  }

  /** A recorded inactive agent's evidence without the last-sighting line this class put there. */
  private static List<Evidence> ownEvidence(InventoryAgent snap) {
    List<Evidence> e = snap.evidence();
    return snap.inactive() && !e.isEmpty() ? e.subList(0, e.size() - 1) : e;
  }

  private InventoryAgent dated(InventoryAgent a) {
    PriorAgent p = prior.agents().get(a.id());
    boolean running = RUNNING.contains(a.classification()) && !a.inactive();
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

package dev.wraith.host;

import dev.wraith.model.HostScan.Unowned;
import dev.wraith.model.InClusterConnection;
import dev.wraith.model.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds samples into one observation per (process, destination) with first/last seen and counts, and the unattributed
 * in-cluster connections likewise, at most {@link #MAX_IN_CLUSTER} (process, address) pairs per window.
 */
final class Aggregator {
  static final int MAX_IN_CLUSTER = 10_000;

  private record Key(int pid, long startTicks, String ip, int port) {}

  private static final class Acc {
    final ProcessTable.Entry owner;
    final Sighting first;
    final Instant firstSeen;
    Instant lastSeen;
    final Set<Long> inodes = new HashSet<>();
    int samples;

    Acc(ProcessTable.Entry owner, Sighting first, Instant at) {
      this.owner = owner;
      this.first = first;
      this.firstSeen = at;
    }
  }

  private final Map<Key, Acc> byKey = new LinkedHashMap<>();
  private final Map<Key, Acc> inCluster = new LinkedHashMap<>();
  private final Set<Unowned> unowned = new LinkedHashSet<>();
  private final Set<String> warnings = new LinkedHashSet<>();
  private final Set<String> notes = new LinkedHashSet<>();
  private long inClusterDropped;

  void add(Sampler.Sample s, Instant at) {
    Set<Key> seenThisSample = new HashSet<>();
    for (Sighting x : s.sightings()) {
      Key k = new Key(x.owner().info().pid(), x.owner().info().startTicks(), x.ip(), x.port());
      count(byKey.computeIfAbsent(k, kk -> new Acc(x.owner(), x, at)), k, x.inode(), at, seenThisSample);
    }
    for (Sighting.InCluster x : s.inCluster()) {
      Key k = new Key(x.owner().info().pid(), x.owner().info().startTicks(), x.ip(), x.port());
      Acc acc = inCluster.get(k);
      if (acc == null) {
        if (inCluster.size() >= MAX_IN_CLUSTER) {
          inClusterDropped++;
          continue;
        }
        acc = new Acc(x.owner(), null, at);
        inCluster.put(k, acc);
      }
      count(acc, k, x.inode(), at, seenThisSample);
    }
    unowned.addAll(s.unowned());
    warnings.addAll(s.warnings());
    notes.addAll(s.notes());
  }

  private static void count(Acc acc, Key k, long inode, Instant at, Set<Key> seenThisSample) {
    acc.lastSeen = at;
    acc.inodes.add(inode);
    if (seenThisSample.add(k)) acc.samples++;
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  List<Observation> observations() {
    List<Observation> out = new ArrayList<>();
    for (Acc a : byKey.values()) {
      ProcessTable.Entry e = a.owner;
      out.add(new Observation(e.info(), e.origin(), e.script(), a.first.ip(), a.first.port(), a.first.attribution(),
          a.firstSeen, a.lastSeen, a.inodes.size(), a.samples));
    }
    return out;
  }

  List<InClusterConnection> inCluster() {
    List<InClusterConnection> out = new ArrayList<>();
    for (var e : inCluster.entrySet()) {
      Acc a = e.getValue();
      out.add(new InClusterConnection(a.owner.info(), a.owner.origin(), a.owner.script(), e.getKey().ip(), e.getKey().port(),
          a.firstSeen, a.lastSeen, a.inodes.size(), a.samples));
    }
    return out;
  }

  /** Informational lines (what was left out on purpose), after the warnings in the status. */
  List<String> notes() {
    return notes.stream().sorted().toList();
  }

  /**
   * Unowned connections, less closed ones (TIME_WAIT) to a destination that an owned connection from the
   * same namespace already accounts for: they are the tail of a connection already reported.
   */
  List<Unowned> unowned() {
    Set<String> owned = new HashSet<>();
    for (Acc a : byKey.values()) owned.add(a.owner.info().netns() + ' ' + a.first.ip() + ' ' + a.first.port());
    return unowned.stream()
        .filter(u -> !(u.state().equals("time-wait") && owned.contains(u.netns() + ' ' + u.ip() + ' ' + u.port())))
        .toList();
  }

  List<String> warnings() {
    List<String> out = new ArrayList<>(warnings.stream().sorted().toList());
    if (inClusterDropped > 0) {
      out.add(inClusterDropped + " sightings of connections to in-cluster addresses not kept: more than " + MAX_IN_CLUSTER
          + " (process, address) pairs in this window");
    }
    return out;
  }
}

package dev.wraith.host;

import dev.wraith.model.HostScan.Unowned;
import dev.wraith.model.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Folds samples into one observation per (process, destination) with first/last seen and counts. */
final class Aggregator {
  private record Key(int pid, long startTicks, String ip, int port) {}

  private static final class Acc {
    final Sighting first;
    final Instant firstSeen;
    Instant lastSeen;
    final Set<Long> inodes = new HashSet<>();
    int samples;

    Acc(Sighting first, Instant at) {
      this.first = first;
      this.firstSeen = at;
    }
  }

  private final Map<Key, Acc> byKey = new LinkedHashMap<>();
  private final Set<Unowned> unowned = new LinkedHashSet<>();
  private final Set<String> warnings = new LinkedHashSet<>();

  void add(Sampler.Sample s, Instant at) {
    Set<Key> seenThisSample = new HashSet<>();
    for (Sighting x : s.sightings()) {
      Key k = new Key(x.owner().info().pid(), x.owner().info().startTicks(), x.ip(), x.port());
      Acc acc = byKey.computeIfAbsent(k, kk -> new Acc(x, at));
      acc.lastSeen = at;
      acc.inodes.add(x.inode());
      if (seenThisSample.add(k)) acc.samples++;
    }
    unowned.addAll(s.unowned());
    warnings.addAll(s.warnings());
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  List<Observation> observations() {
    List<Observation> out = new ArrayList<>();
    for (Acc a : byKey.values()) {
      ProcessTable.Entry e = a.first.owner();
      out.add(new Observation(e.info(), e.origin(), e.script(), a.first.ip(), a.first.port(), a.first.attribution(),
          a.firstSeen, a.lastSeen, a.inodes.size(), a.samples));
    }
    return out;
  }

  /**
   * Unowned connections, less closed ones (TIME_WAIT) to a destination that an owned connection from the
   * same namespace already accounts for: they are the tail of a connection already reported.
   */
  List<Unowned> unowned() {
    Set<String> owned = new HashSet<>();
    for (Acc a : byKey.values()) owned.add(a.first.owner().info().netns() + ' ' + a.first.ip() + ' ' + a.first.port());
    return unowned.stream()
        .filter(u -> !(u.state().equals("time-wait") && owned.contains(u.netns() + ' ' + u.ip() + ' ' + u.port())))
        .toList();
  }

  List<String> warnings() {
    return warnings.stream().sorted().toList();
  }
}

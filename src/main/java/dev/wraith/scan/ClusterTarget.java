package dev.wraith.scan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One cluster a scan reads: offline snapshot files, or a live kubeconfig context (empty: the current one).
 *
 * <p>Names are identity: a named cluster's workloads carry its name into every agent id, report and the state. A
 * cluster is unnamed ("") exactly as before clusters had names: all bare {@code --kube-snapshot FILE}s together, or the
 * one live cluster of a scan with at most one {@code --context}; so a single-cluster history keeps its agent ids.
 * Several contexts are named by their context names; several snapshots must each be named ({@code NAME=FILE}).
 */
public record ClusterTarget(String name, List<Path> snapshots, Optional<String> context) {
  /**
   * What a cluster name may hold: letters, digits and {@code . _ - : /} (kubeconfig context names such as EKS ARNs fit),
   * never '@', '=', '|' or blanks, which separate the parts of identity keys and option values.
   */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,252}");

  public ClusterTarget {
    if (name == null || context == null) throw new NullPointerException("cluster target fields are never null");
    snapshots = List.copyOf(snapshots);
  }

  public boolean offline() {
    return !snapshots.isEmpty();
  }

  /** One snapshot file as given: {@code name} is "" for a bare {@code FILE}. */
  public record Snapshot(String name, Path file) {}

  /**
   * The offline clusters: all bare files form the one unnamed cluster (several files of one cluster, as before); named
   * files one cluster each. Fails, saying what to write instead, on an invalid or repeated name, or on bare and named
   * files mixed (an unnamed cluster beside named ones would make "" ambiguous).
   */
  public static List<ClusterTarget> offline(List<Snapshot> files) {
    List<Path> bare = new ArrayList<>();
    Map<String, Path> named = new LinkedHashMap<>();
    for (Snapshot s : files) {
      if (s.name().isEmpty()) {
        bare.add(s.file());
        continue;
      }
      checkName(s.name(), "--kube-snapshot " + s.name() + "=" + s.file());
      if (named.put(s.name(), s.file()) != null) {
        throw new IllegalArgumentException("--kube-snapshot: cluster name '" + s.name() + "' given twice; each NAME=FILE "
            + "names one cluster (merge its objects into one file: kubectl get -A -o json ... > FILE)");
      }
    }
    if (!bare.isEmpty() && !named.isEmpty()) {
      throw new IllegalArgumentException("--kube-snapshot: name every snapshot when you give several clusters (NAME=FILE); "
          + "bare files (" + bare.get(0) + ") belong to no cluster name");
    }
    if (named.isEmpty()) return bare.isEmpty() ? List.of() : List.of(new ClusterTarget("", bare, Optional.empty()));
    List<ClusterTarget> out = new ArrayList<>();
    named.forEach((n, f) -> out.add(new ClusterTarget(n, List.of(f), Optional.empty())));
    return List.copyOf(out);
  }

  /**
   * The live clusters: none or one context is the one unnamed cluster (the current context, or the one given); several
   * are named by their context names.
   */
  public static List<ClusterTarget> live(List<String> contexts) {
    if (contexts.isEmpty()) return List.of(new ClusterTarget("", List.of(), Optional.empty()));
    if (contexts.size() == 1) return List.of(new ClusterTarget("", List.of(), Optional.of(contexts.get(0))));
    List<ClusterTarget> out = new ArrayList<>();
    for (String c : contexts) {
      checkName(c, "--context " + c);
      if (out.stream().anyMatch(t -> t.name().equals(c))) {
        throw new IllegalArgumentException("--context " + c + " is given twice");
      }
      out.add(new ClusterTarget(c, List.of(), Optional.of(c)));
    }
    return List.copyOf(out);
  }

  private static void checkName(String name, String where) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(where + ": '" + name + "' cannot name a cluster: use letters, digits and . _ - : / "
          + "(starting with a letter or digit, at most 253 characters)");
    }
  }
}

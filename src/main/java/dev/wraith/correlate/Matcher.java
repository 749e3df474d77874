package dev.wraith.correlate;

import dev.wraith.catalogue.ImageName;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.Deployment;
import dev.wraith.model.DeploymentKind;
import dev.wraith.model.EntryScript;
import dev.wraith.model.InventoryAgent.WorkloadRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Joins a runtime subject to a code unit by identity, most specific rule first:
 * <ol>
 *   <li>entry script ↔ file: equal SHA-256 (when the host layer read the script and the caller hashed the file), else
 *       a path suffix match ({@link PathMatch}); a file whose content differs from the running script never matches.
 *       A match on the file name alone counts for a workload's own process only: a script exec'd into a container or
 *       run on a node (often from /tmp) needs two equal trailing segments or equal content, so that a rogue
 *       {@code /tmp/agent.py} is not taken for the repository's {@code agents/agent.py};</li>
 *   <li>the workload is declared by a manifest in the scanned tree (namespace when the manifest gives one, name,
 *       kind) that runs the unit;</li>
 *   <li>the container's image is built by the unit.</li>
 * </ol>
 * Rules 2 and 3 identify a workload's own processes only: a process exec'd into a container or running on the node
 * is matched by its entry script or not at all. Providers never take part in a match. A join that names two units
 * equally is ambiguous and does not match.
 */
final class Matcher {
  private final Map<String, String> hashes;
  /** Candidate files for entry scripts (AI files, scripts deployments copy or run, hashed files) → their unit. */
  private final Map<String, CodeUnit> files = new TreeMap<>();

  Matcher(List<CodeUnit> units, Map<String, String> codeFileHashes) {
    this.hashes = codeFileHashes;
    for (CodeUnit u : units) {
      for (CodeAgent f : u.files()) files.put(f.path(), u);
      for (Deployment b : u.builds()) for (String s : b.scripts()) files.putIfAbsent(s, u);
    }
    var holding = CodeUnits.holdingIndex(units);
    for (String path : codeFileHashes.keySet()) holding.apply(path).ifPresent(u -> files.putIfAbsent(path, u));
    for (CodeUnit u : units) {
      for (Deployment d : u.manifests()) manifestsByName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(Map.entry(u, d));
      if (u.declared()) unitsByName.computeIfAbsent(u.dirName(), k -> new ArrayList<>()).add(u);
      for (Deployment b : u.builds()) {
        if (b.kind() != DeploymentKind.COMPOSE) continue;
        for (String i : b.images()) unitsByComposeRepo.computeIfAbsent(ImageName.repository(i), k -> new ArrayList<>()).add(u);
      }
    }
  }

  /** Manifests by the workload name they declare, with their unit, in unit then manifest order. */
  private final Map<String, List<Map.Entry<CodeUnit, Deployment>>> manifestsByName = new java.util.HashMap<>();
  /** Declared units by directory name (images named like it) and by the image repositories their compose builds name. */
  private final Map<String, List<CodeUnit>> unitsByName = new java.util.HashMap<>(), unitsByComposeRepo = new java.util.HashMap<>();

  Optional<Match> match(RuntimeSubject s) {
    Optional<Match> m = s.script().flatMap(e -> byScript(e, s.isWorkloadItself()));
    if (m.isPresent() || !s.isWorkloadItself()) return m;
    m = s.place().workload().flatMap(this::byManifest);
    if (m.isPresent()) return m;
    return byImage(s.place().image());
  }

  /** @param nameAlone whether a unique file name is enough (the workload's own process) or two segments are needed */
  private Optional<Match> byScript(EntryScript script, boolean nameAlone) {
    if (!script.sha256().isEmpty()) {
      List<String> same = files.keySet().stream().filter(f -> script.sha256().equalsIgnoreCase(hashes.getOrDefault(f, ""))).toList();
      Optional<CodeUnit> u = unique(same);
      if (u.isPresent()) {
        String f = same.stream().max(Comparator.comparingInt(x -> PathMatch.segments(script.path(), x))).orElseThrow();
        return Optional.of(new Match(u.get(), "entry-script", "entry script " + script.path() + " has the content of " + f));
      }
    }
    Map<String, Long> names = new TreeMap<>();
    for (String f : files.keySet()) names.merge(PathMatch.basename(f), 1L, Long::sum);
    int best = 0;
    List<String> hits = new ArrayList<>();
    for (String f : files.keySet()) {
      int k = PathMatch.segments(script.path(), f);
      boolean ok = k >= 2 || (nameAlone && k == 1 && names.get(PathMatch.basename(f)) == 1);
      if (!ok || differs(script, f)) continue;
      if (k > best) {
        best = k;
        hits.clear();
      }
      if (k == best) hits.add(f);
    }
    String how = best >= 2 ? "" : " (the only file of that name)";
    return unique(hits).map(u -> new Match(u, "entry-script", "entry script " + script.path() + " is " + hits.get(0) + how));
  }

  /** The running script was hashed, the file too, and they differ: same name, other code. */
  private boolean differs(EntryScript script, String file) {
    String h = hashes.getOrDefault(file, "");
    return !script.sha256().isEmpty() && !h.isEmpty() && !h.equalsIgnoreCase(script.sha256());
  }

  private Optional<Match> byManifest(WorkloadRef w) {
    Set<CodeUnit> hit = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    CodeUnit first = null;
    Deployment found = null;
    for (Map.Entry<CodeUnit, Deployment> e : manifestsByName.getOrDefault(w.name(), List.of())) {
      if (declares(e.getValue(), w)) {
        hit.add(e.getKey());
        if (found == null) {
          found = e.getValue();
          first = e.getKey();
        }
      }
    }
    if (hit.size() != 1) return Optional.empty();
    Deployment d = found;
    return Optional.of(new Match(first, "manifest-workload", w.kind() + " " + w.namespace() + "/" + w.name()
        + " is declared by " + d.location() + ", which runs this code"));
  }

  private static boolean declares(Deployment d, WorkloadRef w) {
    if (d.kind() == DeploymentKind.COMPOSE || d.kind() == DeploymentKind.DOCKERFILE) return false;
    if (!d.namespace().isEmpty() && !d.namespace().equals(w.namespace())) return false;
    return d.name().equals(w.name()) && (d.workloadKind().isEmpty() || d.workloadKind().equals(w.kind()));
  }

  private Optional<Match> byImage(String image) {
    if (image.isEmpty()) return Optional.empty();
    String repo = ImageName.repository(image);
    Set<CodeUnit> candidates = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    candidates.addAll(unitsByName.getOrDefault(repo.substring(repo.lastIndexOf('/') + 1), List.of()));
    candidates.addAll(unitsByComposeRepo.getOrDefault(repo, List.of()));
    List<CodeUnit> hit = candidates.stream().filter(u -> CodeUnits.builds(u, image)).toList();
    if (hit.size() != 1) return Optional.empty();
    CodeUnit u = hit.get(0);
    return Optional.of(new Match(u, "built-image", "image " + image + " is built from " + u.dir()));
  }

  private Optional<CodeUnit> unique(List<String> paths) {
    Set<CodeUnit> us = new LinkedHashSet<>();
    for (String p : paths) us.add(files.get(p));
    return us.size() == 1 ? Optional.of(us.iterator().next()) : Optional.empty();
  }
}

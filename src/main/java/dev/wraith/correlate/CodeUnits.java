package dev.wraith.correlate;

import dev.wraith.catalogue.ImageName;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Deployable;
import dev.wraith.model.Deployment;
import dev.wraith.model.DeploymentKind;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups the code layer's AI files into units (code agents) and gives each its deployment identity.
 *
 * <p>The units are the code layer's deployables (see {@code dev.wraith.code.Deployables}), so {@code scan} and
 * {@code scan-all} agree on them. A unit "builds" the images whose repository's
 * last segment is the unit directory's name ({@code ghcr.io/acme/triage-agent} ↔ {@code services/triage-agent}) and
 * the images a compose service with {@code build:} at that directory names. A workload manifest runs the unit when
 * it runs one of those images, its compose build is the unit, or its command names one of the unit's scripts.
 */
final class CodeUnits {
  private CodeUnits() {}

  static List<CodeUnit> of(CodeScan code) {
    Map<String, List<Finding>> findingsByFile = new java.util.HashMap<>();
    for (Finding f : code.findings()) findingsByFile.computeIfAbsent(f.location().path(), k -> new ArrayList<>()).add(f);
    Map<String, List<Deployment>> buildsByDir = new java.util.HashMap<>();
    for (Deployment d : code.deployments()) buildDir(d).ifPresent(dir -> buildsByDir.computeIfAbsent(dir, k -> new ArrayList<>()).add(d));
    List<CodeUnit> partial = new ArrayList<>();
    for (Deployable d0 : code.deployables()) {
      List<Finding> findings = new ArrayList<>();
      d0.files().stream().map(CodeAgent::path).distinct().sorted()
          .forEach(p -> findings.addAll(findingsByFile.getOrDefault(p, List.of())));
      findings.sort(null);
      List<Deployment> builds = d0.declared() ? buildsByDir.getOrDefault(d0.dir(), List.of()) : List.of();
      partial.add(new CodeUnit(d0.dir(), d0.name(), dirName(d0.dir(), code), d0.declared(), d0.files(), findings, List.of(),
          builds));
    }
    return withManifests(partial, code);
  }

  /**
   * Each unit with the workload manifests that run it (see the class contract), in the scan's deployment order. The
   * candidates of each manifest are looked up by directory name, compose image, directory, file and file-name pair, so
   * a fleet of thousands of units costs what its manifests name, not units times manifests.
   */
  private static List<CodeUnit> withManifests(List<CodeUnit> units, CodeScan code) {
    Candidates index = new Candidates(units);
    java.util.IdentityHashMap<CodeUnit, List<Deployment>> manifests = new java.util.IdentityHashMap<>();
    for (Deployment d : code.deployments()) {
      if (d.kind() == DeploymentKind.DOCKERFILE) continue;
      for (CodeUnit u : index.of(d)) {
        boolean runs = u.builds().contains(d) || d.images().stream().anyMatch(i -> builds(u, i))
            || d.scripts().stream().anyMatch(u::contains) || d.commands().stream().anyMatch(c -> mentionsFile(c, u));
        if (runs) manifests.computeIfAbsent(u, k -> new ArrayList<>()).add(d);
      }
    }
    List<CodeUnit> out = new ArrayList<>();
    for (CodeUnit u : units) {
      out.add(new CodeUnit(u.dir(), u.name(), u.dirName(), u.declared(), u.files(), u.findings(),
          manifests.getOrDefault(u, List.of()), u.builds()));
    }
    return out;
  }

  /** The units a manifest could run: a superset of those it runs, found through indexes (exact test in the caller). */
  private static final class Candidates {
    private final List<CodeUnit> units;
    private final Map<String, List<CodeUnit>> byDirName = new java.util.HashMap<>(), byComposeRepo = new java.util.HashMap<>(),
        byDir = new java.util.HashMap<>(), byFile = new java.util.HashMap<>(), byLastTwo = new java.util.HashMap<>();

    Candidates(List<CodeUnit> units) {
      this.units = units;
      for (CodeUnit u : units) {
        if (u.declared()) {
          byDirName.computeIfAbsent(u.dirName(), k -> new ArrayList<>()).add(u);
          byDir.computeIfAbsent(u.dir(), k -> new ArrayList<>()).add(u);
        }
        for (Deployment b : u.builds()) {
          if (b.kind() != DeploymentKind.COMPOSE) continue;
          for (String i : b.images()) byComposeRepo.computeIfAbsent(ImageName.repository(i), k -> new ArrayList<>()).add(u);
        }
        for (CodeAgent f : u.files()) {
          byFile.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(u);
          lastTwo(f.path()).ifPresent(k -> byLastTwo.computeIfAbsent(k, x -> new ArrayList<>()).add(u));
        }
      }
    }

    /** In the units' order, each once. */
    List<CodeUnit> of(Deployment d) {
      java.util.Set<CodeUnit> hit = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      for (String image : d.images()) {
        if (image.isEmpty()) continue;
        String repo = ImageName.repository(image);
        hit.addAll(byDirName.getOrDefault(repo.substring(repo.lastIndexOf('/') + 1), List.of()));
        hit.addAll(byComposeRepo.getOrDefault(repo, List.of()));
      }
      for (String script : d.scripts()) {
        hit.addAll(byFile.getOrDefault(script, List.of()));
        hit.addAll(byDir.getOrDefault(".", List.of()));
        hit.addAll(byDir.getOrDefault(script, List.of()));
        for (int i = script.indexOf('/'); i >= 0; i = script.indexOf('/', i + 1)) {
          hit.addAll(byDir.getOrDefault(script.substring(0, i), List.of()));
        }
      }
      for (String command : d.commands()) {
        for (String word : command.split("\\s+", 0)) lastTwo(word).ifPresent(k -> hit.addAll(byLastTwo.getOrDefault(k, List.of())));
      }
      if (d.kind() == DeploymentKind.COMPOSE) buildDir(d).ifPresent(dir -> hit.addAll(byDir.getOrDefault(dir, List.of())));
      return hit.isEmpty() ? List.of() : units.stream().filter(hit::contains).toList();
    }

    /** The last two segments of a path as {@link PathMatch#segments} compares them, when both can match. */
    private static Optional<String> lastTwo(String path) {
      String[] a = path.replace('\\', '/').split("/+", 0);
      if (a.length < 2) return Optional.empty();
      String x = a[a.length - 2], y = a[a.length - 1];
      if (x.isEmpty() || y.isEmpty() || x.equals(".") || y.equals(".")) return Optional.empty();
      return Optional.of(x + "/" + y);
    }
  }

  /** The directory a Dockerfile or a compose {@code build:} builds, normalised. */
  private static Optional<String> buildDir(Deployment d) {
    if (d.kind() == DeploymentKind.DOCKERFILE) return Optional.of(norm(d.attributes().getOrDefault("context", parent(d.location().path()))));
    if (d.kind() == DeploymentKind.COMPOSE && d.attributes().containsKey("build")) return Optional.of(norm(d.attributes().get("build")));
    return Optional.empty();
  }

  /**
   * {@link #holding} for many paths: indexes built once (a fleet scan hashes tens of thousands of files).
   * Same answers: the first unit listing the file, else the deepest declared unit whose directory holds it, the earlier
   * unit on a tie.
   */
  static java.util.function.Function<String, Optional<CodeUnit>> holdingIndex(List<CodeUnit> units) {
    Map<String, CodeUnit> byFile = new java.util.HashMap<>();
    Map<String, Integer> byDir = new java.util.HashMap<>();
    for (int i = 0; i < units.size(); i++) {
      CodeUnit u = units.get(i);
      for (CodeAgent f : u.files()) byFile.putIfAbsent(f.path(), u);
      if (u.declared()) byDir.putIfAbsent(u.dir(), i);
    }
    return path -> {
      CodeUnit direct = byFile.get(path);
      if (direct != null) return Optional.of(direct);
      Integer best = byDir.get(path);
      for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
        Integer at = byDir.get(path.substring(0, i));
        if (at != null && (best == null || better(units, at, best))) best = at;
      }
      Integer root = byDir.get(".");
      if (root != null && (best == null || better(units, root, best))) best = root;
      return best == null ? Optional.empty() : Optional.of(units.get(best));
    };
  }

  /** Whether unit {@code a} beats {@code b} for {@link #holding}: a longer directory, or as long and listed earlier. */
  private static boolean better(List<CodeUnit> units, int a, int b) {
    int la = units.get(a).dir().length(), lb = units.get(b).dir().length();
    return la > lb || (la == lb && a < b);
  }

  /** The unit holding this file, if any. */
  static Optional<CodeUnit> holding(List<CodeUnit> units, String path) {
    for (CodeUnit u : units) if (u.files().stream().anyMatch(f -> f.path().equals(path))) return Optional.of(u);
    return units.stream().filter(u -> u.contains(path) && u.declared())
        .max(java.util.Comparator.comparingInt(u -> u.dir().length()));
  }

  /** Whether the unit builds this image (see the class contract). */
  static boolean builds(CodeUnit u, String image) {
    if (image.isEmpty()) return false;
    String repo = ImageName.repository(image);
    String last = repo.substring(repo.lastIndexOf('/') + 1);
    if (u.declared() && last.equals(u.dirName())) return true;
    for (Deployment b : u.builds()) {
      if (b.kind() == DeploymentKind.COMPOSE && b.images().stream().anyMatch(i -> ImageName.repository(i).equals(repo))) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsFile(String command, CodeUnit u) {
    for (String word : command.split("\\s+", -1)) {
      if (!word.contains("/") && !word.contains(".")) continue;
      for (CodeAgent f : u.files()) if (PathMatch.segments(word, f.path()) >= 2) return true;
    }
    return false;
  }

  private static String dirName(String dir, CodeScan code) {
    if (dir.equals(".")) {
      String root = code.roots().isEmpty() ? "repository" : code.roots().get(0).replaceAll("/+$", "");
      return root.substring(root.lastIndexOf('/') + 1);
    }
    return dir.substring(dir.lastIndexOf('/') + 1);
  }

  private static String parent(String path) {
    int i = path.lastIndexOf('/');
    return i < 0 ? "." : path.substring(0, i);
  }

  private static String norm(String dir) {
    String d = dir.replace('\\', '/');
    while (d.startsWith("./")) d = d.substring(2);
    while (d.endsWith("/") && d.length() > 1) d = d.substring(0, d.length() - 1);
    return d.isEmpty() ? "." : d;
  }
}

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
    List<CodeUnit> out = new ArrayList<>();
    for (Deployable d : code.deployables()) out.add(unit(d, code));
    return out;
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

  private static CodeUnit unit(Deployable d0, CodeScan code) {
    String dir = d0.dir();
    List<CodeAgent> files = d0.files();
    TreeSet<String> paths = new TreeSet<>();
    files.forEach(f -> paths.add(f.path()));
    List<Finding> findings = code.findings().stream().filter(f -> paths.contains(f.location().path())).toList();
    List<Deployment> builds = new ArrayList<>();
    for (Deployment d : code.deployments()) {
      boolean dockerfile = d0.declared() && d.kind() == DeploymentKind.DOCKERFILE
          && norm(d.attributes().getOrDefault("context", parent(d.location().path()))).equals(dir);
      boolean compose = d0.declared() && d.kind() == DeploymentKind.COMPOSE && norm(d.attributes().getOrDefault("build", "\0")).equals(dir);
      if (dockerfile || compose) builds.add(d);
    }
    CodeUnit partial = new CodeUnit(dir, d0.name(), dirName(dir, code), d0.declared(), files, findings, List.of(), builds);
    List<Deployment> manifests = new ArrayList<>();
    for (Deployment d : code.deployments()) {
      if (d.kind() == DeploymentKind.DOCKERFILE) continue;
      boolean runs = builds.contains(d) || d.images().stream().anyMatch(i -> builds(partial, i))
          || d.scripts().stream().anyMatch(partial::contains)
          || d.commands().stream().anyMatch(c -> mentionsFile(c, partial));
      if (runs) manifests.add(d);
    }
    return new CodeUnit(dir, d0.name(), partial.dirName(), d0.declared(), files, findings, manifests, builds);
  }

  private static boolean mentionsFile(String command, CodeUnit u) {
    for (String word : command.split("\\s+")) {
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

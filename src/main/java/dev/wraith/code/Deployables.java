package dev.wraith.code;

import dev.wraith.catalogue.ImageName;
import dev.wraith.code.Detection.ModuleName;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.Deployable;
import dev.wraith.model.Deployable.Naming;
import dev.wraith.model.Deployment;
import dev.wraith.model.DeploymentKind;
import dev.wraith.model.Finding;
import dev.wraith.model.FindingKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups AI files into deployables, the one grouping both {@code scan} and {@code scan-all} show.
 *
 * <p>A file belongs to the deepest directory that contains it and is declared as a unit: a manifest's directory (any
 * module manifest, or one declaring an AI dependency), a Dockerfile's build context, a compose service's build
 * directory. A file under none of them belongs to its own directory. A unit is named by the module its manifest
 * declares, else by the compose service that builds it or the Kubernetes/Helm workload running an image named like
 * its directory, else by its directory's last segment. Names that collide get the shortest path suffix that tells
 * their directories apart, so two deployables never share a name and none is called by a bare file name.
 */
public final class Deployables {
  private Deployables() {}

  public static List<Deployable> group(List<String> roots, List<CodeAgent> agents, List<Finding> findings,
      List<Deployment> deployments, List<ModuleName> modules) {
    Map<String, String> moduleByDir = moduleByDir(modules);
    TreeSet<String> declared = new TreeSet<>(moduleByDir.keySet());
    for (Deployment d : deployments) {
      if (d.kind() == DeploymentKind.DOCKERFILE) declared.add(norm(d.attributes().getOrDefault("context", parent(d.location().path()))));
      if (d.kind() == DeploymentKind.COMPOSE && d.attributes().containsKey("build")) declared.add(norm(d.attributes().get("build")));
    }
    for (Finding f : findings) if (f.kind() == FindingKind.DEPENDENCY) declared.add(parent(f.location().path()));
    Map<String, List<CodeAgent>> byDir = new TreeMap<>();
    for (CodeAgent a : agents) byDir.computeIfAbsent(unitDir(a.path(), declared), k -> new ArrayList<>()).add(a);
    Workloads workloads = Workloads.of(deployments);
    List<Draft> drafts = new ArrayList<>();
    byDir.forEach((dir, files) -> drafts.add(draft(dir, files, declared.contains(dir), moduleByDir, workloads, roots)));
    return unique(drafts);
  }

  private record Draft(String name, String dir, Naming naming, boolean declared, List<CodeAgent> files) {}

  private static Draft draft(String dir, List<CodeAgent> files, boolean declared, Map<String, String> modules,
      Workloads workloads, List<String> roots) {
    if (modules.containsKey(dir)) return new Draft(modules.get(dir), dir, Naming.MODULE, declared, files);
    Optional<String> workload = workloads.naming(dir);
    if (workload.isPresent()) return new Draft(workload.get(), dir, Naming.WORKLOAD, declared, files);
    return new Draft(lastSegment(dir, roots), dir, Naming.DIRECTORY, declared, files);
  }

  /**
   * The deployments indexed once per grouping (a fleet join has tens of thousands of directories and deployments):
   * the first compose service building each directory, and the workloads running an image by its last segment.
   */
  private record Workloads(Map<String, String> composeByBuild, Map<String, TreeSet<String>> byImageName) {
    static Workloads of(List<Deployment> deployments) {
      Map<String, String> compose = new HashMap<>();
      Map<String, TreeSet<String>> byImage = new HashMap<>();
      for (Deployment d : deployments) {
        if (d.kind() == DeploymentKind.COMPOSE && d.attributes().containsKey("build")) {
          compose.putIfAbsent(norm(d.attributes().get("build")), d.name());
        }
        if (d.kind() == DeploymentKind.DOCKERFILE || d.kind() == DeploymentKind.COMPOSE) continue;
        for (String image : d.images()) {
          String repo = ImageName.repository(image);
          byImage.computeIfAbsent(repo.substring(repo.lastIndexOf('/') + 1), k -> new TreeSet<>()).add(d.name());
        }
      }
      return new Workloads(compose, byImage);
    }

    /** The compose service building the directory, else the one workload running an image named like it. */
    Optional<String> naming(String dir) {
      String service = composeByBuild.get(dir);
      if (service != null) return Optional.of(service);
      if (dir.equals(".")) return Optional.empty();
      TreeSet<String> names = byImageName.get(dir.substring(dir.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT));
      return names != null && names.size() == 1 ? Optional.of(names.first()) : Optional.empty();
    }
  }

  /**
   * Colliding names become unique: a directory name becomes the shortest path suffix that tells its directory apart
   * ({@code a/agents}, {@code b/agents}); a module or workload name gets that suffix without the segments all the
   * colliding directories end with ({@code marketing_posts (crews)}, {@code marketing_posts (nvidia_models)}).
   */
  private static List<Deployable> unique(List<Draft> drafts) {
    Map<String, List<Draft>> byName = new HashMap<>();
    for (Draft d : drafts) byName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
    List<Deployable> out = new ArrayList<>();
    TreeSet<String> used = new TreeSet<>();
    for (Draft d : drafts) {
      List<String> others = byName.get(d.name()).stream().map(Draft::dir).filter(x -> !x.equals(d.dir())).toList();
      String name = d.name();
      if (!others.isEmpty()) {
        String suffix = distinguishing(d.dir(), others);
        name = d.naming() == Naming.DIRECTORY ? suffix : d.name() + " (" + withoutCommonTail(suffix, d.dir(), others) + ")";
      }
      if (!used.add(name)) name = name + " (" + d.dir() + ")"; // a suffix equal to another's own name: the full path settles it
      used.add(name);
      out.add(new Deployable(name, d.dir(), d.naming(), d.declared(), d.files()));
    }
    return out;
  }

  /** The shortest trailing run of segments of {@code dir} that no other directory ends with the same way. */
  static String distinguishing(String dir, List<String> others) {
    String[] segs = segments(dir);
    for (int k = 1; k <= segs.length; k++) {
      String suffix = suffixOf(dir, k);
      boolean clash = false;
      for (String o : others) clash |= suffixOf(o, k).equals(suffix);
      if (!clash) return suffix;
    }
    return dir;
  }

  /** The suffix less the trailing segments {@code dir} shares with every other directory. */
  private static String withoutCommonTail(String suffix, String dir, List<String> others) {
    String[] segs = segments(suffix);
    int common = 0;
    while (common < segs.length - 1) {
      String tail = suffixOf(dir, common + 1);
      boolean all = true;
      for (String o : others) all &= suffixOf(o, common + 1).equals(tail);
      if (!all) break;
      common++;
    }
    return String.join("/", java.util.Arrays.copyOfRange(segs, 0, segs.length - common));
  }

  private static String suffixOf(String dir, int k) {
    String[] segs = segments(dir);
    int from = Math.max(0, segs.length - k);
    return String.join("/", java.util.Arrays.copyOfRange(segs, from, segs.length));
  }

  /** The deepest declared directory containing {@code path} ("." contains every path), else the path's own directory. */
  private static String unitDir(String path, java.util.Set<String> declared) {
    for (int i = path.lastIndexOf('/'); i >= 0; i = path.lastIndexOf('/', i - 1)) {
      String ancestor = path.substring(0, i);
      if (declared.contains(ancestor)) return ancestor;
    }
    return declared.contains(".") ? "." : parent(path);
  }

  private static String lastSegment(String dir, List<String> roots) {
    if (!dir.equals(".")) return dir.substring(dir.lastIndexOf('/') + 1);
    String root = roots.isEmpty() ? "repository" : roots.get(0).replaceAll("/+$", "");
    String name = root.substring(root.lastIndexOf('/') + 1);
    if (!name.isEmpty() && !name.equals(".")) return name;
    java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath().getFileName();
    return cwd == null ? "repository" : cwd.toString();
  }

  /** A path's '/'-separated segments as {@code String.split} gives them: trailing empty segments dropped. */
  private static String[] segments(String path) {
    if (path.isEmpty()) return new String[] {""};
    String[] s = path.split("/", -1);
    int n = s.length;
    while (n > 0 && s[n - 1].isEmpty()) n--;
    return n == s.length ? s : java.util.Arrays.copyOf(s, n);
  }

  /** The module each directory's manifest declares (the first manifest by path, when a directory has two), by directory. */
  static Map<String, String> moduleByDir(List<ModuleName> modules) {
    Map<String, String> byDir = new TreeMap<>();
    for (ModuleName m : modules.stream().sorted(java.util.Comparator.comparing(ModuleName::manifest)).toList()) {
      byDir.putIfAbsent(parent(m.manifest()), m.name());
    }
    return byDir;
  }

  static String parent(String path) {
    int i = path.lastIndexOf('/');
    return i < 0 ? "." : path.substring(0, i);
  }

  static String norm(String dir) {
    String d = dir.replace('\\', '/');
    while (d.startsWith("./")) d = d.substring(2);
    while (d.endsWith("/") && d.length() > 1) d = d.substring(0, d.length() - 1);
    return d.isEmpty() ? "." : d;
  }
}

package dev.wraith.code;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.catalogue.Signature;
import dev.wraith.code.Detection.ModuleName;
import dev.wraith.code.Detection.Published;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.Deployable;
import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Takes out of a scan's agents the units that are an AI library's own source (an SDK's or framework's repository, a
 * fork of it, a vendored copy): a unit whose manifest publishes exactly a package that a catalogue signature of the same
 * ecosystem lists, both names compared after the ecosystem's own normalisation ({@link Ecosystem#normalisePackage}).
 * Maven compares whole coordinates ({@code groupId:artifactId}); a Gradle build that leaves its group to an enclosing
 * build takes the group of the nearest enclosing directory's Maven manifest. Names are compared whole, never by prefix
 * or substring, so a service that depends on an SDK, or is named like one ({@code openai-proxy}), stays an agent.
 *
 * <p>The library's files stay findings; they are only not agents, and the code layer's note names the units taken out.
 */
public final class LibrarySources {
  /** How many units the note names before "+N more". */
  static final int NAMED = 10;

  private LibrarySources() {}

  /**
   * The agents and deployables that remain once library units are taken out (grouped again without them, so names
   * are what a scan of the remaining files gives), and the notes naming the units taken out (none when there are none).
   */
  public record Split(List<CodeAgent> agents, List<Deployable> deployables, List<String> notes) {
    public Split {
      agents = List.copyOf(agents);
      deployables = List.copyOf(deployables);
      notes = List.copyOf(notes);
    }
  }

  /** Groups the agents into deployables ({@link Deployables#group}) and takes library units out. */
  public static Split split(Catalogue catalogue, List<String> roots, List<CodeAgent> agents, List<Finding> findings,
      List<Deployment> deployments, List<ModuleName> modules, List<Published> published) {
    List<Deployable> all = Deployables.group(roots, agents, findings, deployments, modules);
    Map<String, String> libraries = libraryDirs(catalogue, published);
    List<Deployable> taken = all.stream().filter(d -> d.declared() && libraries.containsKey(d.dir())).toList();
    if (taken.isEmpty()) return new Split(agents, all, List.of());
    Set<String> takenFiles = new HashSet<>();
    for (Deployable d : taken) d.files().forEach(f -> takenFiles.add(f.path()));
    List<CodeAgent> kept = agents.stream().filter(a -> !takenFiles.contains(a.path())).toList();
    // the name its manifest declares, before a collision suffix
    Map<String, String> moduleByDir = Deployables.moduleByDir(modules);
    List<String> named = taken.stream()
        .map(d -> moduleByDir.getOrDefault(d.dir(), d.name()) + " (" + libraries.get(d.dir()) + ")").sorted().toList();
    return new Split(kept, Deployables.group(roots, kept, findings, deployments, modules), List.of(note(named)));
  }

  /** "2 modules are AI libraries' own source, not agents: rig-core (rig), rig-qdrant (rig)", the first {@link #NAMED}. */
  static String note(List<String> named) {
    String head = named.size() == 1 ? "1 module is an AI library's own source, not an agent: "
        : named.size() + " modules are AI libraries' own source, not agents: ";
    String listed = String.join(", ", named.subList(0, Math.min(NAMED, named.size())));
    return head + listed + (named.size() > NAMED ? ", +" + (named.size() - NAMED) + " more" : "");
  }

  /** The directories whose manifest publishes a catalogue package, with the signature listing it. */
  static Map<String, String> libraryDirs(Catalogue catalogue, List<Published> published) {
    Map<Ecosystem, Map<String, String>> index = index(catalogue);
    Map<String, String> groups = mavenGroups(published);
    Map<String, String> out = new TreeMap<>();
    for (Published p : sorted(published)) {
      String name = p.name();
      if (name.isEmpty()) continue;
      if (p.ecosystem() == Ecosystem.MAVEN) {
        String group = p.group().isEmpty() ? enclosingGroup(Deployables.parent(p.manifest()), groups) : p.group();
        if (group.isEmpty()) continue;
        name = group + ":" + name;
      }
      String signature = index.get(p.ecosystem()).get(p.ecosystem().normalisePackage(name));
      if (signature != null) out.putIfAbsent(Deployables.parent(p.manifest()), signature);
    }
    return out;
  }

  /** Each ecosystem's packages, normalised, to the id of the first signature (by id) listing them. */
  private static Map<Ecosystem, Map<String, String>> index(Catalogue catalogue) {
    Map<Ecosystem, Map<String, String>> index = new EnumMap<>(Ecosystem.class);
    for (Ecosystem e : Ecosystem.values()) index.put(e, new HashMap<>());
    List<Signature> signatures = catalogue.signatures().stream().sorted(Comparator.comparing(Signature::id)).toList();
    for (Signature s : signatures) {
      for (String pkg : s.packages()) index.get(s.ecosystem()).putIfAbsent(s.ecosystem().normalisePackage(pkg), s.id());
    }
    return index;
  }

  /** The groupId each directory's Maven manifest declares (the first manifest by path, when a directory has two). */
  private static Map<String, String> mavenGroups(List<Published> published) {
    Map<String, String> groups = new HashMap<>();
    for (Published p : sorted(published)) {
      if (p.ecosystem() == Ecosystem.MAVEN && !p.group().isEmpty()) groups.putIfAbsent(Deployables.parent(p.manifest()), p.group());
    }
    return groups;
  }

  /** The group of the nearest directory enclosing {@code dir} (the scan root "." last) that declares one, or "". */
  private static String enclosingGroup(String dir, Map<String, String> groups) {
    String d = dir;
    while (!d.equals(".")) {
      d = Deployables.parent(d);
      String g = groups.get(d);
      if (g != null) return g;
    }
    return "";
  }

  private static List<Published> sorted(List<Published> published) {
    return published.stream().sorted(Comparator.comparing(Published::manifest)).toList();
  }
}

package dev.wraith.correlate;

import dev.wraith.model.Deployment;
import dev.wraith.model.DeploymentKind;
import java.util.List;
import java.util.TreeSet;

/**
 * A code agent as correlation sees it, for people and other tools (a code inventory lists these): the deployable
 * unit's directory and name, its AI files, the files that build it, the images the tree shows it built as, and the
 * workloads declared to run it. Correlation itself works from the code scan; this is a view of its units.
 *
 * @param dir the unit's directory, or the file's path when the file belongs to no unit
 * @param builtBy Dockerfiles and compose files that build the unit (paths)
 * @param images images named in the tree that the unit builds (by the unit's name, or a compose {@code build:})
 * @param workloads workloads declared to run the unit
 */
public record DeployableUnit(String dir, String name, List<String> files, List<String> providers, List<String> frameworks,
    List<String> builtBy, List<String> images, List<DeclaredWorkload> workloads) {
  /** A workload a manifest declares: kind ("Deployment", "compose service", ...), namespace ("" when none), name, file. */
  public record DeclaredWorkload(String kind, String namespace, String name, String file) {}

  public DeployableUnit {
    files = List.copyOf(files);
    providers = List.copyOf(providers);
    frameworks = List.copyOf(frameworks);
    builtBy = List.copyOf(builtBy);
    images = List.copyOf(images);
    workloads = List.copyOf(workloads);
  }

  static DeployableUnit of(CodeUnit u) {
    TreeSet<String> images = new TreeSet<>();
    for (Deployment d : u.manifests()) for (String i : d.images()) if (CodeUnits.builds(u, i)) images.add(i);
    for (Deployment b : u.builds()) if (b.kind() == DeploymentKind.COMPOSE) images.addAll(b.images());
    return new DeployableUnit(u.dir(), u.name(), u.files().stream().map(f -> f.path()).toList(), u.providers(),
        u.files().stream().flatMap(f -> f.frameworks().stream()).distinct().sorted().toList(),
        u.builds().stream().map(b -> b.location().path()).distinct().sorted().toList(), List.copyOf(images),
        u.manifests().stream().map(m -> new DeclaredWorkload(m.workloadKind(), m.namespace(), m.name(), m.location().path()))
            .distinct().sorted(java.util.Comparator.comparing(DeclaredWorkload::file).thenComparing(DeclaredWorkload::kind)
                .thenComparing(DeclaredWorkload::namespace).thenComparing(DeclaredWorkload::name)).toList());
  }
}

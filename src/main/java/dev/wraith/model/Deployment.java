package dev.wraith.model;

import java.util.Comparator;
import java.util.List;

/**
 * How code in the scanned tree is shipped: an image a Dockerfile builds, a workload a manifest declares.
 * Correlation joins these to what runs in the cluster.
 *
 * @param name the workload or compose service name; for a Dockerfile, its directory
 * @param workloadKind Deployment, StatefulSet, CronJob, compose service, image, ...
 * @param namespace the Kubernetes namespace when declared, else ""
 * @param images image references this unit runs or (for a Dockerfile) starts from
 * @param commands entrypoints and commands, each as one space-joined line
 * @param envVars names of environment variables it sets (never values)
 * @param scripts files from the tree the unit copies or runs (relative paths, best effort)
 * @param envSources where further variables come from, as {@code secret:NAME}, {@code configmap:NAME} or
 *     {@code file:PATH}; names of the sources only, never their contents
 * @param attributes extra identity facts (build context, stage, name prefix, installed AI packages, ...);
 *     never a value of a variable or a secret
 */
public record Deployment(
    DeploymentKind kind,
    Location location,
    String name,
    String workloadKind,
    String namespace,
    List<String> images,
    List<String> commands,
    List<String> envVars,
    List<String> scripts,
    List<String> envSources,
    java.util.SortedMap<String, String> attributes) implements Comparable<Deployment> {

  private static final Comparator<Deployment> ORDER =
      Comparator.comparing(Deployment::location).thenComparing(Deployment::kind).thenComparing(Deployment::name);

  public Deployment {
    if (kind == null || location == null || name == null || workloadKind == null || namespace == null) {
      throw new NullPointerException("deployment fields are never null");
    }
    images = List.copyOf(images);
    commands = List.copyOf(commands);
    envVars = List.copyOf(envVars);
    scripts = List.copyOf(scripts);
    envSources = List.copyOf(envSources);
    attributes = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(attributes));
  }

  /** A deployment without env sources or attributes. */
  public Deployment(DeploymentKind kind, Location location, String name, String workloadKind, String namespace,
      List<String> images, List<String> commands, List<String> envVars, List<String> scripts) {
    this(kind, location, name, workloadKind, namespace, images, commands, envVars, scripts, List.of(),
        java.util.Collections.emptySortedMap());
  }

  @Override
  public int compareTo(Deployment o) {
    return ORDER.compare(this, o);
  }
}

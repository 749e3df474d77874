package dev.wraith.correlate;

import dev.wraith.model.CodeAgent;
import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import java.util.List;

/**
 * A code agent: the files using AI in one deployable unit of the scanned tree, with its deployment identity.
 *
 * @param dir the unit's directory relative to the scan root ("." for the root), or the file's path when the file
 *     belongs to no unit
 * @param files the files using AI, sorted
 * @param findings their code findings
 * @param manifests workloads declared in the tree that run this unit (Kubernetes, Helm, Kustomize, Compose)
 * @param builds Dockerfiles and compose build sections that build this unit
 */
record CodeUnit(String dir, String name, List<CodeAgent> files, List<Finding> findings, List<Deployment> manifests,
    List<Deployment> builds) {
  CodeUnit {
    files = List.copyOf(files);
    findings = List.copyOf(findings);
    manifests = List.copyOf(manifests);
    builds = List.copyOf(builds);
  }

  List<String> providers() {
    return files.stream().flatMap(f -> f.providers().stream()).distinct().sorted().toList();
  }

  List<String> capabilities() {
    return files.stream().flatMap(f -> f.capabilities().stream()).distinct().sorted().toList();
  }

  /** A file that belongs to no deployable unit is a unit of its own. */
  boolean singleFile() {
    return files.size() == 1 && files.get(0).path().equals(dir);
  }

  /** Whether this path is the unit's file or lies in its directory. */
  boolean contains(String path) {
    if (dir.equals(".")) return true;
    return path.equals(dir) || path.startsWith(dir + "/");
  }
}

package dev.wraith.correlate;

import dev.wraith.model.CodeAgent;
import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import java.util.List;

/**
 * A code agent: the files using AI in one deployable unit of the scanned tree, with its deployment identity.
 *
 * @param dir the unit's directory relative to the scan root ("." for the root)
 * @param name the deployable's name, unique in the scan
 * @param dirName the directory's own name (the scan root's for "."), which images built from it are named after
 * @param declared whether a manifest, Dockerfile or compose build declares the directory; when not, the unit is only
 *     its files (loose files that happen to share a directory)
 * @param files the files using AI, sorted
 * @param findings their code findings
 * @param manifests workloads declared in the tree that run this unit (Kubernetes, Helm, Kustomize, Compose)
 * @param builds Dockerfiles and compose build sections that build this unit
 */
record CodeUnit(String dir, String name, String dirName, boolean declared, List<CodeAgent> files, List<Finding> findings, List<Deployment> manifests,
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

  /** Whether this path is one of the unit's files or, for a declared unit, lies in its directory. */
  boolean contains(String path) {
    if (!declared) return files.stream().anyMatch(f -> f.path().equals(path));
    if (dir.equals(".")) return true;
    return path.equals(dir) || path.startsWith(dir + "/");
  }
}

package dev.wraith.model;

import java.util.List;

/**
 * The code layer's result for one scan: the files that use AI (agents), grouped into deployables, every finding,
 * deployment identity and model use, sorted, with the layer's status and counters.
 */
public record CodeScan(
    List<String> roots,
    List<CodeAgent> agents,
    List<Deployable> deployables,
    List<Finding> findings,
    List<Deployment> deployments,
    List<ModelUse> models,
    LayerStatus status,
    Stats stats) {

  /** Counters for the walk; bytes are what was read, parsed files those that passed the prefilter. */
  public record Stats(long filesSeen, long filesRead, long filesParsed, long bytesRead, long skipped, long millis) {}

  public CodeScan {
    roots = List.copyOf(roots);
    agents = agents.stream().sorted(java.util.Comparator.comparing(CodeAgent::path)).toList();
    deployables = deployables.stream().sorted(java.util.Comparator.comparing(Deployable::name)
        .thenComparing(Deployable::dir)).toList();
    findings = findings.stream().sorted().toList();
    deployments = deployments.stream().sorted().toList();
    models = models.stream().sorted().toList();
  }
}

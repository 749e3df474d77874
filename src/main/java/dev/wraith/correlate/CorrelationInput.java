package dev.wraith.correlate;

import dev.wraith.model.ClusterScan;
import dev.wraith.model.CodeScan;
import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.McpFinding;
import dev.wraith.model.PriorState;
import dev.wraith.model.ScanReport;
import dev.wraith.model.TetragonScan;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one correlation needs. Layers that did not run are empty; their status is in {@code layers}.
 *
 * @param codeFileHashes hex SHA-256 of files in the scanned tree by their path as the code layer reports it
 *     (relative, '/'-separated); the caller hashes the candidates it wants compared with entry scripts the host
 *     layer read (at least every {@link dev.wraith.model.CodeAgent#path()} and Dockerfile script), or passes none
 * @param hosts the host layer's scans, each with the node it ran on ("" when unknown): one for scan-all, one per
 *     node sensor in the cluster
 * @param stateEnabled false with --no-state: every agent's change is UNTRACKED
 */
public record CorrelationInput(
    ScanReport.Tool tool,
    Instant scanTime,
    Optional<CodeScan> code,
    Optional<ClusterScan> cluster,
    List<NodeHost> hosts,
    Optional<TetragonScan> tetragon,
    List<McpFinding> mcp,
    AllowList allowList,
    PriorState prior,
    boolean stateEnabled,
    List<LayerStatus> layers,
    Map<String, String> codeFileHashes) {

  /** One node's host-layer scan. */
  public record NodeHost(String node, HostScan scan) {
    public NodeHost {
      if (node == null || scan == null) throw new NullPointerException();
    }
  }

  public CorrelationInput {
    if (tool == null || scanTime == null || code == null || cluster == null || hosts == null || tetragon == null
        || allowList == null || prior == null) {
      throw new NullPointerException("correlation input fields are never null");
    }
    mcp = List.copyOf(mcp);
    hosts = List.copyOf(hosts);
    layers = List.copyOf(layers);
    codeFileHashes = Map.copyOf(codeFileHashes);
  }

  /** An input with no layers, no state, no allow-list: start here and add with the {@code with} methods. */
  public static CorrelationInput of(ScanReport.Tool tool, Instant scanTime) {
    return new CorrelationInput(tool, scanTime, Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
        List.of(), AllowList.EMPTY, PriorState.NONE, false, List.of(), Map.of());
  }

  public CorrelationInput withCode(CodeScan c, Map<String, String> hashes) {
    return new CorrelationInput(tool, scanTime, Optional.of(c), cluster, hosts, tetragon, mcp, allowList, prior,
        stateEnabled, layers, hashes);
  }

  public CorrelationInput withCluster(ClusterScan c) {
    return new CorrelationInput(tool, scanTime, code, Optional.of(c), hosts, tetragon, mcp, allowList, prior, stateEnabled,
        layers, codeFileHashes);
  }

  public CorrelationInput withHost(HostScan h, String node) {
    List<NodeHost> all = new java.util.ArrayList<>(hosts);
    all.add(new NodeHost(node, h));
    return new CorrelationInput(tool, scanTime, code, cluster, all, tetragon, mcp, allowList, prior,
        stateEnabled, layers, codeFileHashes);
  }

  public CorrelationInput withTetragon(TetragonScan t) {
    return new CorrelationInput(tool, scanTime, code, cluster, hosts, Optional.of(t), mcp, allowList, prior, stateEnabled,
        layers, codeFileHashes);
  }

  public CorrelationInput withMcp(List<McpFinding> m) {
    return new CorrelationInput(tool, scanTime, code, cluster, hosts, tetragon, m, allowList, prior, stateEnabled, layers,
        codeFileHashes);
  }

  public CorrelationInput withAllowList(AllowList a) {
    return new CorrelationInput(tool, scanTime, code, cluster, hosts, tetragon, mcp, a, prior, stateEnabled, layers,
        codeFileHashes);
  }

  /** Prior state from the state database; {@code enabled} false for --no-state. */
  public CorrelationInput withState(PriorState p, boolean enabled) {
    return new CorrelationInput(tool, scanTime, code, cluster, hosts, tetragon, mcp, allowList, p, enabled, layers,
        codeFileHashes);
  }

  /** The status of every layer, in the order reports list them (including skipped ones, with why). */
  public CorrelationInput withLayers(List<LayerStatus> l) {
    return new CorrelationInput(tool, scanTime, code, cluster, hosts, tetragon, mcp, allowList, prior, stateEnabled, l,
        codeFileHashes);
  }

  /** Whether some layer that sees running things ran (so "not seen now" means something). */
  boolean runtimeObserved() {
    return hosts.stream().anyMatch(h -> ran(h.scan().status())) || tetragon.map(t -> ran(t.status())).orElse(false)
        || cluster.map(c -> ran(c.status())).orElse(false);
  }

  private static boolean ran(LayerStatus s) {
    return s.state() == LayerStatus.State.RAN || s.state() == LayerStatus.State.PARTIAL;
  }
}

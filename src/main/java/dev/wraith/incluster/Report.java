package dev.wraith.incluster;

import java.util.Map;
import java.util.TreeMap;

/**
 * One wraith custom resource as the {@link ReportStore} port reads and writes it: kind, place, our labels and
 * annotations, and the body (everything beside apiVersion, kind and metadata: {@code spec}, {@code status}).
 *
 * @param namespace "" for the cluster-scoped summary
 * @param resourceVersion as read from the server; "" for a resource not yet written
 */
public record Report(Kind kind, String namespace, String name, Map<String, String> labels,
    Map<String, String> annotations, Map<String, Object> body, String resourceVersion) {
  public static final String GROUP = "wraith.dev", VERSION = "v1alpha1";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by", WRAITH = "wraith";
  /** Hash of what wraith wrote (body and labels): an equal hash means the object needs no update. */
  public static final String CONTENT_HASH = "wraith.dev/content-hash";

  /** The two resource types wraith owns; nothing else is ever written. */
  public enum Kind {
    AGENT_REPORT("AgentReport", "agentreports", true),
    CLUSTER_SUMMARY("ClusterAgentSummary", "clusteragentsummaries", false);

    private final String kind, plural;
    private final boolean namespaced;

    Kind(String kind, String plural, boolean namespaced) {
      this.kind = kind;
      this.plural = plural;
      this.namespaced = namespaced;
    }

    public String kind() {
      return kind;
    }

    public String plural() {
      return plural;
    }

    public boolean namespaced() {
      return namespaced;
    }
  }

  public Report {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    body = java.util.Collections.unmodifiableMap(new TreeMap<>(body));
  }

  /** "namespace/name", or "name" for a cluster-scoped object. */
  public String ref() {
    return namespace.isEmpty() ? name : namespace + "/" + name;
  }

  public String contentHash() {
    return annotations.getOrDefault(CONTENT_HASH, "");
  }

  public Report withResourceVersion(String version) {
    return new Report(kind, namespace, name, labels, annotations, body, version);
  }
}

package dev.wraith.incluster;

import java.util.Map;
import java.util.TreeMap;

/**
 * One custom resource wraith writes, as the {@link ReportStore} port reads and writes it: kind, place, our labels and
 * annotations, and the body (everything beside apiVersion, kind and metadata: {@code spec} and {@code status} for
 * wraith's own kinds, the top-level fields {@code source}, {@code summary}, {@code results} for OpenReports).
 *
 * @param namespace "" for the cluster-scoped summary
 * @param resourceVersion as read from the server; "" for a resource not yet written
 */
public record Report(Kind kind, String namespace, String name, Map<String, String> labels,
    Map<String, String> annotations, Map<String, Object> body, String resourceVersion) {
  public static final String GROUP = "wraith.dev", VERSION = "v1alpha1";
  public static final String OPEN_REPORTS_GROUP = "openreports.io";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by", WRAITH = "wraith";
  /** Hash of what wraith wrote (body and labels): an equal hash means the object needs no update. */
  public static final String CONTENT_HASH = "wraith.dev/content-hash";

  /** The resource types wraith writes: its own two, and OpenReports' two; nothing else is ever written. */
  public enum Kind {
    AGENT_REPORT("AgentReport", "agentreports", true, GROUP),
    CLUSTER_SUMMARY("ClusterAgentSummary", "clusteragentsummaries", false, GROUP),
    OPEN_REPORT("Report", "reports", true, OPEN_REPORTS_GROUP),
    OPEN_CLUSTER_REPORT("ClusterReport", "clusterreports", false, OPEN_REPORTS_GROUP);

    private final String kind, plural, group;
    private final boolean namespaced;

    Kind(String kind, String plural, boolean namespaced, String group) {
      this.kind = kind;
      this.plural = plural;
      this.namespaced = namespaced;
      this.group = group;
    }

    /** API group; every kind is at version {@value Report#VERSION}. */
    public String group() {
      return group;
    }

    public String apiVersion() {
      return group + "/" + VERSION;
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

  /**
   * This object as the update of {@code current}: at its resourceVersion, with the labels and annotations other tools
   * put on it kept (ours win on the same key), so that an update needs no second read.
   */
  public Report over(Report current) {
    Map<String, String> l = new TreeMap<>(current.labels()), a = new TreeMap<>(current.annotations());
    l.putAll(labels);
    a.putAll(annotations);
    return new Report(kind, namespace, name, l, a, body, current.resourceVersion());
  }
}

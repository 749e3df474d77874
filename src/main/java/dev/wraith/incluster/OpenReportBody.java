package dev.wraith.incluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The body of an OpenReports {@code Report} or {@code ClusterReport} ({@code openreports.io/v1alpha1}): its top-level
 * fields beside apiVersion, kind and metadata, as the OpenReports API declares them ({@code deploy/openreports/}).
 * wraith sets no {@code scope}: a Report covers its namespace, the ClusterReport the nodes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpenReportBody(String source, Summary summary, List<Result> results) {

  /** Results per outcome: the OpenReports summary. */
  public record Summary(int pass, int fail, int warn, int error, int skip) {}

  /**
   * One agent as a policy result.
   *
   * @param policy always {@value OpenReports#POLICY}
   * @param rule the classification as a rule id: ghost, shadow-ai, zombie, unknown, confirmed
   * @param result fail (GHOST), warn (ZOMBIE, SHADOW AI) or pass (CONFIRMED, UNKNOWN)
   * @param severity the agent's risk: critical, high, medium, low
   * @param timestamp when the agent was first seen running, if it was
   * @param resources the workload or node it runs on
   * @param message the classification and the main reason
   * @param properties string facts: agent id, name, AgentReport, providers, where, change
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(String source, String policy, String rule, String category, String severity, Timestamp timestamp,
      String result, List<ObjectRef> resources, String message, Map<String, String> properties) {}

  /** A protobuf Timestamp, as metav1.Timestamp serializes. */
  public record Timestamp(long seconds, int nanos) {}

  /** A corev1.ObjectReference, reduced to what wraith knows. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ObjectRef(String apiVersion, String kind, String namespace, String name) {}
}

package dev.wraith.incluster;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code spec} of an AgentReport: one inventory agent, as {@code deploy/crds/agentreports.wraith.dev.yaml}
 * declares it. Process arguments are left out on purpose: AgentReports are readable by anyone who may read the CRD,
 * and an argument list is where a credential the masking missed would hide. Lists are capped so that one object
 * stays far below etcd's size limit; {@code truncated} says how many entries were dropped.
 *
 * @param where the printer column "Workload": namespace/kind/name, node and script, or "code"
 * @param providerNames the printer column "Providers": provider ids joined by commas, or "-"
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentReportSpec(String agentId, String name, String classification, String risk, String where,
    String providerNames, List<String> providers, List<String> capabilities, List<String> reach, List<String> reasons,
    Workload workload, ProcessRef process, List<Code> code, List<Connection> connections, List<Evidence> evidence,
    Truncated truncated) {

  public record Workload(String namespace, String kind, String name, String container) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ProcessRef(String node, int pid, String binary, String script, boolean execed, String execedBy) {}

  public record Code(String path, int line, String ruleId) {}

  public record Connection(String provider, String host, String ip, int port, String method, String layer, long count,
      String firstSeen, String lastSeen) {}

  public record Evidence(String layer, String detail) {}

  /** Entries dropped from each capped list (null when nothing was). */
  public record Truncated(int code, int connections, int evidence) {}

  /**
   * The {@code status}: when the agent was seen, relative to the previous scan. Written together with the spec
   * (the CRD has no status subresource), so one write per changed agent.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Status(String firstSeen, String lastSeen, String change) {}
}

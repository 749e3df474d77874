package dev.wraith.incluster;

import java.util.List;
import java.util.Map;

/**
 * The {@code spec} of the cluster-scoped ClusterAgentSummary named {@code cluster}: counts per class and risk, what
 * each layer did, and how the last publish went, so a failed write is visible where the reports are.
 *
 * @param byClassification every class, zero included (keys as in JSON: GHOST, SHADOW_AI, ...)
 * @param byRisk every risk level, zero included
 */
public record SummarySpec(String scanTime, String toolVersion, String catalogueVersion, int agents, int ghosts,
    int critical, Map<String, Integer> byClassification, Map<String, Integer> byRisk, List<Layer> layers,
    Publish publish) {

  /** One layer's state; {@code warnings} is a count, the texts stay in the scanner's log. */
  public record Layer(String layer, String state, String reason, int warnings) {}

  /** {@code errors}: the first few failures, each "verb kind ref: code reason". */
  public record Publish(int created, int updated, int unchanged, int deleted, int failed, List<String> errors) {}
}

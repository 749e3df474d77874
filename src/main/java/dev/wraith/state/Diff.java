package dev.wraith.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wraith.model.Classification;
import dev.wraith.model.Risk;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two recorded scans. Each list is sorted most alarming first, then by id.
 *
 * @param added agents the later scan lists and the earlier one does not (NEW)
 * @param gone agents the earlier scan lists and the later one does not (GONE)
 * @param changed agents in both whose classification, risk or evidence digest differs (CHANGED)
 */
public record Diff(ScanSummary from, ScanSummary to, List<Agent> added, List<Agent> gone, List<Change> changed) {
  /**
   * An agent as one scan listed it; {@code inactive} when that scan listed it as no longer seen running; {@code cluster}
   * the cluster its workload runs in when scans named clusters (left out of the JSON when "").
   */
  public record Agent(String id, String name, Classification classification, Risk risk, boolean inactive,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) String cluster) {}

  /** The same agent in both scans; {@code evidenceChanged} when its digest differs for another reason. */
  public record Change(String id, String name, Classification fromClassification, Classification toClassification,
      Risk fromRisk, Risk toRisk, boolean fromInactive, boolean toInactive, boolean evidenceChanged,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) String cluster) {
    /** Plain language: "UNKNOWN → CONFIRMED, risk MEDIUM → HIGH, evidence changed", "no longer seen running". */
    public String describe() {
      List<String> parts = new ArrayList<>();
      if (fromClassification != toClassification) {
        parts.add(fromClassification.label() + " → " + toClassification.label());
      }
      if (!fromInactive && toInactive) parts.add("no longer seen running");
      if (fromInactive && !toInactive) parts.add("running again");
      if (fromRisk != toRisk) parts.add("risk " + fromRisk + " → " + toRisk);
      if (evidenceChanged) parts.add("evidence changed");
      return String.join(", ", parts);
    }
  }

  public Diff {
    added = List.copyOf(added);
    gone = List.copyOf(gone);
    changed = List.copyOf(changed);
  }

  public boolean isEmpty() {
    return added.isEmpty() && gone.isEmpty() && changed.isEmpty();
  }
}

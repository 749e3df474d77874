package dev.wraith.incluster;

import dev.wraith.model.LayerStatus;
import java.util.List;

/**
 * What one publish did. Failures are kept as text ("update agentreports payments/bot-1a2b3c4d5e: 403 forbidden"),
 * never thrown; {@code notes} explain deliberate omissions such as skipped stale removal.
 */
public record PublishResult(int created, int updated, int unchanged, int deleted, List<String> failures,
    List<String> notes) {
  public PublishResult {
    failures = List.copyOf(failures);
    notes = List.copyOf(notes);
  }

  /** The publish as a layer status named "publish": ran, partial (some writes failed) or failed (none succeeded). */
  public LayerStatus status() {
    List<String> warnings = new java.util.ArrayList<>(failures);
    warnings.addAll(notes);
    if (!failures.isEmpty() && created + updated + unchanged + deleted == 0) {
      return new LayerStatus("publish", LayerStatus.State.FAILED, failures.get(0), warnings);
    }
    return LayerStatus.ran("publish", warnings);
  }
}

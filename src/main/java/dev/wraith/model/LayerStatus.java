package dev.wraith.model;

import java.util.List;
import java.util.Locale;

/**
 * What happened to one layer of a scan. Empty results are only trusted with state RAN; every
 * problem the layer met is a warning here, never swallowed. Notes are what the layer says beside its problems (counts,
 * how it attributed, a cache's state): informational, never a reason for PARTIAL, shown as notes and not as warnings.
 */
public record LayerStatus(String layer, State state, String reason, List<String> warnings, List<String> notes) {
  public enum State {
    RAN, PARTIAL, SKIPPED, FAILED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public LayerStatus {
    if (layer == null || state == null || reason == null) throw new NullPointerException("status fields are never null");
    warnings = List.copyOf(warnings);
    notes = notes == null ? List.of() : List.copyOf(notes); // a status recorded before notes existed has none
  }

  /** A status without notes. */
  public LayerStatus(String layer, State state, String reason, List<String> warnings) {
    this(layer, state, reason, warnings, List.of());
  }

  /** This status with {@code notes} beside its warnings (its state and reason stay). */
  public LayerStatus withNotes(List<String> notes) {
    return new LayerStatus(layer, state, reason, warnings, notes);
  }

  /**
   * A layer that ran; with warnings it is PARTIAL, and its reason says why in one line (the one problem, or how many
   * and the first), so every output that shows a layer's reason shows what limited its coverage.
   */
  public static LayerStatus ran(String layer, List<String> warnings) {
    if (warnings.isEmpty()) return new LayerStatus(layer, State.RAN, "", warnings);
    String first = warnings.get(0);
    String reason = warnings.size() == 1 ? first : warnings.size() + " problems, the first: " + first;
    return new LayerStatus(layer, State.PARTIAL, reason, warnings);
  }

  /** "ran", or the state and its reason as the text views print them: "skipped (no home directory ...)". */
  public String stateAndReason() {
    return state.id() + (reason.isEmpty() ? "" : " (" + reason + ")");
  }

  /** True when the layer did not cover everything it was asked to (partial or failed). */
  public boolean incomplete() {
    return state == State.PARTIAL || state == State.FAILED;
  }

  public static LayerStatus skipped(String layer, String why) {
    return new LayerStatus(layer, State.SKIPPED, why, List.of());
  }

  public static LayerStatus failed(String layer, String why) {
    return new LayerStatus(layer, State.FAILED, why, List.of());
  }
}

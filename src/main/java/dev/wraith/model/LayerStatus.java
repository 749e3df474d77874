package dev.wraith.model;

import java.util.List;
import java.util.Locale;

/**
 * What happened to one layer of a scan. Empty results are only trusted with state RAN; every
 * problem the layer met is a warning here, never swallowed.
 */
public record LayerStatus(String layer, State state, String reason, List<String> warnings) {
  public enum State {
    RAN, PARTIAL, SKIPPED, FAILED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public LayerStatus {
    if (layer == null || state == null || reason == null) throw new NullPointerException("status fields are never null");
    warnings = List.copyOf(warnings);
  }

  public static LayerStatus ran(String layer, List<String> warnings) {
    return new LayerStatus(layer, warnings.isEmpty() ? State.RAN : State.PARTIAL, "", warnings);
  }

  public static LayerStatus skipped(String layer, String why) {
    return new LayerStatus(layer, State.SKIPPED, why, List.of());
  }

  public static LayerStatus failed(String layer, String why) {
    return new LayerStatus(layer, State.FAILED, why, List.of());
  }
}

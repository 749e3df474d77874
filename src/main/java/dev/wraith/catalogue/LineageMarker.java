package dev.wraith.catalogue;

import java.util.Map;
import java.util.Optional;

/**
 * A label or annotation that a tool writes on the objects it manages (Argo CD, Flux, Helm, kubectl, the
 * kubelet), and the lineage it implies. A marker names a label key, an annotation key, or both (the label is
 * tried first); a non-empty {@code value} must equal the label's value, ignoring case. Evidence names the key
 * and, for labels only, the value: annotation values can be whole manifests.
 */
public record LineageMarker(String id, Kind kind, String label, String annotation, String value, String note) {
  /** What a marker says about how a workload got into the cluster. */
  public enum Kind {
    GITOPS, HELM, STATIC_POD, MANUAL
  }

  /** The evidence text when these labels or annotations carry the marker. */
  public Optional<String> evidence(Map<String, String> labels, Map<String, String> annotations) {
    String suffix = note.isEmpty() ? "" : " (" + note + ")";
    if (!label.isEmpty() && labels.containsKey(label) && valueMatches(labels.get(label))) {
      return Optional.of("label " + label + "=" + labels.get(label) + suffix);
    }
    if (!annotation.isEmpty() && annotations.containsKey(annotation) && valueMatches(annotations.get(annotation))) {
      return Optional.of("annotation " + annotation + suffix);
    }
    return Optional.empty();
  }

  private boolean valueMatches(String actual) {
    return value.isEmpty() || value.equalsIgnoreCase(actual);
  }
}

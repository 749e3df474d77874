package dev.wraith.catalogue;

import java.util.List;

/**
 * Argument names that carry metadata: which keyword names a model, which are generation parameters
 * (and the canonical name each is reported under).
 */
public record CodeHints(List<String> modelArgs, java.util.Map<String, String> generationArgs) {
  public CodeHints {
    modelArgs = List.copyOf(modelArgs);
    generationArgs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(generationArgs));
  }
}

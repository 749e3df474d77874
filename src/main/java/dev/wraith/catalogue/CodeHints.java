package dev.wraith.catalogue;

import java.util.List;

/**
 * Argument names that carry metadata: which keyword names a model, which are generation parameters
 * (and the canonical name each is reported under), and which configuration keys hold a credential (a literal
 * value there is a hard-coded secret; the value itself is never kept).
 */
public record CodeHints(List<String> modelArgs, java.util.Map<String, String> generationArgs, List<String> credentialKeys) {
  public CodeHints {
    modelArgs = List.copyOf(modelArgs);
    generationArgs = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(generationArgs));
    credentialKeys = List.copyOf(credentialKeys);
  }

  public CodeHints(List<String> modelArgs, java.util.Map<String, String> generationArgs) {
    this(modelArgs, generationArgs, List.of());
  }
}

package dev.wraith.code;

import dev.wraith.catalogue.Ecosystem;
import java.util.Optional;

/**
 * A code-layer plugin: decides which files it reads and turns one file into findings. Implementations are
 * pure functions of the file and the catalogue they were built with: no I/O, no output, no shared mutable
 * state (per-thread parsers are fine), and they are safe to call from several threads.
 */
public interface FileDetector {
  /** Stable plugin id, "language/aspect", e.g. {@code python/imports}. */
  String id();

  /** Whether this detector reads the file at this relative path (decided on the name alone). */
  boolean accepts(String path);

  /**
   * The ecosystem whose trigger tokens a file must contain (or any provider token: hostnames, env var
   * names, API paths) before it is handed over; empty when the detector reads its files regardless.
   * Source detectors name their language's ecosystem, so a Python file is not parsed because it happens to
   * contain an npm import string; deployment and manifest detectors read their (few) files regardless and
   * keep this default.
   */
  default Optional<Ecosystem> triggerEcosystem() {
    return Optional.empty();
  }

  Detection detect(SourceFile file);
}

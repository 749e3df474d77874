package dev.wraith.code;

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
   * Whether the file must contain a catalogue trigger token before it is handed over. Source detectors
   * say yes; deployment detectors (Dockerfiles, manifests) read their files regardless.
   */
  boolean needsTrigger();

  Detection detect(SourceFile file);
}

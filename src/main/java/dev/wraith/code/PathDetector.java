package dev.wraith.code;

import java.util.function.Predicate;

/**
 * A detector's identity as data: its plugin id and the paths it reads, fixed when it is built. Detectors extend
 * this and implement {@link #detect} (and {@link #triggerEcosystem} when they read source files); the two
 * methods every detector needs are written once, here.
 */
public abstract class PathDetector implements FileDetector {
  private final String id;
  private final Predicate<String> accepts;

  /**
   * @param id stable plugin id, "language/aspect"
   * @param accepts whether the detector reads the file at a relative path (decided on the name alone)
   */
  protected PathDetector(String id, Predicate<String> accepts) {
    this.id = id;
    this.accepts = accepts;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final boolean accepts(String path) {
    return accepts.test(path);
  }
}

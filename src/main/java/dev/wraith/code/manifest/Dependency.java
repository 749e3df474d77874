package dev.wraith.code.manifest;

/**
 * One package a manifest or lockfile declares, before it is matched against the catalogue.
 *
 * @param name the package name as written (PyPI name, npm name, Maven {@code group:artifact}, Go module path)
 * @param version the resolved version, or the declared version or constraint as written; "" when none
 * @param scope dev, optional, test, a group or extra name, ...; "" when the file does not say
 * @param direct "true" or "false" when a lockfile tells whether the project itself asks for it; "" otherwise
 * @param line 1-based line of the declaration, 0 when unknown
 */
record Dependency(String name, String version, String scope, String direct, int line) {
  Dependency {
    if (name == null || version == null || scope == null || direct == null) throw new NullPointerException();
  }

  static Dependency of(String name, String version, String scope, int line) {
    return new Dependency(name, version, scope, "", line);
  }
}

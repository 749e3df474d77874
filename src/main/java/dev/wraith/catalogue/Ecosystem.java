package dev.wraith.catalogue;

import java.util.Locale;

/** A package ecosystem; each maps to the source languages whose imports it provides. */
public enum Ecosystem {
  PYPI, NPM, MAVEN, GO;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Normalises a package name the way the ecosystem compares them: PyPI per PEP 503 (case-insensitive,
   * runs of '-', '_' and '.' are equal); npm, Maven and Go names are compared exactly.
   */
  public String normalisePackage(String name) {
    if (this == PYPI) return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    return name;
  }
}

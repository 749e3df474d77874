package dev.wraith.catalogue;

import java.util.Locale;

/**
 * A package ecosystem; each maps to the source languages whose imports it provides. NuGet (.NET), RubyGems,
 * Packagist (PHP) and Cargo (Rust) are read from manifests; their source languages come later.
 */
public enum Ecosystem {
  PYPI, NPM, MAVEN, GO, NUGET, RUBYGEMS, PACKAGIST, CARGO;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Normalises a package name the way the ecosystem compares them: PyPI per PEP 503 (case-insensitive,
   * runs of '-', '_' and '.' are equal); NuGet ids and Packagist names are case-insensitive; crates.io treats
   * '-' and '_' as the same and ignores case; npm, Maven, Go and RubyGems names are compared exactly.
   */
  public String normalisePackage(String name) {
    return switch (this) {
      case PYPI -> name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
      case NUGET, PACKAGIST -> name.toLowerCase(Locale.ROOT);
      case CARGO -> name.toLowerCase(Locale.ROOT).replace('_', '-');
      case NPM, MAVEN, GO, RUBYGEMS -> name;
    };
  }
}

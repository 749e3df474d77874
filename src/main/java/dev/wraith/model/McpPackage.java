package dev.wraith.model;

import java.util.Locale;

/**
 * What a stdio server's command runs: a registry package, an image, a local script, or a bare program.
 * {@code version} is the pin as written ({@code ""} when none); {@code name} is {@code ""} only for {@code NONE}.
 */
public record McpPackage(Ecosystem ecosystem, String name, String version) {
  /** Where the name comes from. */
  public enum Ecosystem {
    NPM, PYPI, IMAGE, LOCAL, PROGRAM, NONE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final McpPackage NONE = new McpPackage(Ecosystem.NONE, "", "");
}

package dev.wraith.code.manifest;

/**
 * An npm package reference {@code name@range} as lockfiles write it (scoped names start with '@'), with npm
 * aliases ({@code alias@npm:real@range}) resolved to the real package, because the alias is a local name.
 */
record NpmSpec(String name, String range) {
  /** Splits at the first '@' after the first character; a spec with none is a name with an empty range. */
  static NpmSpec parse(String spec) {
    int at = spec.indexOf('@', 1);
    NpmSpec s = at < 0 ? new NpmSpec(spec, "") : new NpmSpec(spec.substring(0, at), spec.substring(at + 1));
    return s.dealiased();
  }

  /** The real package when {@code range} is {@code npm:real@range}; itself otherwise (Berry's {@code npm:^1}). */
  NpmSpec dealiased() {
    if (!range.startsWith("npm:")) return this;
    String target = range.substring(4);
    int at = target.indexOf('@', 1);
    return at < 0 ? this : new NpmSpec(target.substring(0, at), target.substring(at + 1));
  }
}

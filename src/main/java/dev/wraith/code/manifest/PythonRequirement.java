package dev.wraith.code.manifest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PEP 508 requirement reduced to what an inventory needs: the distribution name as written and the
 * version constraint as written ("" for none or a direct URL). Extras and environment markers are dropped.
 */
record PythonRequirement(String name, String version) {
  private static final Pattern NAME = Pattern.compile("^\\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*\\])?\\s*");
  private static final Pattern VERSION = Pattern.compile("^\\(?\\s*((?:[<>=!~]=?|===)\\s*[^;\\s,)]+(?:\\s*,\\s*(?:[<>=!~]=?|===)\\s*[^;\\s,)]+)*)\\s*\\)?\\s*");
  private static final Pattern EGG = Pattern.compile("[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)");

  /** Parses a requirement string; empty when it is not one (an option, a bare path, garbage). */
  static Optional<PythonRequirement> parse(String spec) {
    Matcher m = NAME.matcher(spec);
    if (!m.find()) return Optional.empty();
    String name = m.group(1);
    String rest = spec.substring(m.end());
    if (rest.startsWith("@")) return Optional.of(new PythonRequirement(name, "")); // direct reference: name @ url
    Matcher v = VERSION.matcher(rest);
    String version = "";
    if (v.find() && v.end() > 0) {
      version = v.group(1).replaceAll("\\s+", "");
      rest = rest.substring(v.end());
    }
    if (!rest.isEmpty() && !rest.startsWith(";")) return Optional.empty();
    return Optional.of(new PythonRequirement(name, version));
  }

  /** The project named by a URL or VCS reference's {@code #egg=} fragment, without a trailing "-version". */
  static Optional<PythonRequirement> fromEgg(String url) {
    Matcher m = EGG.matcher(url);
    if (!m.find()) return Optional.empty();
    String egg = m.group(1).replaceFirst("-\\d[\\w.]*$", "");
    return Optional.of(new PythonRequirement(egg, ""));
  }
}

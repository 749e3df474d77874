package dev.wraith.model;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One code-layer fact: something at a location that uses, declares or reaches AI.
 *
 * @param subject the catalogue entry that matched (an SDK, framework or provider id), or the package name for
 *     dependencies
 * @param provider the provider id this finding talks to, or "" when it is not tied to one
 * @param framework the agent framework id, or "" when none
 * @param evidence the resolved symbol, package or host that matched; never a secret value
 * @param capabilities risk-raising capabilities (code-exec, shell, filesystem, ...)
 * @param attributes metadata such as the literal model name and generation parameters
 */
public record Finding(
    FindingKind kind,
    Location location,
    String subject,
    String provider,
    String framework,
    Confidence confidence,
    Severity severity,
    String evidence,
    Set<String> capabilities,
    Map<String, String> attributes) implements Comparable<Finding> {

  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::location)
          .thenComparing(Finding::kind)
          .thenComparing(Finding::subject)
          .thenComparing(Finding::evidence);

  public Finding {
    requireAll(kind, location, subject, provider, framework, confidence, severity, evidence);
    capabilities = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(capabilities));
    attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
  }

  public static Finding of(FindingKind kind, Location location, String subject, Severity severity, String evidence) {
    return new Finding(kind, location, subject, "", "", Confidence.HIGH, severity, evidence, Set.of(), Map.of());
  }

  private static void requireAll(Object... values) {
    for (Object v : values) if (v == null) throw new NullPointerException("finding fields are never null");
  }

  /** The same finding at another place (code read from a notebook or a component is reported where it is written). */
  public Finding withLocation(Location l) {
    return new Finding(kind, l, subject, provider, framework, confidence, severity, evidence, capabilities, attributes);
  }
  /** Stable content id: the same finding in the same place gets the same id on every run. */
  public String id() {
    return Hashes.sha256Hex(kind.id() + "\0" + location.path() + "\0" + location.line() + "\0" + subject + "\0" + evidence)
        .substring(0, 16);
  }

  @Override
  public int compareTo(Finding o) {
    return ORDER.compare(this, o);
  }
}

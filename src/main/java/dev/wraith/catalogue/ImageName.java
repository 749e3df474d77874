package dev.wraith.catalogue;

import java.util.Locale;

/**
 * Compares container image references with catalogue image repositories. A reference's tag and digest are
 * ignored; Docker Hub's implicit registry ({@code docker.io}, {@code library/}) is understood; a registry or
 * mirror prefix in front of a multi-segment repository is allowed ({@code harbor.corp/hub/n8nio/n8n}). A
 * known repository ending in {@code /*} names a Docker Hub namespace (one more path segment, no mirrors).
 * Matching is on whole path segments only, never on substrings.
 */
public final class ImageName {
  private ImageName() {}

  /** "ghcr.io/x/y:1.2@sha256:.." -> "ghcr.io/x/y"; lower-cased. */
  public static String repository(String image) {
    String s = image.trim().toLowerCase(Locale.ROOT);
    int at = s.indexOf('@');
    if (at >= 0) s = s.substring(0, at);
    int slash = s.lastIndexOf('/');
    int colon = s.lastIndexOf(':');
    if (colon > slash) s = s.substring(0, colon);
    return s;
  }

  /** Whether the image reference is in the known repository (see the class contract). */
  public static boolean matches(String image, String known) {
    String repo = repository(image);
    String k = known.toLowerCase(Locale.ROOT);
    if (k.endsWith("/*")) {
      String ns = k.substring(0, k.length() - 1);
      String rest = repo.startsWith("docker.io/") ? repo.substring("docker.io/".length()) : repo;
      return rest.startsWith(ns) && rest.length() > ns.length() && rest.indexOf('/', ns.length()) < 0;
    }
    return repo.equals(k) || repo.equals("docker.io/" + k) || repo.equals("docker.io/library/" + k)
        || (k.contains("/") && repo.endsWith("/" + k));
  }
}

package dev.wraith.catalogue;

import java.util.Locale;

/**
 * The one normaliser of container image references. A reference's tag and digest are ignored; Docker Hub's implicit
 * registry is understood the way Docker names it ({@code docker.io}, its legacy {@code index.docker.io},
 * {@code library/} for official images); a registry or mirror prefix in front of a multi-segment catalogue
 * repository is allowed ({@code harbor.corp/hub/n8nio/n8n}). A known repository ending in {@code /*} names a
 * namespace (one more path segment, no mirrors). Matching is on whole path segments only, never on substrings.
 */
public final class ImageName {
  private static final String HUB = "docker.io/";

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

  /**
   * The repository as Docker names it in full, registry included: {@code n8nio/n8n:1} is {@code docker.io/n8nio/n8n},
   * {@code nginx} and {@code index.docker.io/library/nginx} are {@code docker.io/library/nginx},
   * {@code ghcr.io/x/y@sha256:..} is {@code ghcr.io/x/y}. Two references name the same repository exactly when their
   * canonical forms are equal.
   */
  public static String canonical(String image) {
    String repo = withRegistry(repository(image));
    return repo.startsWith(HUB) && repo.indexOf('/', HUB.length()) < 0 ? HUB + "library/" + repo.substring(HUB.length()) : repo;
  }

  /** Whether the image reference is in the known repository (see the class contract). */
  public static boolean matches(String image, String known) {
    String k = known.toLowerCase(Locale.ROOT);
    if (k.endsWith("/*")) {
      String ns = withRegistry(k.substring(0, k.length() - 1));
      String c = canonical(image);
      return c.startsWith(ns) && c.length() > ns.length() && c.indexOf('/', ns.length()) < 0;
    }
    return canonical(image).equals(canonical(k)) || (k.contains("/") && repository(image).endsWith("/" + k));
  }

  /** The path with its registry explicit: Docker Hub's when the first segment names none (no '.', ':' or localhost). */
  private static String withRegistry(String path) {
    int slash = path.indexOf('/');
    String first = slash < 0 ? "" : path.substring(0, slash);
    if (first.equals("index.docker.io")) return HUB + path.substring(slash + 1);
    boolean registry = first.contains(".") || first.contains(":") || first.equals("localhost");
    return registry ? path : HUB + path;
  }
}

package dev.wraith.code.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** A server URL as it may be shown: scheme://host[:port][path], never user-info, query or fragment. */
final class McpUrl {
  private McpUrl() {}

  static Optional<String> display(String value) {
    try {
      URI u = new URI(value.trim());
      if (u.getScheme() == null || u.getHost() == null) return Optional.empty();
      String path = u.getRawPath() == null ? "" : u.getRawPath();
      return Optional.of(u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost().toLowerCase(Locale.ROOT)
          + (u.getPort() > 0 ? ":" + u.getPort() : "") + path);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}

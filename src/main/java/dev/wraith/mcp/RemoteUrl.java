package dev.wraith.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** A remote endpoint reduced to what may be printed: scheme://host[:port][path]; no user info, query or fragment. */
record RemoteUrl(String scheme, String host, String display) {
  static Optional<RemoteUrl> parse(String raw) {
    try {
      URI u = new URI(raw.trim());
      if (u.getScheme() == null || u.getHost() == null) return Optional.empty();
      String scheme = u.getScheme().toLowerCase(Locale.ROOT);
      String host = u.getHost().toLowerCase(Locale.ROOT);
      String port = u.getPort() < 0 ? "" : ":" + u.getPort();
      String path = u.getRawPath() == null ? "" : u.getRawPath();
      return Optional.of(new RemoteUrl(scheme, host, scheme + "://" + host + port + path));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}

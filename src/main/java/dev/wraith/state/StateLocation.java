package dev.wraith.state;

import dev.wraith.redact.Redactor;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where the state lives: an SQLite file (the embedded default) or a PostgreSQL database shared by several scanners and
 * operators. Parsed from the {@code --state} text; a URL never carries a password (see {@link PostgresLogin} for where
 * the password comes from), so printing a location never prints a secret.
 */
public sealed interface StateLocation permits StateLocation.SqliteFile, StateLocation.Postgres {
  /** Connection parameters a {@code postgresql://} URL may carry; anything else is refused by name. */
  Set<String> POSTGRES_PARAMETERS = Set.of("sslmode", "sslrootcert", "sslcert", "sslkey", "currentSchema",
      "connectTimeout", "socketTimeout", "ApplicationName");

  /** How the location is named in messages and in {@code wraith history}: the path, or the URL without secrets. */
  String display();

  /** An SQLite file. */
  record SqliteFile(Path file) implements StateLocation {
    @Override
    public String display() {
      return file.toString();
    }

    @Override
    public String toString() {
      return display();
    }
  }

  /**
   * A PostgreSQL database.
   *
   * @param user the login name from the URL; empty means $PGUSER, else the operating-system user
   * @param parameters the URL's query parameters, all from {@link #POSTGRES_PARAMETERS}, sorted
   */
  record Postgres(String host, int port, String database, String user, SortedMap<String, String> parameters)
      implements StateLocation {
    public Postgres {
      parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }

    @Override
    public String display() {
      String h = dev.wraith.model.HostPort.bracketed(host);
      StringBuilder b = new StringBuilder("postgresql://");
      if (!user.isEmpty()) b.append(user).append('@');
      b.append(h).append(':').append(port).append('/').append(database);
      String sep = "?";
      for (var e : parameters.entrySet()) {
        b.append(sep).append(e.getKey()).append('=').append(e.getValue());
        sep = "&";
      }
      return b.toString();
    }

    @Override
    public String toString() {
      return display();
    }
  }

  /**
   * Reads a {@code --state} value: {@code postgresql://[user@]host[:port]/database[?param=value&...]} (also
   * {@code postgres://}), or else a file path.
   *
   * @throws StateException when the URL is malformed or carries a password
   */
  static StateLocation parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("postgresql://") && !lower.startsWith("postgres://")) {
      if (text.isBlank()) throw new StateException("--state is empty; give a file or a postgresql:// URL");
      return new SqliteFile(Path.of(text));
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new StateException("--state: '" + redacted(text) + "' is not a valid URL (" + e.getReason()
          + "); expected postgresql://[user@]host[:port]/database");
    }
    String user = userOf(uri);
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new StateException("--state: " + redacted(text) + " names no host; expected postgresql://[user@]host[:port]/database");
    }
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    String path = uri.getPath() == null ? "" : uri.getPath();
    String database = path.startsWith("/") ? path.substring(1) : path;
    if (database.isEmpty() || database.contains("/")) {
      throw new StateException("--state: " + redacted(text) + " names no database; expected postgresql://host[:port]/database");
    }
    return new Postgres(host, uri.getPort() < 0 ? 5432 : uri.getPort(), database, user, parameters(uri));
  }

  private static String userOf(URI uri) {
    String info = uri.getRawUserInfo();
    if (info == null) return "";
    if (info.contains(":")) {
      throw new StateException("--state: the URL carries a password, which would show in the process list and the "
          + "shell history; remove it and set WRAITH_STATE_PASSWORD_FILE, WRAITH_STATE_PASSWORD or PGPASSWORD, or use "
          + "~/.pgpass");
    }
    return URLDecoder.decode(info, StandardCharsets.UTF_8);
  }

  private static SortedMap<String, String> parameters(URI uri) {
    SortedMap<String, String> out = new TreeMap<>();
    String query = uri.getRawQuery();
    if (query == null || query.isEmpty()) return out;
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if (key.equalsIgnoreCase("password") || key.equalsIgnoreCase("sslpassword")) {
        throw new StateException("--state: the URL carries a " + key + ", which would show in the process list and "
            + "the shell history; remove it and set WRAITH_STATE_PASSWORD_FILE, WRAITH_STATE_PASSWORD or PGPASSWORD, "
            + "or use ~/.pgpass");
      }
      if (!POSTGRES_PARAMETERS.contains(key)) {
        throw new StateException("--state: unknown URL parameter '" + key + "' (allowed: "
            + String.join(", ", POSTGRES_PARAMETERS.stream().sorted().toList()) + ")");
      }
      out.put(key, value);
    }
    return out;
  }

  /** What the one redactor lets a mistyped URL show: never its password, user-info or parameter values. */
  private static String redacted(String text) {
    return Redactor.bundled().text(text);
  }
}

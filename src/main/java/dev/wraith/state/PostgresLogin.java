package dev.wraith.state;

import dev.wraith.files.SecretFile;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Who wraith logs in to PostgreSQL as, and with which password. Never from the command line: the password is read from
 * the file named by {@code WRAITH_STATE_PASSWORD_FILE} (its first line; a mounted Kubernetes Secret), else
 * {@code WRAITH_STATE_PASSWORD}, else {@code PGPASSWORD}; with none of them the driver looks it up in the file
 * {@code PGPASSFILE} names, else {@code ~/.pgpass}, with libpq's rules. The user is the URL's, else {@code PGUSER},
 * else the operating-system user. The password is handed to the driver only; it is in no message.
 */
final class PostgresLogin {
  static final String PASSWORD_FILE = "WRAITH_STATE_PASSWORD_FILE";
  static final String PASSWORD = "WRAITH_STATE_PASSWORD";
  /** Seconds to wait for the server to accept a connection, unless the URL sets connectTimeout. */
  static final int CONNECT_TIMEOUT = 10;
  /** The most read of a password file: a password is a line, never megabytes. */

  private PostgresLogin() {}

  static PGSimpleDataSource dataSource(StateLocation.Postgres pg, Map<String, String> env) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {pg.host()});
    ds.setPortNumbers(new int[] {pg.port()});
    ds.setDatabaseName(pg.database());
    ds.setUser(user(pg, env));
    password(env).ifPresent(ds::setPassword);
    ds.setApplicationName("wraith");
    ds.setConnectTimeout(CONNECT_TIMEOUT);
    ds.setLoginTimeout(CONNECT_TIMEOUT);
    for (var e : pg.parameters().entrySet()) {
      try {
        ds.setProperty(e.getKey(), e.getValue());
      } catch (SQLException bad) {
        throw new StateException("--state: URL parameter " + e.getKey() + "=" + e.getValue() + " is not accepted ("
            + bad.getMessage() + ")");
      }
    }
    return ds;
  }

  static String user(StateLocation.Postgres pg, Map<String, String> env) {
    if (!pg.user().isEmpty()) return pg.user();
    String u = env.getOrDefault("PGUSER", "");
    return u.isEmpty() ? System.getProperty("user.name", "") : u;
  }

  /** The password from the first source that is set; empty when the driver should consult ~/.pgpass. */
  static Optional<String> password(Map<String, String> env) {
    String file = env.getOrDefault(PASSWORD_FILE, "");
    if (!file.isEmpty()) {
      try {
        return Optional.of(SecretFile.firstLine(PASSWORD_FILE, file, "the password"));
      } catch (SecretFile.Unusable e) {
        throw new StateException(e.getMessage(), e.getCause());
      }
    }
    for (String name : new String[] {PASSWORD, "PGPASSWORD"}) {
      String v = env.getOrDefault(name, "");
      if (!v.isEmpty()) return Optional.of(v);
    }
    return Optional.empty();
  }
}

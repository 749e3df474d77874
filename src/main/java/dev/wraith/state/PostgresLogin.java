package dev.wraith.state;

import dev.wraith.files.FileProblem;
import dev.wraith.files.InputFile;
import java.io.IOException;
import java.nio.file.Path;
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
  static final int SECRET_FILE_BYTES = 64 << 10;

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
      String text;
      try { // a regular file of at most 64 KiB: a FIFO would block, a device never end
        text = InputFile.readString(Path.of(file), SECRET_FILE_BYTES);
      } catch (IOException e) {
        throw new StateException(PASSWORD_FILE + "=" + file + " cannot be read: " + FileProblem.describe(e, Path.of(file),
            "reading") + "; point it at a readable file holding the password", e);
      }
      int nl = text.indexOf('\n');
      String first = (nl < 0 ? text : text.substring(0, nl)).replace("\r", "");
      if (first.isEmpty()) throw new StateException(PASSWORD_FILE + "=" + file + " is empty; put the password on its first line");
      return Optional.of(first);
    }
    for (String name : new String[] {PASSWORD, "PGPASSWORD"}) {
      String v = env.getOrDefault(name, "");
      if (!v.isEmpty()) return Optional.of(v);
    }
    return Optional.empty();
  }
}

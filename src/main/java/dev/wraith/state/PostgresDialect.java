package dev.wraith.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A PostgreSQL database shared by several scanners and operators. Writes run in READ COMMITTED with row-level upserts
 * keyed by agent id, taken in id order, so concurrent writers neither lose nor duplicate a sighting and do not
 * deadlock; a serialisation failure or deadlock the server reports anyway is retried by the store. Reads run in
 * REPEATABLE READ, one consistent snapshot. A write waits at most {@link #LOCK_TIMEOUT} for a row another writer holds.
 */
final class PostgresDialect implements Dialect {
  static final String LOCK_TIMEOUT = "30s";
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

  private final StateLocation.Postgres location;
  private final Map<String, String> env;

  PostgresDialect(StateLocation.Postgres location, Map<String, String> env) {
    this.location = location;
    this.env = Map.copyOf(env);
  }

  @Override
  public StateLocation location() {
    return location;
  }

  @Override
  public DataSource dataSource() {
    return PostgresLogin.dataSource(location, env);
  }

  @Override
  public List<String> migrations() {
    return List.of(COMMON_MIGRATIONS, "classpath:db/migration/postgresql");
  }

  /** Tables of the connection's current schema (public, or the URL's currentSchema). */
  @Override
  public String tablesQuery() {
    return "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name";
  }

  @Override
  public void begin(Connection c, boolean write) throws SQLException {
    c.setAutoCommit(false);
    c.setTransactionIsolation(write ? Connection.TRANSACTION_READ_COMMITTED : Connection.TRANSACTION_REPEATABLE_READ);
    if (write) {
      try (Statement st = c.createStatement()) {
        st.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
      }
    }
  }

  @Override
  public void commit(Connection c) throws SQLException {
    c.commit();
    c.setAutoCommit(true);
  }

  @Override
  public void rollback(Connection c) {
    try {
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      // the connection is broken; the failure that led here is reported
    }
  }

  @Override
  public boolean retryable(Throwable failure) {
    String state = sqlState(failure);
    return state != null && RETRYABLE.contains(state);
  }

  /**
   * By the SQLSTATE behind the failure, in wraith's words (the server's and the driver's stay in the cause, for
   * --debug). Never a password: none is known here. A login, database, schema or permission problem is the user's to
   * fix before any scan (unusable); a server that is down, busy, full or slow to release a row may be fine on the next
   * run (unavailable: the scan still writes its results).
   */
  @Override
  public StateException translate(String doing, Throwable failure) {
    if (failure instanceof StateException s) return s;
    String state = sqlState(failure);
    String where = where();
    String user = PostgresLogin.user(location, env);
    String login = "set the password in " + PostgresLogin.PASSWORD_FILE + ", " + PostgresLogin.PASSWORD
        + " or PGPASSWORD, or in ~/.pgpass";
    if (state == null) {
      return StateException.unavailable(where + ": " + doing + " failed (run with --debug for details)", failure);
    }
    if (state.equals("08004") && String.valueOf(rootMessage(failure)).contains("password")) {
      return new StateException(where + " refused the login of user '" + user + "': it asks for a password and none was "
          + "given; " + login, failure);
    }
    return switch (state) {
      case "28P01" -> new StateException(where + " refused the login of user '" + user + "': wrong password, or no such "
          + "user; " + login, failure);
      case "28000" -> new StateException(where + " refused the login of user '" + user + "' from this host (pg_hba.conf "
          + "allows no such login, or only over SSL: add ?sslmode=require to the URL); ask its administrator", failure);
      case "3D000" -> new StateException(where + ": the database does not exist; create it ('createdb "
          + location.database() + "') or use --state with another database", failure);
      case "3F000" -> new StateException(where + ": the schema does not exist; create it or drop "
          + "currentSchema from the URL", failure);
      case "42501" -> new StateException(where + ": user '" + user + "' may not do this; grant it the "
          + "right to create and write tables in the schema, or use another --state", failure);
      case "40001", "40P01" -> StateException.unavailable(where + ": " + doing + " kept conflicting with other writers; "
          + "nothing was written, try again", failure);
      case "55P03" -> StateException.unavailable(where + ": another writer held a row for over " + LOCK_TIMEOUT
          + "; nothing was written, try again", failure);
      case "53300", "57P03" -> StateException.unavailable(where + " accepts no connection now (too many connections, or "
          + "starting up or shutting down); try again later", failure);
      case "53100" -> StateException.unavailable(where + ": the server's disk is full; nothing was written, ask its "
          + "administrator to free some space", failure);
      case "25006" -> StateException.unavailable(where + " is read-only (a standby?); point --state at the primary",
          failure);
      default -> state.startsWith("08")
          ? StateException.unavailable(where + " cannot be reached (" + reach(failure) + "); check that the server runs "
              + "and the host and port of --state", failure)
          : StateException.unavailable(where + ": " + doing + " failed (SQLSTATE " + state + "; run with --debug for "
              + "details)", failure);
    };
  }

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) r = r.getCause();
    return r.getMessage();
  }

  /** Why a connection failed, from the exception types under the driver's, never its wording. */
  private static String reach(Throwable failure) {
    for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof java.net.ConnectException) return "connection refused";
      if (c instanceof java.net.UnknownHostException) return "unknown host";
      if (c instanceof java.net.SocketTimeoutException) return "no answer in time";
      if (c instanceof java.net.NoRouteToHostException) return "no route to the host";
      if (c instanceof javax.net.ssl.SSLException) return "TLS failed";
      if (c instanceof java.io.EOFException) return "the server closed the connection";
    }
    return "the connection failed";
  }

  private static String sqlState(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException s && s.getSQLState() != null) return s.getSQLState();
      if (c.getCause() == c) break;
    }
    return null;
  }
}

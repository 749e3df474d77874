package dev.wraith.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
  public List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name FROM "
        + "information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name")) {
      while (rs.next()) tables.add(rs.getString(1));
    }
    return tables;
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

  /** By the SQLSTATE behind the failure; the server's own words for anything else. Never a password: none is known here. */
  @Override
  public StateException translate(String doing, Throwable failure) {
    if (failure instanceof StateException s) return s;
    String state = sqlState(failure);
    String root = Dialect.rootMessage(failure);
    String where = where();
    String user = PostgresLogin.user(location, env);
    if (state == null) return new StateException(where + ": " + doing + " failed: " + root, failure);
    if (state.equals("28P01") || state.equals("28000") || root.contains("no password was provided")) {
      return new StateException(where + " refused the login of user '" + user + "' (" + root + "); set the password "
          + "in " + PostgresLogin.PASSWORD_FILE + ", " + PostgresLogin.PASSWORD + " or PGPASSWORD, or in ~/.pgpass", failure);
    }
    return switch (state) {
      case "3D000" -> new StateException(where + ": the database does not exist (" + root + "); create it ('createdb "
          + location.database() + "') or use --state with another database", failure);
      case "3F000" -> new StateException(where + ": the schema does not exist (" + root + "); create it or drop "
          + "currentSchema from the URL", failure);
      case "42501" -> new StateException(where + ": user '" + user + "' may not do this (" + root + "); grant it the "
          + "right to create and write tables in the schema, or use another --state", failure);
      case "40001", "40P01" -> new StateException(where + ": " + doing + " kept conflicting with other writers ("
          + root + "); nothing was written, try again", failure);
      case "55P03" -> new StateException(where + ": another writer held a row for over " + LOCK_TIMEOUT + " ("
          + root + "); nothing was written, try again", failure);
      case "53300", "57P03" -> new StateException(where + " accepts no connection now (" + root + "); try again later",
          failure);
      default -> state.startsWith("08")
          ? new StateException(where + " cannot be reached (" + root + "); check that the server runs and the host and "
              + "port of --state", failure)
          : new StateException(where + ": " + doing + " failed: " + root + " (SQLSTATE " + state + ")", failure);
    };
  }

  private static String sqlState(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException s && s.getSQLState() != null) return s.getSQLState();
      if (c.getCause() == c) break;
    }
    return null;
  }
}

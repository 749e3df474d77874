package dev.wraith.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The embedded SQLite file. Transactions are BEGIN IMMEDIATE / BEGIN DEFERRED statements on an auto-commit connection
 * (the driver's own transaction flag goes stale when BEGIN fails): a write takes the write lock up front, so a second
 * writer fails after the busy timeout, before doing any work, with a "locked" message; a read is a consistent
 * snapshot that never waits for a writer in WAL mode. Nothing is retried: a locked file is the user's to resolve.
 */
final class SqliteDialect implements Dialect {
  private final StateLocation.SqliteFile location;
  private final Duration busyTimeout;

  SqliteDialect(StateLocation.SqliteFile location, Duration busyTimeout) {
    this.location = location;
    this.busyTimeout = busyTimeout;
  }

  @Override
  public StateLocation location() {
    return location;
  }

  @Override
  public DataSource dataSource() {
    return StateFile.prepare(location.file(), busyTimeout);
  }

  @Override
  public List<String> migrations() {
    return List.of(COMMON_MIGRATIONS, "classpath:db/migration/sqlite");
  }

  @Override
  public List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      while (rs.next()) tables.add(rs.getString(1));
    }
    return tables;
  }

  @Override
  public void begin(Connection c, boolean write) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
    }
  }

  @Override
  public void commit(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("COMMIT");
    }
  }

  @Override
  public void rollback(Connection c) {
    try (Statement st = c.createStatement()) {
      st.execute("ROLLBACK");
    } catch (SQLException e) {
      // SQLite rolls an open transaction back when the connection closes
    }
  }

  @Override
  public boolean retryable(Throwable failure) {
    return false;
  }

  /** By the SQLite error code behind the failure. */
  @Override
  public StateException translate(String doing, Throwable failure) {
    if (failure instanceof StateException s) return s;
    SQLiteErrorCode code = sqliteCode(failure);
    String where = where();
    if (code == null) return new StateException(where + ": " + doing + " failed: " + Dialect.rootMessage(failure), failure);
    return switch (code) {
      case SQLITE_BUSY, SQLITE_LOCKED ->
          new StateException(where + " is locked by another writer (database is locked; is another wraith scan "
              + "running?); try again when it has finished, or use --state with another file", failure);
      case SQLITE_NOTADB, SQLITE_CORRUPT -> new StateException(where
          + " is corrupt or not an SQLite database (" + code.message + "); move it away to start afresh, "
          + "or use --state with another file", failure);
      case SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_AUTH -> new StateException(where
          + " cannot be opened or written (" + code.message + "); check its permissions, or use --state with another "
          + "file", failure);
      default -> new StateException(where + ": " + doing + " failed: " + Dialect.rootMessage(failure), failure);
    };
  }

  private static SQLiteErrorCode sqliteCode(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLiteException s) {
        SQLiteErrorCode code = s.getResultCode();
        // extended codes (SQLITE_IOERR_*, SQLITE_CORRUPT_*) are reported by their primary code
        return code == SQLiteErrorCode.UNKNOWN_ERROR ? null : primary(code);
      }
      if (c.getCause() == c) break;
    }
    return null;
  }

  private static SQLiteErrorCode primary(SQLiteErrorCode code) {
    if (code.code <= 0xff) return code;
    SQLiteErrorCode p = SQLiteErrorCode.getErrorCode(code.code & 0xff);
    return p == SQLiteErrorCode.UNKNOWN_ERROR ? code : p;
  }
}

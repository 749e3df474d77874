package dev.wraith.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
  /** Below this many free bytes an I/O error on the database's file system is taken to be a full disk. */
  private static final long NEARLY_FULL = 1L << 20;

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
  public String tablesQuery() {
    return "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
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

  /** By the SQLite error code behind the failure; a read-only or nearly full file system is named as such. */
  @Override
  public StateException translate(String doing, Throwable failure) {
    if (failure instanceof StateException s) return s;
    SQLiteErrorCode code = sqliteCode(failure);
    Path file = location.file();
    String where = where();
    if (code == null) return unavailable(where + ": " + doing + " failed (run with --debug for details)", failure);
    boolean cannotWrite = code == SQLiteErrorCode.SQLITE_READONLY || code == SQLiteErrorCode.SQLITE_CANTOPEN
        || code == SQLiteErrorCode.SQLITE_PERM;
    if (cannotWrite && readOnlyFileSystem(file)) {
      return unavailable(where + " is on a read-only file system; use --state with a file on a writable one", failure);
    }
    return switch (code) {
      case SQLITE_BUSY, SQLITE_LOCKED -> unavailable(where + " is locked by another writer (is another wraith scan "
          + "running?); try again when it has finished, or use --state with another file", failure);
      case SQLITE_NOTADB, SQLITE_CORRUPT -> new StateException(where
          + " is corrupt or not an SQLite database; move it away to start afresh, or use --state with another file", failure);
      case SQLITE_FULL -> full(file, doing, failure);
      case SQLITE_READONLY -> unavailable(where + " cannot be written: the file, its directory or its file system is "
          + "read-only; fix its permissions, or use --state with another file", failure);
      case SQLITE_CANTOPEN -> unavailable(where + " cannot be opened: its directory is missing or cannot be written; check "
          + "its permissions, or use --state with another file", failure);
      case SQLITE_PERM, SQLITE_AUTH -> unavailable("permission denied on " + where + "; check its permissions, or use "
          + "--state with another file", failure);
      case SQLITE_IOERR -> nearlyFull(file) ? full(file, doing, failure) : unavailable("input/output error on " + where
          + " while " + doing + " (a failing disk or network mount?); use --state with another file", failure);
      default -> unavailable(where + ": " + doing + " failed (SQLite error " + code.code + "; run with --debug for details)",
          failure);
    };
  }

  private static StateException full(Path file, String doing, Throwable failure) {
    return unavailable("no space left on device for the state database " + file + " while " + doing + "; free some space",
        failure);
  }

  private static StateException unavailable(String message, Throwable cause) {
    return StateException.unavailable(message, cause);
  }

  private static boolean readOnlyFileSystem(Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      return dir != null && Files.getFileStore(dir).isReadOnly();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean nearlyFull(Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      return dir != null && Files.getFileStore(dir).getUsableSpace() < NEARLY_FULL;
    } catch (IOException | RuntimeException e) {
      return false;
    }
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

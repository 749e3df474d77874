package dev.wraith.state;

import java.nio.file.Path;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The state database cannot be used: missing, not a database, locked by another writer, or of a newer schema. The
 * message is one plain sentence naming the file and what to do; the CLI prints it and exits 2.
 */
public final class StateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateException(String message) {
    super(message);
  }

  public StateException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Turns a JDBC or Flyway failure into a sentence about the file, by the SQLite error code behind it. */
  static StateException from(Path file, String doing, Throwable failure) {
    if (failure instanceof StateException s) return s;
    SQLiteErrorCode code = sqliteCode(failure);
    String where = "state database " + file;
    if (code == null) {
      return new StateException(where + ": " + doing + " failed: " + rootMessage(failure), failure);
    }
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
      default -> new StateException(where + ": " + doing + " failed: " + rootMessage(failure), failure);
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

  private static String rootMessage(Throwable t) {
    Throwable r = t;
    while (r.getCause() != null && r.getCause() != r) r = r.getCause();
    String m = r.getMessage();
    return m == null ? r.getClass().getSimpleName() : m.strip();
  }
}

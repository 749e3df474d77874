package dev.wraith.state;

import dev.wraith.files.FileProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The state database cannot be used: missing, not a database, locked by another writer, full, read-only, or of a newer
 * schema. The message is one plain sentence naming the file, saying what happened and what to do, never SQLite's or
 * the driver's wording (that stays in the cause, for --debug).
 *
 * <p>{@link Kind} tells a database that can never be used as given (the command stops before scanning) from one that
 * cannot be used right now (locked, full, read-only: a scan still writes its results, without history).
 */
public final class StateException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Below this many free bytes an I/O error on the database's file system is taken to be a full disk. */
  private static final long NEARLY_FULL = 1L << 20;

  /** Whether the database is unusable as given, or unavailable for now. */
  public enum Kind { UNUSABLE, UNAVAILABLE }

  private final Kind kind;

  public StateException(String message) {
    this(Kind.UNUSABLE, message, null);
  }

  public StateException(String message, Throwable cause) {
    this(Kind.UNUSABLE, message, cause);
  }

  public StateException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** Turns a JDBC or Flyway failure into a sentence about the file, by the SQLite error code behind it. */
  static StateException from(Path file, String doing, Throwable failure) {
    if (failure instanceof StateException s) return s;
    SQLiteErrorCode code = sqliteCode(failure);
    String where = "state database " + file;
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

  /**
   * A file-system failure creating the database's directory or file: a path that can never work (a file where a
   * directory should be, a directory that cannot exist) is unusable, anything else (permissions, read-only, full)
   * unavailable for now.
   */
  static StateException from(Path file, String doing, IOException failure) {
    Kind kind = failure instanceof java.nio.file.FileAlreadyExistsException || failure instanceof java.nio.file.NotDirectoryException
        || failure instanceof java.nio.file.NoSuchFileException ? Kind.UNUSABLE : Kind.UNAVAILABLE;
    String why = failure instanceof java.nio.file.NoSuchFileException n && n.getFile() != null
        ? n.getFile() + " does not exist and cannot be created" : FileProblem.describe(failure, file, doing);
    return new StateException(kind, "state database " + file + " cannot be created: " + why + "; use --state with another "
        + "file", failure);
  }

  private static StateException full(Path file, String doing, Throwable failure) {
    return unavailable("no space left on device for the state database " + file + " while " + doing + "; free some space",
        failure);
  }

  private static StateException unavailable(String message, Throwable cause) {
    return new StateException(Kind.UNAVAILABLE, message, cause);
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

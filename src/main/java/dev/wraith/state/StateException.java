package dev.wraith.state;

import dev.wraith.files.FileProblem;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The state database cannot be used: missing, not a database, locked by another writer, full, read-only, unreachable,
 * refusing the login, or of a newer schema. The message is one plain sentence naming the location (never a password),
 * saying what happened and what to do, never the driver's wording (that stays in the cause, for --debug). Each
 * {@link Dialect} turns its driver's failures into one.
 *
 * <p>{@link Kind} tells a database that can never be used as given (the command stops before scanning, exit 2) from
 * one that cannot be used right now (locked, full, read-only, a server that is down or busy: a scan still writes its
 * results, without history).
 */
public final class StateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

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

  /** A failure that may pass: the scan goes on and writes its results without history. */
  static StateException unavailable(String message, Throwable cause) {
    return new StateException(Kind.UNAVAILABLE, message, cause);
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
}

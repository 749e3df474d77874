package dev.wraith.state;

/**
 * The state database cannot be used: missing, not a database, locked by another writer, unreachable, refusing the
 * login, or of a newer schema. The message is one plain sentence naming the location (never a password) and what to
 * do; the CLI prints it and exits 2. Each {@link Dialect} turns its driver's failures into one.
 */
public final class StateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateException(String message) {
    super(message);
  }

  public StateException(String message, Throwable cause) {
    super(message, cause);
  }
}

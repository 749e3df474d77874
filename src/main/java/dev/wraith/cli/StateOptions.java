package dev.wraith.cli;

import dev.wraith.state.StateException;
import dev.wraith.state.StateLocation;
import dev.wraith.state.StateStore;
import picocli.CommandLine.Option;

/**
 * --state, declared once for every command that reads or writes the state: an SQLite file (the default) or a
 * PostgreSQL URL. The password of a URL never comes from the command line (see the description).
 */
final class StateOptions {
  /** What the value is. */
  private static final String WHAT = "State database: an SQLite FILE, or postgresql://[user@]host[:port]/database "
      + "(shared by several scanners; the password comes from WRAITH_STATE_PASSWORD_FILE, WRAITH_STATE_PASSWORD, "
      + "PGPASSWORD or ~/.pgpass, never from the URL).";

  /** The variable of --state (not a picocli default: --no-state overrides it, and the demo ignores it). */
  static final String ENV = "WRAITH_STATE";

  @Option(names = "--state", paramLabel = "FILE|URL",
      description = WHAT + " Default: ~/.wraith/inventory.db; the operator and the demo keep none unless given (the demo "
          + "only from its command line). Env: " + ENV + " (--no-state, where a command has it, overrides it).")
  String value;

  /** True when --state was given on the command line. */
  boolean onCommandLine() {
    return value != null && !value.isBlank();
  }

  /** --state, else WRAITH_STATE. */
  java.util.Optional<String> given() {
    if (onCommandLine()) return java.util.Optional.of(value);
    return java.util.Optional.ofNullable(System.getenv(ENV)).filter(s -> !s.isBlank());
  }

  StateLocation location() {
    return given().map(StateOptions::parse).orElseGet(() -> new StateLocation.SqliteFile(StateStore.defaultFile()));
  }

  /** Opens (creating an SQLite file or the tables as needed). */
  StateStore open() {
    return StateStore.open(location(), System.getenv());
  }

  /** Opens a state that must exist (history, diff). */
  StateStore openExisting() {
    return StateStore.openExisting(location(), System.getenv());
  }

  /** A malformed URL, or one carrying a password, is a usage error. */
  static StateLocation parse(String text) {
    try {
      return StateLocation.parse(text);
    } catch (StateException e) {
      throw new Main.UsageProblem(e.getMessage());
    }
  }
}

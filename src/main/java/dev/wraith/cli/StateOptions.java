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
  /** How the value is described wherever --state appears (the operator and the demo have no default). */
  static final String WHAT = "State database: an SQLite FILE, or postgresql://[user@]host[:port]/database "
      + "(shared by several scanners; the password comes from WRAITH_STATE_PASSWORD_FILE, WRAITH_STATE_PASSWORD, "
      + "PGPASSWORD or ~/.pgpass, never from the URL).";

  @Option(names = "--state", paramLabel = "FILE|URL", defaultValue = "${env:WRAITH_STATE}",
      description = WHAT + " Default: ~/.wraith/inventory.db. Env: WRAITH_STATE.")
  String value;

  /** True when --state (or WRAITH_STATE) was given. */
  boolean given() {
    return value != null && !value.isBlank();
  }

  StateLocation location() {
    return given() ? parse(value) : new StateLocation.SqliteFile(StateStore.defaultFile());
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

package dev.wraith.cli;

import dev.wraith.state.StateStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --state, the same on every command that reads or writes the state database. */
final class StateOptions {
  @Option(names = "--state", paramLabel = "FILE", defaultValue = "${env:WRAITH_STATE}",
      description = "State database (SQLite). Default: ~/.wraith/inventory.db. Env: WRAITH_STATE.")
  Path file;

  Path file() {
    return file != null ? file : StateStore.defaultFile();
  }
}

package dev.wraith.cli;

import dev.wraith.state.StateLocation;
import dev.wraith.state.StateStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * --state or --no-state, declared once for the commands that can also remember nothing: scan-all, aibom and mcp
 * (--probe). --no-state overrides WRAITH_STATE; given with --state on the same command line it is a usage problem.
 */
final class NoStateOptions {
  @Mixin StateOptions state = new StateOptions();

  @Option(names = "--no-state", description = "Remember nothing: the state database is neither read nor written "
      + "(scan-all and aibom: no ZOMBIE, no NEW/CHANGED; mcp --probe: tool hashes for this run only, no rug-pull check "
      + "against earlier probes).")
  boolean off;

  /** Whether the state database is used: not with --no-state; --state and --no-state together is a usage problem. */
  boolean used() {
    if (off && state.onCommandLine()) throw new Main.UsageProblem("--state and --no-state contradict each other");
    return !off;
  }

  /** Where the state is; a malformed --state is a usage problem. */
  StateLocation location() {
    return state.location();
  }

  /** Opens (creating an SQLite file or the tables as needed). */
  StateStore open() {
    return state.open();
  }
}

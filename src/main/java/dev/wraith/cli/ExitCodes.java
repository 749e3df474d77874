package dev.wraith.cli;

import dev.wraith.catalogue.CatalogueException;
import dev.wraith.files.Failures;
import dev.wraith.files.FileProblem;
import dev.wraith.state.StateException;
import java.io.PrintWriter;

/**
 * Turns what ended a command early into one line on standard error and its exit code: a usage or input problem (a
 * missing file, an unusable state database, an output that cannot be written) is 2; anything else, running out of
 * memory and bugs included, is 3, never 1 (1 means "findings"). Class names and library wording never reach the
 * line; with --debug the stack trace follows it.
 */
final class ExitCodes {
  private ExitCodes() {}

  static int of(Throwable failure, PrintWriter err) {
    int code;
    String message;
    if (failure instanceof Main.UsageProblem || failure instanceof CatalogueException || failure instanceof FileProblem
        || failure instanceof dev.wraith.cluster.SnapshotKubeApi.SnapshotException) {
      code = Main.USAGE;
      message = failure.getMessage();
    } else if (failure instanceof StateException s) {
      code = Main.USAGE;
      message = s.getMessage();
    } else if (failure instanceof java.io.IOException io) {
      code = Main.USAGE;
      message = FileProblem.describe(io, null, "writing");
    } else {
      code = Main.LAYER_FAILED;
      message = Failures.describe(failure, "wraith");
      if (message.startsWith("an internal error")) message = "internal error: a bug in wraith, please report it (run with "
          + "--debug for the details)";
    }
    err.println("wraith: " + message);
    if (DebugLog.enabled()) failure.printStackTrace(err);
    err.flush();
    return code;
  }
}

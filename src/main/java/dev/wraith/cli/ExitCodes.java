package dev.wraith.cli;

import dev.wraith.catalogue.CatalogueException;
import dev.wraith.files.Failures;
import dev.wraith.files.FileProblem;
import dev.wraith.state.StateException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that words exit codes. {@link #of} turns what ended a command early into one line on standard error
 * and its exit code: a usage or input problem (a missing file, an unusable state database, an output that cannot be
 * written) is 2; anything else, running out of memory and bugs included, is 3, never 1 (1 means "findings"). Class
 * names and library wording never reach the line; with --debug the stack trace follows it. {@link Help} words each
 * command's "Exit codes:" in --help from what is its own.
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

  /** The meaning of --output exit code 2 shares in every command that writes one report or a results directory. */
  static final String OUTPUT = "--output could not be written";
  /** {@link #OUTPUT} where the run is recorded in the state database only after its results were written. */
  static final String OUTPUT_UNRECORDED = OUTPUT + " (nothing is recorded in the state database then)";

  /** A command whose --help ends with its exit codes, rendered from {@link Help}. */
  interface Documented {
    /** The command's own exit codes and causes; ExitCodes adds the words every command shares. */
    Help exitCodes();
  }

  /** A command's exit codes with only what is its own: its notes for 0, 1 and 4, and its causes for 2 and 3. */
  static Help help() {
    return new Help("", "ok", "", List.of(), List.of(), "");
  }

  /**
   * What one command's --help says of its exit codes. The words every command shares are rendered here: code 2 is
   * always "bad usage or input" and code 3 always ends with "or an internal error" (see {@link #of}); a command adds
   * its causes. Blank texts leave their code out.
   */
  record Help(String when, String ok, String failOn, List<String> usage, List<String> failed, String delivery) {
    /** A note on the heading ("when several apply, ..."). */
    Help when(String note) {
      return new Help(note, ok, failOn, usage, failed, delivery);
    }

    /** What 0 means for this command (default "ok"). */
    Help ok(String meaning) {
      return new Help(when, meaning, failOn, usage, failed, delivery);
    }

    /** What 1 means (only where --fail-on is an option). */
    Help failOn(String meaning) {
      return new Help(when, ok, meaning, usage, failed, delivery);
    }

    /** This command's causes of 2, besides bad usage or input. */
    Help usage(String... causes) {
      return new Help(when, ok, failOn, List.of(causes), failed, delivery);
    }

    /** This command's causes of 3, besides an internal error. */
    Help failed(String... causes) {
      return new Help(when, ok, failOn, usage, List.of(causes), delivery);
    }

    /** What 4 means (only where findings are delivered). */
    Help delivery(String meaning) {
      return new Help(when, ok, failOn, usage, failed, meaning);
    }

    /** The section as --help prints it, in lines of at most {@link #WIDTH} columns. */
    List<String> lines() {
      List<String> out = new ArrayList<>();
      out.add(when.isEmpty() ? "Exit codes:" : "Exit codes (" + when + "):");
      code(out, Main.OK, ok);
      code(out, Main.FAIL_ON, failOn);
      List<String> two = new ArrayList<>(List.of("bad usage or input"));
      two.addAll(usage);
      code(out, Main.USAGE, or(two));
      List<String> three = new ArrayList<>(failed);
      three.add("an internal error");
      code(out, Main.LAYER_FAILED, or(three));
      code(out, Main.DELIVERY_FAILED, delivery);
      return List.copyOf(out);
    }

    /** "a", "a, or b", "a, b, or c" (a comma before "or" too: causes have "or" and commas of their own). */
    private static String or(List<String> causes) {
      if (causes.size() == 1) return causes.get(0);
      return String.join(", ", causes.subList(0, causes.size() - 1)) + ", or " + causes.get(causes.size() - 1);
    }

    /** "  2  text", wrapped at word boundaries with the continuation under the text. */
    private static void code(List<String> out, int code, String text) {
      if (text.isBlank()) return;
      StringBuilder line = new StringBuilder("  " + code + "  ");
      for (String word : text.split(" ", -1)) {
        if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
          out.add(line.toString());
          line = new StringBuilder(INDENT);
        } else if (line.length() > INDENT.length()) {
          line.append(' ');
        }
        line.append(word);
      }
      out.add(line.toString());
    }
  }

  /** What picocli prints help at. */
  static final int WIDTH = 80;
  private static final String INDENT = "     ";

  /** Appends each {@link Documented} command's exit codes to its --help footer. */
  static void describe(picocli.CommandLine command) {
    if (!(command.getCommand() instanceof Documented d)) return;
    List<String> footer = new ArrayList<>(List.of(command.getCommandSpec().usageMessage().footer()));
    footer.add("");
    footer.addAll(d.exitCodes().lines());
    command.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
  }
}

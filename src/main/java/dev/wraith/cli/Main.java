package dev.wraith.cli;

import dev.wraith.catalogue.CatalogueLoader;
import dev.wraith.model.Counted;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The wraith command line. */
@Command(
    name = "wraith",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
        "Finds every AI agent in your code and your Kubernetes clusters, and flags the ghosts.",
        ""
    },
    footer = {
        "",
        "Exit codes (each command's --help says which of them it uses):",
        "  0  done; nothing at or above --fail-on",
        "  1  --fail-on matched: in scan a finding's severity, in scan-all an agent's",
        "     classification or risk",
        "  2  bad usage or input (unknown option, missing or unreadable file, invalid",
        "     catalogue, unusable state database), or the results could not be",
        "     written (--output): then nothing is recorded in the state database",
        "  3  a layer failed, the state database could not be written (the results",
        "     are complete), or an internal error (out of memory, a bug); never 1",
        "  4  --ocsf-url (scan-all, operator): not every finding was delivered (the",
        "     results and history are complete)",
        "",
        "Every command also takes --help, --version and --debug.",
        "An option that can come from the environment reads WRAITH_ and its name",
        "(--proc-root: WRAITH_PROC_ROOT), meaning what the option means in the",
        "command run; its --help says so. A command-line option wins.",
        "Run 'wraith COMMAND --help' for a command's options and examples."
    })
public final class Main implements Runnable {
  /** Exit codes, documented in --help and the README. */
  static final int OK = 0, FAIL_ON = 1, USAGE = 2, LAYER_FAILED = 3, DELIVERY_FAILED = 4;

  /**
   * The subcommands, in the order help lists them. picocli reads every option of every command it is given (about
   * 50 ms of CPU for all of them, a seventh of an empty scan); so {@link #run} gives it only the command a command
   * line names (and those that command runs), and all of them for help, --version and anything it does not know.
   */
  private static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, ScanAllCommand.class, AibomCommand.class,
      ScanCommand.class, ClusterCommand.class, SensorCommand.class, TetragonCommand.class, McpCommand.class,
      HistoryCommand.class, DiffCommand.class, AckCommand.class, OperatorCommand.class, CatalogueCommand.class,
      CommandLine.HelpCommand.class);
  /** Commands that run another command through the root command line: demo runs scan-all. */
  private static final Map<Class<?>, Class<?>> RUNS = Map.of(DemoCommand.class, ScanAllCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
      description = "Also print the details of failures to standard error: exception classes, library messages, stack "
          + "traces. Without it, failures are one plain sentence each.")
  void debug(boolean on) {
    DebugLog.set(on);
  }

  /** Said when even reporting a failure fails (memory exhausted again while printing it). */
  private static final String LAST_WORD = "wraith: internal error or out of memory while starting or reporting a failure "
      + "(run with --debug, or give Java more memory: WRAITH_JAVA_OPTS=-Xmx4g)";

  public static void main(String[] args) {
    int code = LAYER_FAILED;
    try {
      code = run(args);
    } catch (Throwable t) { // nothing is left to report it: say the one thing that is always true
      try {
        System.err.println(LAST_WORD);
      } catch (Throwable ignored) {
        // stderr itself is gone; the exit code still tells
      }
    }
    System.exit(code);
  }

  /** The root command line with every subcommand, as help and --version see it (tests walk it). */
  public static CommandLine complete() {
    return root(c -> true);
  }

  /** The root command line with the subcommands {@code wanted} keeps, each with its own --format list and exit codes. */
  private static CommandLine root(java.util.function.Predicate<Class<?>> wanted) {
    CommandLine cl = new CommandLine(new Main());
    SUBCOMMANDS.stream().filter(wanted).forEach(cl::addSubcommand);
    cl.getSubcommands().values().forEach(sub -> {
      FormatOptions.describeFormats(sub.getCommandSpec());
      ExitCodes.describe(sub);
    });
    return cl;
  }

  /**
   * Runs the CLI and returns the exit code (used by tests; only main exits). Whatever ends it early, an
   * OutOfMemoryError or a bug included, becomes one line and exit code 2 or 3 ({@link ExitCodes}), never 1.
   */
  public static int run(String... args) {
    CommandLine cl = null;
    try {
      DebugLog.set(false);
      Class<?> named = args.length == 0 ? null
          : SUBCOMMANDS.stream().filter(c -> nameOf(c).equals(args[0])).findFirst().orElse(null);
      cl = root(c -> named == null || named == CommandLine.HelpCommand.class || c == named || c == RUNS.get(named));
      cl.setCaseInsensitiveEnumValuesAllowed(true);
      cl.setErr(redactedStderr());
      cl.setExecutionExceptionHandler((ex, cmd, parsed) -> ExitCodes.of(ex, cmd.getErr()));
      cl.setParameterExceptionHandler(Main::badUsage);
      return cl.execute(args);
    } catch (Throwable t) { // Errors pass picocli by: out of memory, a stack overflow, a bug in an initializer
      return ExitCodes.of(t, cl != null ? cl.getErr() : new java.io.PrintWriter(
          new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
    } finally {
      DebugLog.set(false);
    }
  }

  /**
   * A command line picocli could not parse: one sentence naming the command and what was wrong, picocli's suggestions
   * for a mistyped name, and where the options are explained; not the whole usage, which buries the sentence. Exit 2.
   */
  private static int badUsage(CommandLine.ParameterException reported, String[] args) {
    CommandLine.ParameterException ex = unknownOptionFirst(reported, args);
    CommandLine cmd = ex.getCommandLine();
    java.io.PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    boolean commands = !cmd.getSubcommands().isEmpty();
    err.println(name + ": " + sentence(ex, commands));
    if (ex instanceof CommandLine.UnmatchedArgumentException u) CommandLine.UnmatchedArgumentException.printSuggestions(u, err);
    err.println("Run '" + name + " --help' for " + (commands ? "its commands" : "its options and examples") + ".");
    err.flush();
    return 2;
  }

  /**
   * picocli checks required parameters before it reports what it could not match, so {@code wraith scan --bogus}
   * would say "missing PATH". A mistyped option is the likelier mistake and the one to name: when a required
   * parameter is missing and the command line holds an option this command does not have, that is reported instead.
   */
  static CommandLine.ParameterException unknownOptionFirst(CommandLine.ParameterException ex, String[] args) {
    if (!(ex instanceof CommandLine.MissingParameterException)) return ex;
    CommandLine cmd = ex.getCommandLine();
    CommandLine.Model.CommandSpec spec = cmd.getCommandSpec();
    int from = cmd.getParent() == null ? 0 : List.of(args).indexOf(cmd.getCommandName()) + 1;
    boolean valueNext = false;
    for (String arg : List.of(args).subList(from, args.length)) {
      if (arg.equals("--")) break;
      if (valueNext) {
        valueNext = false;
        continue;
      }
      if (!arg.startsWith("-") || arg.equals("-")) continue;
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      CommandLine.Model.OptionSpec option = spec.findOption(name);
      if (option != null) {
        valueNext = name.equals(arg) && option.arity().min() > 0;
      } else if (name.startsWith("--") || name.length() <= 2 || spec.findOption(name.substring(0, 2)) == null) {
        return new CommandLine.UnmatchedArgumentException(cmd, List.of(arg));
      }
    }
    return ex;
  }

  /** picocli's message in wraith's words: what was given and why it does not fit. */
  static String sentence(CommandLine.ParameterException ex, boolean commands) {
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().get(0);
      int more = u.getUnmatched().size() - 1;
      String what = first.startsWith("-") ? "unknown option '" + first + "'"
          : commands ? "'" + first + "' is not a command" : "unexpected argument '" + first + "'";
      return more == 0 ? what : what + " (and " + Counted.of(more, "more argument", "more arguments") + ")";
    }
    String m = String.valueOf(ex.getMessage())
        .replace("is not a double", "is not a number")
        .replace("is not an int", "is not a whole number")
        .replace("is not a long", "is not a whole number");
    return m.isEmpty() ? "the command line cannot be read" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }

  private static String nameOf(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Standard error as every message and log line reaches it: line by line through the bundled redactor, which is
   * loaded on the first line written (so {@code --help} never pays for it). Error messages quote inputs.
   */
  static java.io.PrintWriter redactedStderr() {
    java.io.PrintStream stderr = System.err;
    java.io.OutputStream lazy = new java.io.OutputStream() {
      private java.io.OutputStream lines;

      private java.io.OutputStream lines() {
        if (lines == null) lines = dev.wraith.redact.Redactor.bundled().lines(stderr);
        return lines;
      }

      @Override
      public void write(int b) throws java.io.IOException {
        lines().write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        lines().write(b, off, len);
      }

      @Override
      public void flush() throws java.io.IOException {
        if (lines != null) lines.flush();
      }
    };
    return new java.io.PrintWriter(new java.io.OutputStreamWriter(lazy, java.nio.charset.StandardCharsets.UTF_8), true);
  }

  static String toolVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Prints the tool and catalogue versions. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      var c = CatalogueLoader.bundled();
      return new String[] {"wraith " + toolVersion(), "catalogue " + c.version() + " (schema " + c.schema() + ")",
          "parser " + dev.wraith.code.parser.Parsers.description(),
          dev.wraith.host.ebpf.ProbeBuild.current().versionLine()};
    }
  }

  /** A user mistake the CLI reports in one line, with exit code 2. */
  static final class UsageProblem extends RuntimeException {
    UsageProblem(String message) {
      super(message);
    }
  }
}

package dev.wraith.cli;

import dev.wraith.catalogue.CatalogueLoader;
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
        "Exit codes:",
        "  0  scan finished; nothing at or above --fail-on",
        "  1  findings at or above --fail-on",
        "  2  bad usage or input (unknown option, missing path, invalid catalogue)",
        "  3  a layer failed, or an internal error (reported as such)",
        "  4  scan-all --ocsf-url: not every finding was delivered (the results directory is complete)",
        "",
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

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** The root command line with every subcommand, as help and --version see it (tests walk it). */
  public static CommandLine complete() {
    CommandLine cl = new CommandLine(new Main());
    SUBCOMMANDS.forEach(cl::addSubcommand);
    return cl;
  }

  /** Runs the CLI and returns the exit code (used by tests; only main exits). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    Class<?> named = args.length == 0 ? null : SUBCOMMANDS.stream().filter(c -> nameOf(c).equals(args[0])).findFirst().orElse(null);
    for (Class<?> c : SUBCOMMANDS) {
      if (named == null || named == CommandLine.HelpCommand.class || c == named || c == RUNS.get(named)) cl.addSubcommand(c);
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setErr(redactedStderr());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof UsageProblem || ex instanceof dev.wraith.catalogue.CatalogueException
          || ex instanceof dev.wraith.state.StateException) {
        cmd.getErr().println("wraith: " + ex.getMessage());
        return USAGE;
      }
      if (ex instanceof java.io.IOException) { // e.g. --output in a directory that cannot be written
        cmd.getErr().println("wraith: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
        return USAGE;
      }
      // a bug: say so plainly, keep the trace for the report, and never pretend the scan was clean
      cmd.getErr().println("wraith: internal error: " + ex);
      ex.printStackTrace(cmd.getErr());
      return LAYER_FAILED;
    });
    return cl.execute(args);
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

package dev.wraith.cli;

import dev.wraith.catalogue.CatalogueLoader;
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
    subcommands = {DemoCommand.class, ScanAllCommand.class, AibomCommand.class, ScanCommand.class, ClusterCommand.class, SensorCommand.class, TetragonCommand.class, McpCommand.class, HistoryCommand.class, DiffCommand.class, OperatorCommand.class, CatalogueCommand.class, CommandLine.HelpCommand.class},
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns the exit code (used by tests; only main exits). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
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

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
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

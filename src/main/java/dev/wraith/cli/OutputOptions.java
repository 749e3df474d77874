package dev.wraith.cli;

import dev.wraith.files.AtomicFile;
import dev.wraith.files.FileProblem;
import dev.wraith.model.ScanReport;
import dev.wraith.report.Reporter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * --format and --output, declared once for every command that writes one report. Each command gives the formats it
 * writes ({@code new OutputOptions("table", "json")}); its --help lists those (see {@link #describeFormats}) and
 * {@link #format()} accepts only those.
 */
final class OutputOptions {
  /** Stands for the command's formats in the --format description until {@link #describeFormats} fills them in. */
  private static final String FORMATS = "{formats}";

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "${env:WRAITH_FORMAT:-table}",
      description = "Output format: " + FORMATS + ". Default: ${DEFAULT-VALUE}. Env: WRAITH_FORMAT.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "${env:WRAITH_OUTPUT}",
      description = "Write the report to FILE instead of standard output. Env: WRAITH_OUTPUT.")
  Path output;

  /** The command this mixin is part of (for its name in messages). */
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  /** The formats the command writes, the default first. */
  final List<String> formats;

  OutputOptions(String... formats) {
    this.formats = List.of(formats);
  }

  /** --format, lower case, if the command writes it; else a usage problem that lists what it writes. */
  String format() {
    String f = format.toLowerCase(Locale.ROOT);
    if (formats.contains(f)) return f;
    throw new Main.UsageProblem("unknown --format '" + format + "'" + (command == null ? "" : " for " + command.name())
        + " (expected " + list(formats) + ")");
  }

  /** The reporter of --format among a command's reporters. */
  Reporter<ScanReport> reporter(List<Reporter<ScanReport>> reporters) {
    return select(reporters, Reporter::format);
  }

  /** The one of a command's reporters (of any kind) that writes --format. */
  <R> R select(List<R> reporters, java.util.function.Function<R, String> formatOf) {
    String f = format();
    return reporters.stream().filter(r -> formatOf.apply(r).equals(f)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no reporter writes " + f + " though the command lists it"));
  }

  /**
   * Puts the formats of each command's OutputOptions into its --format description (picocli descriptions are
   * annotation constants). The options are removed and added again in their order, which help keeps.
   */
  static void describeFormats(CommandSpec command) {
    for (CommandSpec mixin : command.mixins().values()) {
      if (!(mixin.userObject() instanceof OutputOptions o)) continue;
      List<OptionSpec> options = List.copyOf(command.options());
      options.forEach(command::remove);
      for (OptionSpec s : options) {
        boolean format = s.longestName().equals("--format") && s.description().length == 1
            && s.description()[0].contains(FORMATS);
        command.addOption(!format ? s : s.toBuilder().description(s.description()[0].replace(FORMATS, list(o.formats))).build());
      }
    }
  }

  /** "table", "table or json", "table, json or sarif". */
  static String list(List<String> items) {
    if (items.size() < 2) return String.join("", items);
    return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
  }

  /** Writes through the reporter to --output or stdout. */
  void emit(Reporter<ScanReport> reporter, ScanReport report, PrintStream stdout) throws IOException {
    emit(out -> reporter.write(report, out), stdout);
  }

  /**
   * Writes whatever a reporter produces to --output (whole or not at all: a temporary sibling moved into place) or
   * stdout. A file that cannot be written is a {@link FileProblem} naming it.
   */
  void emit(ReportWriter writer, PrintStream stdout) throws IOException {
    if (output == null) {
      try (OutputStream out = open(stdout)) {
        writer.write(out);
      }
      return;
    }
    try {
      AtomicFile.write(output, writer::write);
    } catch (FileProblem e) {
      throw new FileProblem("--output: " + e.getMessage(), e);
    }
  }

  /** Renders one report to a stream. */
  interface ReportWriter {
    void write(OutputStream out) throws IOException;
  }

  /** {@link #open(PrintStream)} on the process's stdout (which the stream returned shields from close). */
  OutputStream open() throws IOException {
    return open(System.out);
  }

  /**
   * --output opened for writing as it goes (created or truncated; for commands that stream window after window), or
   * stdout shielded from close. A file that cannot be opened is a {@link FileProblem} naming it.
   */
  OutputStream open(PrintStream stdout) throws IOException {
    if (output == null) {
      return new java.io.FilterOutputStream(stdout) {
        @Override
        public void write(byte[] b, int off, int len) {
          stdout.write(b, off, len);
        }

        @Override
        public void close() {
          stdout.flush();
        }
      };
    }
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) java.nio.file.Files.createDirectories(parent);
      return java.nio.file.Files.newOutputStream(output);
    } catch (IOException e) {
      throw new FileProblem("--output: " + FileProblem.describe(e, output, "writing"), e);
    }
  }
}

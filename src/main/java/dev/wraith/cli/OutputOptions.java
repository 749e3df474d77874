package dev.wraith.cli;

import dev.wraith.report.Reporter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** --format and --output, the same on every command. */
final class OutputOptions {
  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "${env:WRAITH_FORMAT:-table}",
      description = "Output format: table, json or sarif (sarif only where a command says so). Default: ${DEFAULT-VALUE}. Env: WRAITH_FORMAT.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "${env:WRAITH_OUTPUT}",
      description = "Write the report to FILE instead of standard output. Env: WRAITH_OUTPUT.")
  Path output;

  Reporter reporter(List<Reporter> reporters, List<String> allowed) {
    for (Reporter r : reporters) if (r.format().equalsIgnoreCase(format) && allowed.contains(r.format())) return r;
    throw new Main.UsageProblem("unknown --format '" + format + "' (expected one of " + String.join(", ", allowed) + ")");
  }

  /** Writes through the reporter to --output or stdout. */
  void emit(Reporter reporter, dev.wraith.model.ScanReport report, PrintStream stdout) throws IOException {
    emit(out -> reporter.write(report, out), stdout);
  }

  /** Writes whatever a reporter produces to --output or stdout (for commands with their own report type). */
  void emit(ReportWriter writer, PrintStream stdout) throws IOException {
    try (OutputStream out = open(stdout)) {
      writer.write(out);
    }
  }

  /** Renders one report to a stream. */
  interface ReportWriter {
    void write(OutputStream out) throws IOException;
  }

  /** --output opened for writing (created or truncated), or the process's stdout shielded from close. */
  OutputStream open() throws IOException {
    return open(System.out);
  }

  /** --output opened for writing (created or truncated), or stdout shielded from close. */
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
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) Files.createDirectories(parent);
    return Files.newOutputStream(output);
  }
}

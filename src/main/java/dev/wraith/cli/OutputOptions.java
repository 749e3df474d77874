package dev.wraith.cli;

import dev.wraith.files.AtomicFile;
import dev.wraith.files.FileProblem;
import dev.wraith.model.ScanReport;
import dev.wraith.report.Reporter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * --output FILE, declared once for every command that writes one report: the report goes to FILE (whole or not at all)
 * instead of standard output. scan-all and the demo write a directory instead: {@link ResultsOptions}.
 */
final class OutputOptions {
  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "${env:WRAITH_OUTPUT}",
      description = "Write the report to FILE (created or replaced) instead of standard output. Env: "
          + "WRAITH_OUTPUT.")
  Path output;

  /** Whether the report goes to standard output (no --output). */
  boolean toStdout() {
    return output == null;
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

package dev.wraith.cli;

import dev.wraith.report.TableReporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Option;

/** --width: how wide terminal tables may be. */
final class WidthOptions {
  private static final int NARROWEST = 40;

  @Option(names = "--width", paramLabel = "N", description = "Fit tables in N columns. Default: COLUMNS, else the "
      + "terminal's width, else " + TableReporter.DEFAULT_WIDTH + " when the output is not a terminal.")
  Integer width;

  /**
   * --width, else a numeric COLUMNS, else the terminal's width when writing to one, else
   * {@link TableReporter#DEFAULT_WIDTH}.
   */
  int resolve(Map<String, String> env, boolean toTerminal) {
    if (width != null) {
      if (width < NARROWEST) throw new Main.UsageProblem("--width must be at least " + NARROWEST + " (got " + width + ")");
      return width;
    }
    try {
      int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").trim());
      if (columns >= NARROWEST) return columns;
    } catch (NumberFormatException e) {
      // not set or not a number: ask the terminal
    }
    return toTerminal ? terminalWidth() : TableReporter.DEFAULT_WIDTH;
  }

  /** {@code stty size} on the controlling terminal ("rows columns"); the default when that fails. */
  private static int terminalWidth() {
    try {
      Process p = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readNBytes(64), StandardCharsets.US_ASCII).trim();
      if (!p.waitFor(1, TimeUnit.SECONDS)) p.destroyForcibly();
      String[] parts = out.split("\\s+");
      int cols = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
      return cols >= NARROWEST ? cols : TableReporter.DEFAULT_WIDTH;
    } catch (IOException | NumberFormatException e) {
      return TableReporter.DEFAULT_WIDTH;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TableReporter.DEFAULT_WIDTH;
    }
  }
}

package dev.wraith.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** --no-color, declared once for the commands that colour their terminal table (scan-all and the demo). */
final class ColourOptions {
  @Option(names = "--no-color", description = "No colours on the terminal (also: NO_COLOR set, or not a terminal).")
  boolean noColor;

  /** Colours only on a terminal, without --no-color and without a non-empty NO_COLOR (no-color.org). */
  boolean colour(boolean tty, Map<String, String> env) {
    String nc = env.get("NO_COLOR");
    return tty && !noColor && (nc == null || nc.isEmpty());
  }
}

package dev.wraith.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** --exclude: paths the code layer skips, declared once for {@code scan} and for scan-all's (and aibom's) code layer. */
final class ExcludeOptions {
  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "Skip paths matching GLOB when scanning code (gitignore syntax, relative to each scan root). Repeatable.")
  List<String> globs = new ArrayList<>();
}

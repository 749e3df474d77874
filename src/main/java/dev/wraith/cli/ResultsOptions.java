package dev.wraith.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * --output DIR, declared once for the two commands that write a results directory (scan-all and the demo); every
 * other command's --output is one file ({@link OutputOptions}). The environment is read here, not by picocli: the
 * demo takes its directory only from its command line, so that WRAITH_OUTPUT never fills a real results directory
 * with the demo's agents.
 */
final class ResultsOptions {
  static final String ENV = "WRAITH_OUTPUT";
  /** The old name of {@link #ENV}, still read after it. */
  static final String OLD_ENV = "WRAITH_RESULTS";
  static final String DEFAULT = "wraith-results";

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Results directory (created), where every other command's --output is one file; standard output "
          + "gets the --format view. Default: " + DEFAULT + ". Env: " + ENV + " (" + OLD_ENV + ", its old name, is "
          + "still read; the demo reads neither, only its command line).")
  Path given;

  /** --output, else WRAITH_OUTPUT, else WRAITH_RESULTS, else ./wraith-results (a blank variable counts as unset). */
  Path dir(Map<String, String> env) {
    if (given != null) return given;
    return Optional.ofNullable(env.get(ENV)).filter(s -> !s.isBlank())
        .or(() -> Optional.ofNullable(env.get(OLD_ENV)).filter(s -> !s.isBlank()))
        .map(Path::of).orElse(Path.of(DEFAULT));
  }

  /** --output, else ./wraith-results: the demo's directory, never the environment's. */
  Path commandLineOnly() {
    return dir(Map.of());
  }
}

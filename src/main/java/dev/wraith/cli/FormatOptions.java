package dev.wraith.cli;

import dev.wraith.model.ScanReport;
import dev.wraith.report.Reporter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * --format, declared once for every command that writes a report or a view of one. Each command gives the formats it
 * writes ({@code new FormatOptions("table", "json")}); its --help lists those (see {@link #describeFormats}) and
 * {@link #format()} accepts only those.
 */
final class FormatOptions {
  /** Stands for the command's formats in the --format description until {@link #describeFormats} fills them in. */
  private static final String FORMATS = "{formats}";

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "${env:WRAITH_FORMAT:-table}",
      description = "Output format: " + FORMATS + ". Default: ${DEFAULT-VALUE}. Env: WRAITH_FORMAT.")
  String format;

  /** The command this mixin is part of (for its name in messages). */
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  /** The formats the command writes, the default first. */
  final List<String> formats;

  FormatOptions(String... formats) {
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
  <R> R select(List<R> reporters, Function<R, String> formatOf) {
    String f = format();
    return reporters.stream().filter(r -> formatOf.apply(r).equals(f)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no reporter writes " + f + " though the command lists it"));
  }

  /**
   * Puts the formats of each command's FormatOptions into its --format description (picocli descriptions are
   * annotation constants). The options are removed and added again in their order, which help keeps.
   */
  static void describeFormats(CommandSpec command) {
    for (CommandSpec mixin : command.mixins().values()) {
      if (!(mixin.userObject() instanceof FormatOptions o)) continue;
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
}

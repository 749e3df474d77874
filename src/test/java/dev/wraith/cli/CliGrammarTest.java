package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.redact.Redactor;
import dev.wraith.scan.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One grammar for every command: its --help lists only the formats it writes, its examples and exit codes, in lines
 * that fit 80 columns; and the README's synopsis of each command names exactly the options its --help lists.
 */
class CliGrammarTest {
  /** Taken by every command and documented once in the README ("Every command also takes ..."). */
  private static final Set<String> COMMON = Set.of("--help", "--version", "--debug");
  /** What picocli prints help at; lines it would have to wrap lose their indentation. */
  private static final int HELP_WIDTH = 80;

  @Test
  void everyCommandHelpHasExamplesAndExitCodesInLinesThatFit() {
    for (CommandSpec c : commands().values()) {
      String name = c.name();
      List<String> footer = List.of(c.usageMessage().footer());
      assertThat(footer).as(name + " examples").contains("Examples:");
      assertThat(footer).as(name + " exit codes").anyMatch(l -> l.startsWith("Exit codes"));
      assertThat(footer).as(name + " exit code 0").anyMatch(l -> l.matches("  0  .+"));
      for (String line : footer) assertThat(line.length()).as(name + " footer: " + line).isLessThanOrEqualTo(HELP_WIDTH);
      for (String line : c.usageMessage().description()) {
        // paragraphs are wrapped by picocli; an indented line (a list, a table) must fit as it is
        if (line.startsWith(" ")) assertThat(line.length()).as(name + " description: " + line).isLessThanOrEqualTo(HELP_WIDTH);
      }
    }
  }

  /**
   * Exit codes are worded in one place: every command lists only its own causes, and ExitCodes adds what all share
   * ("bad usage or input" for 2, "an internal error" last for 3), wrapped under the text within 80 columns.
   */
  @Test
  void everyCommandsExitCodesAreWordedByExitCodesFromItsOwnCauses() {
    for (Map.Entry<String, CommandLine> e : Main.complete().getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) continue;
      Object command = e.getValue().getCommand();
      assertThat(command).as(e.getKey()).isInstanceOf(ExitCodes.Documented.class);
      List<String> footer = List.of(e.getValue().getCommandSpec().usageMessage().footer());
      List<String> section = ((ExitCodes.Documented) command).exitCodes().lines();
      assertThat(footer.subList(footer.size() - section.size(), footer.size())).as(e.getKey()).isEqualTo(section);
      assertThat(footer.stream().filter(l -> l.startsWith("Exit codes"))).as(e.getKey()).hasSize(1);
      String words = String.join(" ", section).replaceAll(" +", " "); // wrapped lines as one text
      assertThat(words).as(e.getKey()).contains(" 2 bad usage or input").containsPattern(" 3 (.+, or )?an internal error( 4 |$)");
    }
    ExitCodes.Help sensor = ExitCodes.help().usage(ExitCodes.OUTPUT)
        .failed("the proc root could not be read", "--probe ebpf and the probe cannot load");
    assertThat(sensor.lines()).containsExactly(
        "Exit codes:",
        "  0  ok",
        "  2  bad usage or input, or --output could not be written",
        "  3  the proc root could not be read, --probe ebpf and the probe cannot load, or",
        "     an internal error");
    assertThat(ExitCodes.help().when("when several apply, the lowest of 1, 3")
        .ok("ok: nothing at or above --fail-on").failOn("a match").delivery("not delivered").lines()).containsExactly(
        "Exit codes (when several apply, the lowest of 1, 3):",
        "  0  ok: nothing at or above --fail-on",
        "  1  a match",
        "  2  bad usage or input",
        "  3  an internal error",
        "  4  not delivered");
  }

  @Test
  void formatHelpListsExactlyTheFormatsACommandWrites() {
    Redactor r = Redactor.bundled();
    Map<String, List<String>> writes = new TreeMap<>(Map.of(
        // scan's reporters, and the code inventory it writes itself (not a reporter)
        "scan", java.util.stream.Stream.concat(Registry.reporters(dev.wraith.catalogue.CatalogueLoader.bundled()).stream()
            .map(x -> x.format()), java.util.stream.Stream.of("inventory")).toList(),
        "cluster", Registry.clusterReporters(r).stream().map(x -> x.format()).toList(),
        "sensor", Registry.sensorReporters(false, r).stream().map(x -> x.format()).toList(),
        "tetragon", Registry.tetragonReporters(r).stream().map(x -> x.format()).toList(),
        "mcp", Registry.mcpReporters(r).stream().map(x -> x.format()).toList(),
        "history", List.of("table", "json"),
        "diff", List.of("table", "json"),
        // the view on standard output; the results directory has every format
        "scan-all", List.of("table", "json"),
        "demo", List.of("table", "json")));
    Map<String, List<String>> described = new TreeMap<>();
    for (CommandSpec c : commands().values()) {
      OptionSpec f = c.findOption("--format");
      if (f == null || f.inherited() || formatOptions(c) == null) continue;
      described.put(c.name(), formatOptions(c).formats);
      String help = String.join(" ", f.description());
      assertThat(help).as(c.name()).startsWith("Output format: " + FormatOptions.list(formatOptions(c).formats) + ". ")
          .doesNotContain("{formats}");
      if (!formatOptions(c).formats.contains("sarif")) assertThat(help).as(c.name()).doesNotContain("sarif");
    }
    assertThat(described).isEqualTo(writes);
  }

  @Test
  void anUnlistedFormatIsRefusedNamingTheCommandAndWhatItWrites() {
    String err = stderr(() -> assertThat(Main.run("history", "--format", "sarif")).isEqualTo(2));
    assertThat(err).isEqualTo("wraith: unknown --format 'sarif' for history (expected table or json)\n");
    err = stderr(() -> assertThat(Main.run("mcp", "--home", "src/test/resources/mcp/home", "-f", "xml")).isEqualTo(2));
    assertThat(err).isEqualTo("wraith: unknown --format 'xml' for mcp (expected table or json)\n");
  }

  @Test
  void failOnSaysWhatItTakesInEachCommand() {
    Map<String, CommandSpec> all = commands();
    String scan = String.join(" ", all.get("scan").findOption("--fail-on").description());
    String scanAll = String.join(" ", all.get("scan-all").findOption("--fail-on").description());
    assertThat(scan).contains("note, warning or error", "scan-all's --fail-on takes an agent's classification or risk");
    assertThat(scanAll).contains("GHOST", "CRITICAL", "scan's --fail-on takes a finding's severity");
    assertThat(all.get("scan").findOption("--fail-on").paramLabel()).isEqualTo("SEVERITY");
    assertThat(all.get("scan-all").findOption("--fail-on").paramLabel()).isEqualTo("CLASS|RISK");
    assertThat(all.values()).filteredOn(c -> c.findOption("--fail-on") != null).extracting(CommandSpec::name)
        .containsExactlyInAnyOrder("scan", "scan-all");
  }

  /**
   * The one environment rule: an option that reads the environment reads WRAITH_ and its long name (upper case, '-' as
   * '_') first (older names and platform variables may follow as fallbacks), and its --help names that variable. The
   * host layer's --probe is the one exception: WRAITH_PROBE is mcp's --probe (a boolean) and must not feed it.
   */
  @Test
  void everyEnvironmentVariableIsWraithAndTheOptionsName() throws IOException {
    Map<String, String> exceptions = Map.of("--probe auto|ebpf|proc", "WRAITH_HOST_PROBE");
    Pattern env = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)");
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (CommandSpec c : commands().values()) {
      for (OptionSpec o : c.options()) {
        if (!(o.userObject() instanceof java.lang.reflect.Field field)) continue;
        Matcher m = env.matcher(field.getAnnotation(CommandLine.Option.class).defaultValue());
        // an option that reads its variable itself (--state: --no-state overrides it) says so in its help
        Matcher said = Pattern.compile("Env: (WRAITH_[A-Z0-9_]+)").matcher(String.join(" ", o.description()));
        boolean reads = m.find();
        if (!reads && !said.find()) continue;
        checked++;
        String read = reads ? m.group(1) : said.group(1);
        String expected = exceptions.getOrDefault(o.longestName() + " " + o.paramLabel(),
            "WRAITH_" + o.longestName().substring(2).toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        String where = c.name() + " " + o.longestName();
        if (!read.equals(expected)) problems.add(where + " reads " + read + ", not " + expected);
        if (!String.join(" ", o.description()).contains("Env: " + expected)) problems.add(where + ": --help does not say Env: " + expected);
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).isGreaterThan(40);
    assertThat(String.join(" ", Main.complete().getCommandSpec().usageMessage().footer()))
        .contains("reads WRAITH_ and its name");
    assertThat(Files.readString(Path.of("README.md"))).contains("reads `WRAITH_` and its name");
  }

  /** --no-state is one option with one rule wherever it is: with --state on the same command line it is exit 2. */
  @Test
  void noStateWithStateIsOneSentenceInEveryCommandThatHasIt(@org.junit.jupiter.api.io.TempDir Path dir) {
    String db = dir.resolve("s.db").toString();
    List<String[]> runs = List.of(
        new String[] {"mcp", "--home", "src/test/resources/mcp/home", "--probe", "--state", db, "--no-state"},
        new String[] {"aibom", "--skip-layers", "code,cluster,host,tetragon,mcp", "--state", db, "--no-state"},
        new String[] {"scan-all", "--skip-layers", "code,cluster,host,tetragon,mcp", "--state", db, "--no-state",
            "--dry-run"});
    assertThat(commands().values()).filteredOn(c -> c.findOption("--no-state") != null).extracting(CommandSpec::name)
        .containsExactlyInAnyOrder("mcp", "aibom", "scan-all");
    for (String[] run : runs) {
      String err = stderr(() -> assertThat(Main.run(run)).as(run[0]).isEqualTo(Main.USAGE));
      assertThat(err).as(run[0]).isEqualTo("wraith: --state and --no-state contradict each other\n");
      assertThat(dir.resolve("s.db")).as(run[0]).doesNotExist();
    }
  }

  /** An impossible --output is one plain sentence naming the flag (exit 2), never an exception or a library's words. */
  @Test
  void anImpossibleOutputIsASentenceNamingTheFlag(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path code = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(code.resolve("app.py"), "from openai import OpenAI\nclient = OpenAI()\n");
    Path events = Files.writeString(dir.resolve("events.log"), "");
    String file = "/proc/nope/x.json";
    String results = "/proc/nope/results";
    Map<String, String[]> runs = new LinkedHashMap<>();
    runs.put("scan", new String[] {"scan", code.toString(), "-o", file});
    runs.put("mcp", new String[] {"mcp", "--home", "src/test/resources/mcp/home", "-o", file});
    runs.put("cluster", new String[] {"cluster", "--kube-snapshot", "src/test/resources/cluster/snapshot-cluster.json", "-o", file});
    runs.put("tetragon", new String[] {"tetragon", "--tetragon-events", events.toString(), "-o", file});
    runs.put("sensor", new String[] {"sensor", "--proc-root", SensorCommandTest.TREE, "--no-dns", "--duration", "0.1", "-o", file});
    runs.put("aibom", new String[] {"aibom", code.toString(), "--skip-layers", "cluster,host,tetragon,mcp", "--no-state", "-o", file});
    runs.put("scan-all", new String[] {"scan-all", code.toString(), "--skip-layers", "cluster,host,tetragon,mcp", "--no-state",
        "-o", results});
    for (Map.Entry<String, String[]> run : runs.entrySet()) {
      String err = stderr(() -> assertThat(Main.run(run.getValue())).as(run.getKey()).isEqualTo(Main.USAGE));
      List<String> said = err.lines().filter(l -> l.startsWith("wraith: ")).toList();
      assertThat(said).as(run.getKey() + ": " + err).hasSize(1);
      assertThat(said.get(0)).as(run.getKey()).startsWith("wraith: --output").contains("/proc/nope")
          .contains("does not exist and cannot be created");
      assertThat(err).as(run.getKey()).doesNotContain("Exception", "java.", "\tat ");
    }
  }

  /** A synopsis is a line "wraith COMMAND ..." (and its indented continuation lines) in a plain ``` block of the README. */
  @Test
  void readmeSynopsesNameExactlyTheOptionsOfEachCommand() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Map<String, Set<String>> synopses = synopses(readme);
    List<String> problems = new ArrayList<>();
    for (CommandSpec c : commands().values()) {
      Set<String> written = synopses.get(c.name());
      if (written == null) {
        problems.add(c.name() + ": no synopsis in the README");
        continue;
      }
      Set<String> names = new TreeSet<>();
      for (OptionSpec o : c.options()) {
        if (o.hidden() || COMMON.contains(o.longestName())) continue;
        names.addAll(List.of(o.names()));
        if (List.of(o.names()).stream().noneMatch(written::contains)) problems.add(c.name() + ": README lacks " + o.longestName());
      }
      for (String w : written) {
        if (!names.contains(w) && !COMMON.contains(w)) problems.add(c.name() + ": README lists " + w + ", which it does not have");
      }
      FormatOptions out = formatOptions(c);
      Matcher f = Pattern.compile("--format ([a-z|]+)").matcher(String.join(" ", synopsisLines(readme, c.name())));
      if (out != null && f.find() && !f.group(1).equals(String.join("|", out.formats))) {
        problems.add(c.name() + ": README says --format " + f.group(1) + ", it writes " + String.join("|", out.formats));
      }
    }
    assertThat(problems).isEmpty();
    assertThat(readme).contains("Every command also takes `--help`, `--version` and `--debug`");
  }

  // ---- helpers

  private static String stderr(Runnable r) {
    java.io.PrintStream old = System.err;
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      r.run();
    } finally {
      System.setErr(old);
    }
    return buf.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Every subcommand of the root as help sees it (the CLI adds subcommands lazily; this has them all). */
  private static Map<String, CommandSpec> commands() {
    Map<String, CommandSpec> all = new LinkedHashMap<>();
    for (Map.Entry<String, CommandLine> e : Main.complete().getSubcommands().entrySet()) {
      if (!e.getKey().equals("help")) all.put(e.getKey(), e.getValue().getCommandSpec());
    }
    return all;
  }

  private static FormatOptions formatOptions(CommandSpec c) {
    return c.mixins().values().stream().map(CommandSpec::userObject).filter(FormatOptions.class::isInstance)
        .map(FormatOptions.class::cast).findFirst().orElse(null);
  }

  private static final Pattern OPTION = Pattern.compile("(?<=[\\s\\[|])(--?[A-Za-z][A-Za-z0-9-]*)");

  static Map<String, Set<String>> synopses(String readme) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (String command : commandsIn(readme)) {
      Set<String> options = new TreeSet<>();
      for (String line : synopsisLines(readme, command)) {
        Matcher m = OPTION.matcher(" " + line);
        while (m.find()) options.add(m.group(1));
      }
      out.put(command, options);
    }
    return out;
  }

  private static Set<String> commandsIn(String readme) {
    Set<String> names = new TreeSet<>();
    for (List<String> block : plainBlocks(readme)) {
      for (String l : block) {
        Matcher m = Pattern.compile("^wraith ([a-z-]+)").matcher(l);
        if (m.find()) names.add(m.group(1));
      }
    }
    return names;
  }

  /** The lines of every synopsis of {@code command}: its "wraith COMMAND" lines and their indented continuations. */
  static List<String> synopsisLines(String readme, String command) {
    List<String> lines = new ArrayList<>();
    for (List<String> block : plainBlocks(readme)) {
      boolean in = false;
      for (String l : block) {
        if (l.startsWith("wraith ")) in = l.startsWith("wraith " + command + " ") || l.equals("wraith " + command);
        else if (!l.startsWith(" ")) in = false;
        if (in) lines.add(l.startsWith("wraith " + command) ? l.substring(("wraith " + command).length()) : l);
      }
    }
    return lines;
  }

  /** Fenced blocks without a language: synopses (examples are ```sh blocks and are not read here). */
  private static List<List<String>> plainBlocks(String readme) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String l : readme.split("\n", -1)) {
      if (current == null && l.equals("```")) {
        current = new ArrayList<>();
      } else if (current == null && l.startsWith("```")) {
        current = new ArrayList<>(List.of("```other"));
      } else if (current != null && l.startsWith("```")) {
        if (current.isEmpty() || !current.get(0).equals("```other")) blocks.add(current);
        current = null;
      } else if (current != null) {
        current.add(l);
      }
    }
    return blocks;
  }
}

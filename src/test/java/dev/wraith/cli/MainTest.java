package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The root command builds only the subcommand a command line names; help and unknown input still see them all. */
class MainTest {
  private static final List<String> COMMANDS = List.of("demo", "scan-all", "aibom", "scan", "cluster", "sensor", "tetragon", "mcp",
      "history", "diff", "operator", "catalogue", "help");

  @Test
  void helpListsEveryCommandInOrder() {
    String out = capture(true, () -> assertThat(Main.run("--help")).isZero());
    int at = out.indexOf("Commands:");
    assertThat(at).isPositive();
    for (String c : COMMANDS) {
      int next = out.indexOf("\n  " + c + " ", at);
      assertThat(next).as(c).isGreaterThan(at);
      at = next;
    }
  }

  @Test
  void eachCommandStillRunsAndHelpNamesThemAll() {
    assertThat(capture(true, () -> assertThat(Main.run("help", "scan")).isZero())).startsWith("Usage: wraith scan ");
    assertThat(capture(true, () -> assertThat(Main.run("scan", "--help")).isZero())).startsWith("Usage: wraith scan ");
    assertThat(capture(true, () -> assertThat(Main.run("catalogue", "--help")).isZero())).startsWith("Usage: wraith catalogue ");
    assertThat(capture(true, () -> assertThat(Main.run("--version")).isZero())).startsWith("wraith ").contains("catalogue ");
    String err = capture(false, () -> assertThat(Main.run("scna")).isEqualTo(2));
    assertThat(err).startsWith("wraith: 'scna' is not a command\n").contains("Did you mean: wraith scan")
        .contains("Run 'wraith --help' for its commands.");
  }

  @Test
  void aCommandLineThatCannotBeParsedIsOneSentenceNotTheWholeUsage() {
    String number = capture(false, () -> assertThat(Main.run("scan-all", "--duration", "abc")).isEqualTo(2));
    assertThat(number).startsWith("wraith scan-all: invalid value for option '--duration': 'abc' is not a number\n")
        .contains("Run 'wraith scan-all --help' for its options and examples.").doesNotContain("Usage:");
    String option = capture(false, () -> assertThat(Main.run("scan", "x", "--bogus")).isEqualTo(2));
    assertThat(option).startsWith("wraith scan: unknown option '--bogus'\n").doesNotContain("Usage:");
    // picocli finds the missing PATH first; the mistyped option is the mistake to name
    String beforePath = capture(false, () -> assertThat(Main.run("scan", "--bogus")).isEqualTo(2));
    assertThat(beforePath).startsWith("wraith scan: unknown option '--bogus'\n")
        .doesNotContain("PATH");
    String typo = capture(false, () -> assertThat(Main.run("scan", "--formt=json")).isEqualTo(2));
    assertThat(typo).startsWith("wraith scan: unknown option '--formt=json'\n").contains("--format");
    // a known option's value that starts with '-' is a value, not an option; with none unknown, PATH is named
    String missing = capture(false, () -> assertThat(Main.run("scan", "--exclude", "-x", "--format", "json")).isEqualTo(2));
    assertThat(missing).startsWith("wraith scan: missing required parameter: 'PATH'\n");
    // what the user typed is echoed through the redactor: a secret given to a mistyped flag is not printed
    String secret = capture(false, () -> assertThat(Main.run("scan", "x", "--api-key=sk-proj-MainTestPlanted0123456789abcdef"))
        .isEqualTo(2));
    assertThat(secret).contains("unknown option").doesNotContain("MainTestPlanted0123456789abcdef");
  }

  private static String capture(boolean stdout, Runnable r) {
    PrintStream old = stdout ? System.out : System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(buf, true, StandardCharsets.UTF_8);
    if (stdout) System.setOut(p); else System.setErr(p);
    try {
      r.run();
    } finally {
      if (stdout) System.setOut(old); else System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}

package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment rule as a user meets it, in a child JVM with the variables set: WRAITH_OUTPUT is scan-all's results
 * directory (WRAITH_RESULTS, its old name, still read, the new one winning), WRAITH_ALLOW_LIST is read by scan-all as
 * by the operator, aibom's BOM file (one file, like every command but scan-all and the demo) comes from WRAITH_OUTPUT,
 * and the demo never takes WRAITH_STATE or WRAITH_OUTPUT (it would fill a real database or results directory with the
 * demo's agents).
 */
class EnvironmentOptionsTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final List<String> HEAP = List.of("-Xmx512m");

  @TempDir Path work;

  private ChildWraith.Run scanAll(Map<String, String> env, String... more) throws Exception {
    Path code = Files.createDirectories(work.resolve("repo"));
    Files.writeString(code.resolve("app.py"), "from openai import OpenAI\nclient = OpenAI()\n");
    List<String> args = new java.util.ArrayList<>(List.of("scan-all", code.toString(), "--skip-layers",
        "cluster,host,tetragon,mcp", "--no-state", "--format", "json"));
    args.addAll(List.of(more));
    return ChildWraith.run(work, TIMEOUT, HEAP, env, args.toArray(String[]::new));
  }

  @Test
  void scanAllsResultsDirectoryComesFromWraithOutputOrItsOldName() throws Exception {
    assertThat(scanAll(Map.of("WRAITH_OUTPUT", "by-output")).exit()).isZero();
    assertThat(work.resolve("by-output/inventory.json")).isRegularFile();
    assertThat(scanAll(Map.of("WRAITH_RESULTS", "by-results")).exit()).isZero();
    assertThat(work.resolve("by-results/inventory.json")).isRegularFile();
    assertThat(scanAll(Map.of("WRAITH_OUTPUT", "new", "WRAITH_RESULTS", "old")).exit()).isZero();
    assertThat(work.resolve("new/inventory.json")).isRegularFile();
    assertThat(work.resolve("old")).doesNotExist();
    assertThat(scanAll(Map.of("WRAITH_OUTPUT", "ignored"), "--output", "given").exit()).isZero();
    assertThat(work.resolve("given/inventory.json")).isRegularFile();
    assertThat(work.resolve("ignored")).doesNotExist();
  }

  /** The order without a child JVM: the option, WRAITH_OUTPUT, its old name, the default; a blank variable is unset. */
  @Test
  void theResultsDirectoryIsTheOptionThenWraithOutputThenItsOldNameThenTheDefault() {
    ResultsOptions results = new ResultsOptions();
    assertThat(results.dir(Map.of())).isEqualTo(Path.of("wraith-results"));
    assertThat(results.dir(Map.of("WRAITH_RESULTS", "old"))).isEqualTo(Path.of("old"));
    assertThat(results.dir(Map.of("WRAITH_OUTPUT", "new", "WRAITH_RESULTS", "old"))).isEqualTo(Path.of("new"));
    assertThat(results.dir(Map.of("WRAITH_OUTPUT", " ", "WRAITH_RESULTS", "old"))).isEqualTo(Path.of("old"));
    assertThat(results.dir(Map.of("WRAITH_OUTPUT", "", "WRAITH_RESULTS", ""))).isEqualTo(Path.of("wraith-results"));
    assertThat(results.commandLineOnly()).isEqualTo(Path.of("wraith-results"));
    results.given = Path.of("given");
    assertThat(results.dir(Map.of("WRAITH_OUTPUT", "new"))).isEqualTo(Path.of("given"));
    assertThat(results.commandLineOnly()).isEqualTo(Path.of("given"));
  }

  @Test
  void aibomWritesTheBomWhereWraithOutputSays() throws Exception {
    Path code = Files.createDirectories(work.resolve("repo"));
    Files.writeString(code.resolve("app.py"), "from openai import OpenAI\nclient = OpenAI()\n");
    ChildWraith.Run run = ChildWraith.run(work, TIMEOUT, HEAP, Map.of("WRAITH_OUTPUT", "bom.cdx.json"), "aibom",
        code.toString(), "--skip-layers", "cluster,host,tetragon,mcp", "--no-state");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(work.resolve("bom.cdx.json"))).contains("\"bomFormat\"", "CycloneDX");
  }

  @Test
  void scanAllReadsTheAllowListFromTheEnvironment() throws Exception {
    ChildWraith.Run missing = scanAll(Map.of("WRAITH_ALLOW_LIST", work.resolve("no-such-list.yaml").toString()));
    assertThat(missing.exit()).isEqualTo(Main.USAGE);
    assertThat(missing.messages()).contains("--allow-list").contains("no-such-list.yaml");
    Path list = Files.writeString(work.resolve("allow.yaml"), "allow:\n  - image: ghcr.io/acme/chatbot\n");
    assertThat(scanAll(Map.of("WRAITH_ALLOW_LIST", list.toString())).exit()).isZero();
  }

  @Test
  void noStateOverridesWraithStateButContradictsAStateOption() throws Exception {
    Path db = work.resolve("env.db");
    ChildWraith.Run run = scanAll(Map.of("WRAITH_STATE", db.toString()), "--output", "r");
    assertThat(run.exit()).isZero();
    assertThat(db).doesNotExist(); // scanAll passes --no-state
    ChildWraith.Run both = scanAll(Map.of(), "--output", "r", "--state", db.toString());
    assertThat(both.exit()).isEqualTo(Main.USAGE);
    assertThat(both.messages()).contains("--state and --no-state contradict each other");
    List<String> remembered = List.of("scan-all", work.resolve("repo").toString(), "--skip-layers", "cluster,host,tetragon,mcp",
        "--output", "r", "--format", "json");
    assertThat(ChildWraith.run(work, TIMEOUT, HEAP, Map.of("WRAITH_STATE", db.toString()),
        remembered.toArray(String[]::new)).exit()).isZero();
    assertThat(db).isRegularFile();
  }

  @Test
  void theDemoKeepsHistoryAndResultsOnlyWhereItsCommandLineSays() throws Exception {
    Path fromEnv = work.resolve("from-env.db");
    ChildWraith.Run run = ChildWraith.run(work, TIMEOUT, HEAP, Map.of("WRAITH_STATE", fromEnv.toString(),
        "WRAITH_OUTPUT", "env-results"), "demo", "--format", "json");
    assertThat(run.exit()).isZero();
    assertThat(fromEnv).doesNotExist();
    assertThat(work.resolve("env-results")).doesNotExist();
    assertThat(work.resolve("wraith-results/inventory.json")).isRegularFile();
    Path given = work.resolve("given.db");
    assertThat(ChildWraith.run(work, TIMEOUT, HEAP, Map.of("WRAITH_STATE", fromEnv.toString()), "demo", "--output",
        "demo-results", "--format", "json", "--state", given.toString()).exit()).isZero();
    assertThat(given).isRegularFile();
    assertThat(fromEnv).doesNotExist();
  }
}

package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.CodeScanner;
import dev.wraith.code.FixtureHarness;
import dev.wraith.correlate.CorrelationInput;
import dev.wraith.correlate.Correlator;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Deployable;
import dev.wraith.model.InventoryAgent;
import dev.wraith.scan.CodeLayer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a person reads in the terminal after {@code wraith scan} and {@code wraith scan-all} of a multi-module repository
 * (the acme-support services plus two crews whose modules share a name, a crew without a manifest, a notebook
 * directory), at 100 and 160 columns, compared with golden files. Timings, the scan time, the catalogue version and
 * the results directory are masked: they change from run to run or release to release, the layout must not. Rewrite
 * the goldens with {@code -Dwraith.updateGolden=true} and review the diff.
 */
class TerminalGoldenTest {
  private static final Path FIXTURE = Path.of("src", "test", "resources", "golden", "monorepo");
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "terminal");
  private static final boolean UPDATE = Boolean.getBoolean("wraith.updateGolden");

  @TempDir Path results;

  @ParameterizedTest
  @CsvSource({"scan,100", "scan,160", "scan-all,100", "scan-all,160"})
  void matchesTheGoldenFile(String command, int width) throws IOException {
    String out = command.equals("scan")
        ? run(0, "scan", FIXTURE.toString(), "--width", String.valueOf(width))
        : run(0, "scan-all", FIXTURE.toString(), "--skip-layers", "cluster,host,tetragon,mcp", "--no-state", "--no-color",
            "-o", results.toString(), "--width", String.valueOf(width));
    String masked = mask(out);
    Path golden = GOLDEN.resolve(command + "-" + width + ".txt");
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, masked);
    }
    assertThat(golden).as("golden file; create it with -Dwraith.updateGolden=true").exists();
    assertThat(masked).as("%s at %d columns differs from %s; if intended, rerun with -Dwraith.updateGolden=true and review",
        command, width, golden).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    for (String line : masked.split("\n")) {
      if (!line.startsWith("Layers:") && !line.startsWith("Results in")) {
        assertThat(line.length()).as("line fits %d columns: %s", width, line).isLessThanOrEqualTo(width);
      }
    }
  }

  @Test
  void scanAndScanAllAgreeOnTheAgents() {
    CodeScan code = CodeLayer.scan(FixtureHarness.catalogue(), List.of(FIXTURE), new CodeScanner.Options(List.of(), true, 2),
        "test").code();
    List<String> scanNames = code.deployables().stream().map(Deployable::name).sorted().toList();
    List<String> inventoryNames = new Correlator(FixtureHarness.catalogue())
        .correlate(CorrelationInput.of(new dev.wraith.model.ScanReport.Tool("wraith", "test", "0", 1), Instant.EPOCH)
            .withCode(code, Map.of()))
        .agents().stream().filter(a -> !a.code().isEmpty()).map(InventoryAgent::name).sorted().toList();
    assertThat(scanNames).hasSize(9).doesNotHaveDuplicates().isEqualTo(inventoryNames)
        .contains("marketing_posts (crews)", "marketing_posts (nvidia)", "trip_planner", "research", "@acme/web-chat")
        .noneMatch(n -> n.endsWith(".py") || n.endsWith(".ts") || n.endsWith(".java") || n.endsWith(".go"));
    assertThat(code.deployables()).allMatch(d -> !d.path().isEmpty() && d.files().stream().allMatch(f ->
        d.dir().equals(".") || f.path().startsWith(d.dir() + "/")));
    // the crews that name no model: CrewAI's own default, shown as implied; the one with an explicit LLM has none
    assertThat(code.deployables().stream().filter(d -> d.name().equals("trip_planner")).findFirst().orElseThrow()
        .impliedProviders()).containsExactly("openai");
    assertThat(code.deployables().stream().filter(d -> d.name().equals("marketing_posts (nvidia)")).findFirst().orElseThrow()
        .impliedProviders()).isEmpty();
  }

  private static String mask(String out) {
    return out.replaceAll("in \\d+\\.\\d s\n", "in N.N s\n")
        .replaceAll("catalogue \\d+\\.\\d+\\.\\d+", "catalogue X.Y.Z")
        .replaceAll("· scan \\S+", "· scan TIME")
        .replaceAll("Results in [^:]+:", "Results in DIR:");
  }

  private static String run(int exit, String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(args)).isEqualTo(exit);
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}

package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.code.FixtureHarness;
import dev.wraith.model.ScanReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON and SARIF reports of the Python fixture tree are compared byte for byte with golden files, so
 * every output change shows up as a reviewed diff. Run with {@code -Dwraith.updateGolden=true} to rewrite
 * them after an intended change. Two scans of the same tree must also give identical bytes (no timings,
 * absolute paths or thread order in the output).
 */
class GoldenReportTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("wraith.updateGolden");

  @ParameterizedTest
  @ValueSource(strings = {"json", "sarif"})
  void matchesTheGoldenFile(String format) throws IOException {
    byte[] actual = PythonFixtureReport.render(reporter(format), PythonFixtureReport.scan());
    Path golden = GOLDEN.resolve("python." + format);
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.write(golden, actual);
    }
    assertThat(golden).as("golden file; create it with -Dwraith.updateGolden=true").exists();
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .as("%s differs from %s; if intended, rerun with -Dwraith.updateGolden=true and review the diff", format, golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "sarif", "table"})
  void twoScansGiveIdenticalBytes(String format) {
    ScanReport first = PythonFixtureReport.scan();
    ScanReport second = PythonFixtureReport.scan();
    // the table says how long the scan took; everything else must be the same bytes
    assertThat(untimed(PythonFixtureReport.render(reporter(format), second)))
        .isEqualTo(untimed(PythonFixtureReport.render(reporter(format), first)));
  }

  private static String untimed(byte[] report) {
    return new String(report, StandardCharsets.UTF_8).replaceAll(" in \\d+\\.\\d s\n", " in N s\n");
  }

  private static Reporter reporter(String format) {
    return switch (format) {
      case "json" -> new JsonReporter();
      case "sarif" -> new SarifReporter(FixtureHarness.catalogue());
      case "table" -> new TableReporter();
      default -> throw new IllegalArgumentException(format);
    };
  }
}

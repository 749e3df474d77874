package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.Golden;
import dev.wraith.code.FixtureHarness;
import dev.wraith.model.ScanReport;
import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON and SARIF reports of the Python fixture tree are compared byte for byte with golden files, so
 * every output change shows up as a reviewed diff ({@link Golden}). Two scans of the same tree must also give identical bytes (no timings,
 * absolute paths or thread order in the output).
 */
class GoldenReportTest {
  static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  @ParameterizedTest
  @ValueSource(strings = {"json", "sarif"})
  void matchesTheGoldenFile(String format) throws IOException {
    byte[] actual = PythonFixtureReport.render(reporter(format), PythonFixtureReport.scan());
    Golden.assertMatches(GOLDEN.resolve("python." + format), actual);
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
    return new String(report, java.nio.charset.StandardCharsets.UTF_8).replaceAll(" in \\d+\\.\\d s\n", " in N s\n");
  }

  private static Reporter<ScanReport> reporter(String format) {
    return switch (format) {
      case "json" -> new JsonReporter(Redactor.bundled());
      case "sarif" -> new SarifReporter(FixtureHarness.catalogue());
      case "table" -> new TableReporter(Redactor.bundled());
      default -> throw new IllegalArgumentException(format);
    };
  }
}

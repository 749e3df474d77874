package dev.wraith.report;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.FixtureHarness;
import dev.wraith.model.ScanReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real scan of the Python fixture tree rendered by a reporter, as the report tests see it. The root is
 * given relative to the project directory (Maven's working directory for tests), so no absolute path of
 * this machine reaches the output; the tool version is fixed so a release bump does not touch golden files.
 */
final class PythonFixtureReport {
  static final Path ROOT = Path.of("src", "test", "resources", "code", "python");

  private PythonFixtureReport() {}

  static ScanReport scan() {
    Catalogue c = FixtureHarness.catalogue();
    return new ScanReport(new ScanReport.Tool("wraith", "test", c.version(), c.schema()), FixtureHarness.scan(ROOT));
  }

  static byte[] render(Reporter<ScanReport> reporter, ScanReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      reporter.write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}

package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FileDetector;
import dev.wraith.code.python.PythonDetector;
import dev.wraith.report.JsonReporter;
import dev.wraith.report.Reporter;
import dev.wraith.report.SarifReporter;
import dev.wraith.report.SensorJsonReporter;
import dev.wraith.report.SensorReporter;
import dev.wraith.report.SensorTableReporter;
import dev.wraith.report.TableReporter;
import java.util.List;

/**
 * The one place that lists every plugin wraith runs. Adding a detector or a reporter is one line here;
 * nothing is discovered by classpath scanning or static registration.
 */
public final class Registry {
  private Registry() {}

  /** Code-layer file detectors, built for one catalogue. */
  public static List<FileDetector> codeDetectors(Catalogue catalogue) {
    FactMatcher matcher = new FactMatcher(catalogue);
    return List.of(
        new PythonDetector(matcher));
  }

  /** Every output format, by --format id. */
  public static List<Reporter> reporters(Catalogue catalogue) {
    return List.of(new TableReporter(), new JsonReporter(), new SarifReporter(catalogue));
  }

  /** Output formats of {@code wraith sensor}; entry-script hashes only when the operator asks. */
  public static List<SensorReporter> sensorReporters(boolean includeHashes) {
    return List.of(new SensorTableReporter(includeHashes), new SensorJsonReporter(includeHashes));
  }
}

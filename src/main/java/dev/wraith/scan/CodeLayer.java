package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.CodeScanner;
import dev.wraith.model.CodeScan;
import dev.wraith.model.ScanReport;
import java.nio.file.Path;
import java.util.List;

/** Runs the code layer with the registry's detectors and wraps the result as a report. */
public final class CodeLayer {
  private CodeLayer() {}

  public static ScanReport scan(Catalogue catalogue, List<Path> roots, CodeScanner.Options options, String toolVersion) {
    CodeScan code = new CodeScanner(catalogue, Registry.codeDetectors(catalogue), options).scan(roots);
    return new ScanReport(new ScanReport.Tool("wraith", toolVersion, catalogue.version(), catalogue.schema()), code);
  }
}

package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FileDetector;
import dev.wraith.code.component.ComponentDetector;
import dev.wraith.code.config.DotenvDetector;
import dev.wraith.code.config.SpringConfigDetector;
import dev.wraith.code.deploy.ComposeDetector;
import dev.wraith.code.deploy.DockerfileDetector;
import dev.wraith.code.deploy.HelmChartDetector;
import dev.wraith.code.deploy.HelmValuesDetector;
import dev.wraith.code.deploy.KubernetesDetector;
import dev.wraith.code.deploy.KustomizationDetector;
import dev.wraith.code.go.GoDetector;
import dev.wraith.code.java.JavaDetector;
import dev.wraith.code.javascript.JavaScriptDetector;
import dev.wraith.code.javascript.TypeScriptDetector;
import dev.wraith.code.manifest.CargoManifestDetector;
import dev.wraith.code.manifest.ComposerManifestDetector;
import dev.wraith.code.manifest.GoManifestDetector;
import dev.wraith.code.manifest.MavenManifestDetector;
import dev.wraith.code.manifest.NpmManifestDetector;
import dev.wraith.code.manifest.NugetManifestDetector;
import dev.wraith.code.manifest.PypiManifestDetector;
import dev.wraith.code.manifest.RubyManifestDetector;
import dev.wraith.code.notebook.NotebookDetector;
import dev.wraith.code.python.PythonDetector;
import dev.wraith.report.ClusterJsonReporter;
import dev.wraith.report.ClusterReporter;
import dev.wraith.report.ClusterTableReporter;
import dev.wraith.report.CycloneDxVersion;
import dev.wraith.report.GenAiNames;
import dev.wraith.report.JsonReporter;
import dev.wraith.report.Reporter;
import dev.wraith.report.SarifReporter;
import dev.wraith.report.SensorJsonReporter;
import dev.wraith.report.SensorReporter;
import dev.wraith.report.SensorTableReporter;
import dev.wraith.report.TableReporter;
import dev.wraith.report.TetragonJsonReporter;
import dev.wraith.report.TetragonReporter;
import dev.wraith.report.TetragonTableReporter;
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
    // the readers of source and requirements files, which notebooks and components hand their code to
    List<FileDetector> readers = List.of(
        new PythonDetector(matcher),
        new JavaScriptDetector(matcher),
        new TypeScriptDetector(matcher),
        new JavaDetector(matcher, catalogue),
        new GoDetector(matcher, catalogue),
        new PypiManifestDetector(catalogue));
    return java.util.stream.Stream.concat(readers.stream(), java.util.stream.Stream.of(
        new NpmManifestDetector(catalogue),
        new MavenManifestDetector(catalogue),
        new GoManifestDetector(catalogue),
        new DockerfileDetector(catalogue),
        new KubernetesDetector(catalogue),
        new HelmChartDetector(),
        new HelmValuesDetector(catalogue),
        new KustomizationDetector(),
        new ComposeDetector(catalogue),
        new NugetManifestDetector(catalogue),
        new RubyManifestDetector(catalogue),
        new ComposerManifestDetector(catalogue),
        new CargoManifestDetector(catalogue),
        new NotebookDetector(catalogue, readers),
        new ComponentDetector(readers),
        new SpringConfigDetector(catalogue),
        new DotenvDetector(catalogue))).toList();
  }

  /** Every output format, by --format id. */
  public static List<Reporter> reporters(Catalogue catalogue) {
    return List.of(new TableReporter(), new JsonReporter(), new SarifReporter(catalogue));
  }

  /** Output formats of {@code wraith cluster}, by --format id. */
  public static List<ClusterReporter> clusterReporters() {
    return List.of(new ClusterTableReporter(), new ClusterJsonReporter());
  }

  /** Output formats of {@code wraith sensor}; entry-script hashes only when the operator asks. */
  public static List<SensorReporter> sensorReporters(boolean includeHashes) {
    return List.of(new SensorTableReporter(includeHashes), new SensorJsonReporter(includeHashes));
  }

  /** The formats of {@code wraith mcp}. */
  public static List<dev.wraith.report.McpReporter> mcpReporters() {
    return List.of(new dev.wraith.report.McpTableReporter(), new dev.wraith.report.McpJsonReporter());
  }

  /** Output formats of {@code wraith tetragon}. */
  public static List<TetragonReporter> tetragonReporters() {
    return List.of(new TetragonTableReporter(), new TetragonJsonReporter());
  }

  /** The files of a scan-all results directory, one reporter each (code.sarif is written by the SARIF reporter). */
  public static List<dev.wraith.report.InventoryReporter> inventoryReporters() {
    return inventoryReporters(GenAiNames.bundled(), CycloneDxVersion.DEFAULT);
  }

  /** The same, with the catalogue's OpenTelemetry provider names and the AIBOM's CycloneDX version. */
  public static List<dev.wraith.report.InventoryReporter> inventoryReporters(GenAiNames names, CycloneDxVersion cdx) {
    return List.of(new dev.wraith.report.InventoryJsonReporter(names), new dev.wraith.report.MarkdownReporter(),
        new dev.wraith.report.HtmlReporter(), new dev.wraith.report.AibomReporter(cdx, names),
        new dev.wraith.report.OcsfReporter(names));
  }
}

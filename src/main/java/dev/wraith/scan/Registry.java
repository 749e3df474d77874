package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.FactMatcher;
import dev.wraith.code.FileDetector;
import dev.wraith.code.component.ComponentDetector;
import dev.wraith.code.csharp.CSharpDetector;
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
import dev.wraith.code.kotlin.KotlinDetector;
import dev.wraith.code.manifest.CargoManifestDetector;
import dev.wraith.code.manifest.ComposerManifestDetector;
import dev.wraith.code.manifest.GoManifestDetector;
import dev.wraith.code.manifest.MavenManifestDetector;
import dev.wraith.code.manifest.NpmManifestDetector;
import dev.wraith.code.manifest.NugetManifestDetector;
import dev.wraith.code.manifest.PypiManifestDetector;
import dev.wraith.code.manifest.RubyManifestDetector;
import dev.wraith.code.notebook.NotebookDetector;
import dev.wraith.code.php.PhpDetector;
import dev.wraith.code.python.PythonDetector;
import dev.wraith.code.ruby.RubyDetector;
import dev.wraith.code.rust.RustDetector;
import dev.wraith.model.ClusterReport;
import dev.wraith.model.McpScan;
import dev.wraith.model.ScanReport;
import dev.wraith.model.TetragonScan;
import dev.wraith.report.ClusterJsonReporter;
import dev.wraith.report.ClusterTableReporter;
import dev.wraith.report.CycloneDxVersion;
import dev.wraith.report.GenAiNames;
import dev.wraith.report.InventoryReport;
import dev.wraith.report.JsonReporter;
import dev.wraith.report.Reporter;
import dev.wraith.report.SarifReporter;
import dev.wraith.report.SensorJsonReporter;
import dev.wraith.report.SensorTableReporter;
import dev.wraith.report.SensorWindow;
import dev.wraith.report.TableReporter;
import dev.wraith.report.TetragonJsonReporter;
import dev.wraith.report.TetragonTableReporter;
import dev.wraith.report.ToolScan;
import dev.wraith.redact.Redactor;
import java.util.List;

/**
 * The one place that lists every plugin wraith runs: layers, detectors, reporters. Adding one is one line here;
 * nothing is discovered by classpath scanning or static registration. Every reporter is built with the catalogue's
 * redactor, and the planted-secrets corpus test runs every one listed here.
 */
public final class Registry {
  private Registry() {}

  /**
   * The layers of scan-all, the demo and aibom, in report order: what each can do here is its own {@link Layer#plan},
   * so adding a layer is its class and one line here.
   */
  public static List<Layer<?>> layers() {
    return List.of(new CodeLayer(), new ClusterLayer(), new HostLayer(), new TetragonEventsLayer(), new McpLayer());
  }

  /** The names of {@link #layers()}, in report order ({@code --skip-layers} takes these). */
  public static List<String> layerNames() {
    return layers().stream().map(l -> l.id().name()).toList();
  }

  /** Code-layer file detectors, built for one catalogue. */
  public static List<FileDetector> codeDetectors(Catalogue catalogue) {
    FactMatcher matcher = new FactMatcher(catalogue);
    // the readers of source, requirements and project files, which notebooks and components hand their code to
    List<FileDetector> readers = List.of(
        new PythonDetector(matcher),
        new JavaScriptDetector(matcher),
        new TypeScriptDetector(matcher),
        new JavaDetector(matcher, catalogue),
        new GoDetector(matcher, catalogue),
        new CSharpDetector(matcher, catalogue),
        new KotlinDetector(matcher, catalogue),
        new RubyDetector(matcher),
        new PhpDetector(matcher),
        new RustDetector(matcher, catalogue),
        new PypiManifestDetector(catalogue),
        new NugetManifestDetector(catalogue));
    return java.util.stream.Stream.concat(readers.stream(), java.util.stream.Stream.of(
        new NpmManifestDetector(catalogue),
        new MavenManifestDetector(catalogue),
        new GoManifestDetector(catalogue),
        new DockerfileDetector(catalogue),
        new KubernetesDetector(catalogue),
        new HelmChartDetector(),
        new HelmValuesDetector(catalogue),
        new KustomizationDetector(catalogue),
        new ComposeDetector(catalogue),
        new RubyManifestDetector(catalogue),
        new ComposerManifestDetector(catalogue),
        new CargoManifestDetector(catalogue),
        new NotebookDetector(catalogue, readers),
        new ComponentDetector(readers),
        new SpringConfigDetector(catalogue),
        new DotenvDetector(catalogue))).toList();
  }

  /** Every output format, by --format id. */
  public static List<Reporter<ScanReport>> reporters(Catalogue catalogue) {
    return reporters(catalogue, TableReporter.DEFAULT_WIDTH, false);
  }

  /** Every output format; the table fits {@code width} and, with {@code details}, lists every finding. */
  public static List<Reporter<ScanReport>> reporters(Catalogue catalogue, int width, boolean details) {
    Redactor r = Redactor.of(catalogue);
    return List.of(new TableReporter(width, details, r), new JsonReporter(r), new SarifReporter(catalogue));
  }

  /** Output formats of {@code wraith cluster}, by --format id. */
  public static List<Reporter<ClusterReport>> clusterReporters(Redactor r) {
    return List.of(new ClusterTableReporter(r), new ClusterJsonReporter(r));
  }

  /** Output formats of {@code wraith sensor}; entry-script hashes only when the operator asks. */
  public static List<Reporter<SensorWindow>> sensorReporters(boolean includeHashes, Redactor r) {
    return List.of(new SensorTableReporter(includeHashes, r), new SensorJsonReporter(includeHashes, r));
  }

  /** The formats of {@code wraith mcp}; each server rated and explained as in scan-all's inventory. */
  public static List<Reporter<ToolScan<McpScan>>> mcpReporters(Redactor r) {
    return List.of(new dev.wraith.report.McpTableReporter(r, dev.wraith.correlate.McpServers::server),
        new dev.wraith.report.McpJsonReporter(r, dev.wraith.correlate.McpServers::server));
  }

  /** Output formats of {@code wraith tetragon}. */
  public static List<Reporter<ToolScan<TetragonScan>>> tetragonReporters(Redactor r) {
    return List.of(new TetragonTableReporter(r), new TetragonJsonReporter(r));
  }

  /** The files of a scan-all results directory, one reporter each (code.sarif is written by the SARIF reporter). */
  public static List<Reporter<InventoryReport>> inventoryReporters(Redactor r) {
    return inventoryReporters(GenAiNames.bundled(), CycloneDxVersion.DEFAULT, r);
  }

  /** The same, with the catalogue's OpenTelemetry provider names, the AIBOM's CycloneDX version and redactor. */
  public static List<Reporter<InventoryReport>> inventoryReporters(GenAiNames names, CycloneDxVersion cdx, Redactor r) {
    return List.of(new dev.wraith.report.InventoryJsonReporter(names, r), new dev.wraith.report.MarkdownReporter(r),
        new dev.wraith.report.HtmlReporter(r), new dev.wraith.report.AibomReporter(cdx, names, r),
        new dev.wraith.report.OcsfReporter(names, r));
  }
}

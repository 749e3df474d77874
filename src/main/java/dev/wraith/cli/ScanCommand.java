package dev.wraith.cli;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.CodeScanner;
import dev.wraith.model.Finding;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ScanReport;
import dev.wraith.model.Severity;
import dev.wraith.scan.CodeLayer;
import dev.wraith.scan.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wraith scan}: the code layer. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Scans source trees (Python, JavaScript, TypeScript, Java, Go, C#, Kotlin, Ruby, PHP, Rust, manifests, "
            + "Dockerfiles, Kubernetes/Helm/Compose files) for AI SDK clients, agent frameworks, tools, vector stores, MCP servers, raw calls to AI endpoints, "
            + "AI dependencies and deployment identity.",
        "",
        "Honours .gitignore files and skips dependency caches, virtualenvs, vendored Go modules, binaries and files "
            + "over the size limit. Only files that contain a catalogue trigger token are parsed.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith scan .                                   summary and one row per agent",
        "  wraith scan . --details --width 160             also every finding, dependency and deployment",
        "  wraith scan services/ tools/ --format json -o wraith.json",
        "  wraith scan . --format sarif -o wraith.sarif --fail-on error    CI gate for code scanning",
        "  wraith scan . --exclude 'tests/**' --exclude '*.ipynb'",
        "  wraith scan . --catalogue ./my-catalogue        add in-house SDKs or gateways",
        "",
        "Exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad usage or input."
    })
final class ScanCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Directories or files to scan.")
  List<Path> paths = new ArrayList<>();

  @Mixin OutputOptions output = new OutputOptions();
  @Mixin CatalogueOptions catalogue = new CatalogueOptions();
  @Mixin WidthOptions width = new WidthOptions();

  @Option(names = "--details", description = "After the summary and the agents, list every finding, AI dependency "
      + "and deployment identity (table format; json and sarif always have everything).")
  boolean details;

  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "Skip paths matching GLOB (gitignore syntax, relative to each scan root). Repeatable.")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--no-default-excludes", description = "Also scan dependency caches, virtualenvs, vendored trees and "
      + "generated bundles (node_modules, .venv, vendor/, *.min.js, ...). .gitignore and --exclude still apply.")
  boolean noDefaultExcludes;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "${env:WRAITH_FAIL_ON}",
      description = "Exit 1 when any finding has this severity or louder: note, warning or error. Env: WRAITH_FAIL_ON.")
  String failOn;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: the number of cores.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    Severity gate = failOn == null || failOn.isBlank() ? null : parseSeverity(failOn);
    for (Path p : paths) {
      if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) throw new Main.UsageProblem(p + ": no such file or directory");
    }
    if (threads < 1) throw new Main.UsageProblem("--threads must be at least 1");
    Catalogue cat = catalogue.load();
    int columns = width.resolve(System.getenv(), output.output == null && System.console() != null);
    var reporter = output.reporter(Registry.reporters(cat, columns, details), List.of("table", "json", "sarif"));
    ScanReport report = CodeLayer.scan(cat, paths, new CodeScanner.Options(excludes, !noDefaultExcludes, threads), Main.toolVersion());
    output.emit(reporter, report, System.out);
    if (report.code().status().state() == LayerStatus.State.FAILED) return Main.LAYER_FAILED;
    if (gate != null) {
      for (Finding f : report.code().findings()) if (f.severity().compareTo(gate) >= 0) return Main.FAIL_ON;
    }
    return Main.OK;
  }

  private static Severity parseSeverity(String s) {
    try {
      return Severity.parse(s);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageProblem("--fail-on: " + e.getMessage());
    }
  }
}

package dev.wraith.cli;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.CodeScanner;
import dev.wraith.model.Finding;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ScanReport;
import dev.wraith.model.Severity;
import dev.wraith.redact.Redactor;
import dev.wraith.scan.CodeInventories;
import dev.wraith.scan.CodeInventory;
import dev.wraith.scan.CodeInventoryFile;
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
        "",
        "--format table, json or sarif; or inventory: a versioned code inventory of one tree (JSON, schema "
            + "code-inventory.schema.json: git remote without credentials, commit, path prefix, code agents with their "
            + "deployable units, entry-script hashes, images built, workloads declared, project MCP servers), which "
            + "'wraith scan-all --code-inventory' joins as if it had scanned the tree itself.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith scan .                           summary, then one row per agent",
        "  wraith scan . --details --width 160     also every finding and dependency",
        "  wraith scan services/ tools/ --format json -o wraith.json",
        "  wraith scan . --format sarif -o wraith.sarif --fail-on error",
        "                                          CI gate for code scanning",
        "  wraith scan . --exclude 'tests/**' --exclude '*.ipynb'",
        "  wraith scan . --catalogue ./my-catalogue   add in-house SDKs or gateways",
        "  wraith scan . --format inventory -o code-inventory.json",
        "                                          in CI: a code inventory for",
        "                                          'wraith scan-all --code-inventory'",
        "",
        "--fail-on here takes a finding's severity (note, warning, error); scan-all's",
        "takes an agent's classification or risk."
    })
final class ScanCommand implements Callable<Integer>, ExitCodes.Documented {
  @Override
  public ExitCodes.Help exitCodes() {
    return ExitCodes.help().ok("ok: no finding at or above --fail-on").failOn("a finding at or above --fail-on")
        .usage(ExitCodes.OUTPUT).failed("the code layer failed");
  }

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Directories or files to scan.")
  List<Path> paths = new ArrayList<>();

  @Mixin FormatOptions format = new FormatOptions("table", "json", "sarif", "inventory");
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin CatalogueOptions catalogue = new CatalogueOptions();
  @Mixin WidthOptions width = new WidthOptions();

  @Option(names = "--details", description = "After the summary and the agents, list every finding, AI dependency "
      + "and deployment identity (table format; json and sarif always have everything).")
  boolean details;

  @Mixin ExcludeOptions exclude = new ExcludeOptions();

  @Option(names = "--no-default-excludes", description = "Also scan dependency caches, virtualenvs, vendored trees and "
      + "generated bundles (node_modules, .venv, vendor/, *.min.js, ...). .gitignore and --exclude still apply.")
  boolean noDefaultExcludes;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "${env:WRAITH_FAIL_ON}",
      description = "Exit 1 when any finding has this severity or louder: note, warning or error (a finding's "
          + "severity; scan-all's --fail-on takes an agent's classification or risk). Env: WRAITH_FAIL_ON.")
  String failOn;

  @Option(names = "--prefix", paramLabel = "NAME",
      description = "With --format inventory: the first segment of every path in the inventory, which scan-all uses to "
          + "tell trees apart. Default: the PATH directory's name, as scan-all names a tree it scans itself.")
  String prefix;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: the number of cores.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    Severity gate = failOn == null || failOn.isBlank() ? null : parseSeverity(failOn);
    for (Path p : paths) {
      if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) throw new Main.UsageProblem(p + ": no such file or directory");
    }
    if (threads < 1) throw new Main.UsageProblem("--threads must be at least 1");
    if (format.format().equals("inventory")) return inventory(gate);
    if (prefix != null) throw new Main.UsageProblem("--prefix is only for --format inventory");
    Catalogue cat = catalogue.load();
    int columns = width.resolve(System.getenv(), output.toStdout() && Terminal.interactive());
    var reporter = format.reporter(Registry.reporters(cat, columns, details));
    ScanReport report = CodeLayer.scan(cat, paths, new CodeScanner.Options(exclude.globs, !noDefaultExcludes, threads), Main.toolVersion());
    output.emit(reporter, report, System.out);
    if (report.code().status().state() == LayerStatus.State.FAILED) return Main.LAYER_FAILED;
    if (gate != null) {
      for (Finding f : report.code().findings()) if (f.severity().compareTo(gate) >= 0) return Main.FAIL_ON;
    }
    return Main.OK;
  }

  /** --format inventory: one tree's code inventory, as scan-all --code-inventory joins it. */
  private int inventory(Severity gate) throws Exception {
    if (paths.size() != 1 || !Files.isDirectory(paths.get(0))) {
      throw new Main.UsageProblem("--format inventory takes exactly one PATH, a directory (one inventory per tree)");
    }
    String name = prefix != null ? prefix : CodeScanner.rootName(paths.get(0));
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
      throw new Main.UsageProblem("--prefix '" + name + "': give one path segment, such as the repository's name");
    }
    Catalogue cat = catalogue.load();
    CodeInventory inv = CodeInventories.make(cat, paths.get(0), name,
        new CodeScanner.Options(exclude.globs, !noDefaultExcludes, threads), Main.toolVersion());
    output.emit(out -> CodeInventoryFile.write(inv, Redactor.of(cat), out), System.out);
    if (inv.code().status().state() == LayerStatus.State.FAILED) return Main.LAYER_FAILED;
    if (gate != null) {
      for (Finding f : inv.code().findings()) if (f.severity().compareTo(gate) >= 0) return Main.FAIL_ON;
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

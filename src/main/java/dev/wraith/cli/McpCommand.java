package dev.wraith.cli;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.mcp.ConfigFiles;
import dev.wraith.mcp.McpDiscovery;
import dev.wraith.model.McpScan;
import dev.wraith.model.ScanReport;
import dev.wraith.report.McpReporter;
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

/** {@code wraith mcp}: MCP servers configured in the user's clients and in project roots, with publisher checks. */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Lists the MCP servers configured for Claude Desktop, Claude Code, Cursor, VS Code, Windsurf, Zed, Continue, "
            + "Gemini CLI and OpenAI Codex, in the home directory and in each PATH (project-level files such as "
            + ".mcp.json, .cursor/mcp.json, .vscode/mcp.json). For each: transport, command or URL, the package "
            + "and version it runs, env var names, and whether its publisher is verified.",
        "",
        "Verified means an exact match of npm package, PyPI project, image repository or https host with the "
            + "catalogue's official servers; never a prefix or substring. Reasons flag local scripts, unpinned or "
            + "@latest packages, unknown packages, typosquats of official names and plain-http endpoints. Env values "
            + "and key-like arguments are never printed. Reads files only; starts nothing.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith mcp                                  your own clients' configs",
        "  wraith mcp ~/src/app ~/src/tool             and two repos' project configs",
        "  wraith mcp --home /mnt/backup/home/alice --format json -o mcp.json",
        "",
        "Exit codes: 0 ok, 2 bad usage."
    })
final class McpCommand implements Callable<Integer> {
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin CatalogueOptions catalogue = new CatalogueOptions();

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Project roots whose project-level MCP configs to read.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--home", paramLabel = "DIR", defaultValue = "${env:WRAITH_HOME:-${sys:user.home}}",
      description = "Home directory whose client configs to read. Default: the current user's. Env: WRAITH_HOME.")
  Path home;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(home)) throw new Main.UsageProblem(home + ": --home is not a directory");
    for (Path p : paths) if (!Files.isDirectory(p)) throw new Main.UsageProblem(p + ": not a directory");
    McpReporter reporter = reporter(Registry.mcpReporters());
    Catalogue cat = catalogue.load();
    McpScan scan = new McpDiscovery(cat, ConfigFiles.local()).scan(home, paths);
    var tool = new ScanReport.Tool("wraith", Main.toolVersion(), cat.version(), cat.schema());
    output.emit(out -> reporter.write(tool, scan, out), System.out);
    return Main.OK;
  }

  private McpReporter reporter(List<McpReporter> reporters) {
    for (McpReporter r : reporters) if (r.format().equalsIgnoreCase(output.format)) return r;
    throw new Main.UsageProblem("unknown --format '" + output.format + "' (mcp writes table or json)");
  }
}

package dev.wraith.cli;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.mcp.ConfigFiles;
import dev.wraith.mcp.InMemoryToolHistory;
import dev.wraith.mcp.McpDiscovery;
import dev.wraith.mcp.SdkProber;
import dev.wraith.mcp.ToolInspector;
import dev.wraith.scan.StateToolHistory;
import dev.wraith.model.McpScan;
import dev.wraith.model.ScanReport;
import dev.wraith.report.Reporter;
import dev.wraith.report.ToolScan;
import dev.wraith.scan.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
            + "@latest packages, unknown packages, typosquats of official names and plain-http endpoints. Each server "
            + "gets a risk with the reasons for it, in the words of scan-all's inventory (CRITICAL: a typosquat, hidden "
            + "instructions or a changed tool; HIGH: unverified and local, plain http, or shell/write tools; MEDIUM, "
            + "LOW), riskiest first. Env values and key-like arguments are never printed. Without --probe it reads "
            + "files only and starts nothing.",
        "",
        "--probe starts each stdio server (with PATH, HOME and only the env its config sets) or connects to each "
            + "HTTP/SSE server, runs initialize, tools/list, prompts/list and resources/list with the official MCP "
            + "Java SDK, and never calls a tool. Each tool gets its capabilities (filesystem, shell, network, database, "
            + "write), warnings for hidden instructions (\"ignore previous\", \"do not tell the user\", <IMPORTANT>, "
            + "requests to read ~/.ssh or .env, invisible Unicode) and a sha256 of its name, description and schema. "
            + "A server that fails to start, exits or hangs is reported with its stderr tail (masked), and the scan "
            + "goes on. Probing runs code from the configs: do it where you would run those clients.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith mcp                             your own clients' configs",
        "  wraith mcp ~/src/app ~/src/tool        and two repos' project configs",
        "  wraith mcp --home /mnt/backup/home/alice --format json -o mcp.json",
        "  wraith mcp . --probe --probe-timeout 30",
        "                                         list the tools every server offers"
    })
final class McpCommand implements Callable<Integer>, ExitCodes.Documented {
  @Override
  public ExitCodes.Help exitCodes() {
    return ExitCodes.help().usage(ExitCodes.OUTPUT)
        .failed("(--probe) the tool hashes could not be recorded in the state database");
  }

  @Mixin FormatOptions format = new FormatOptions("table", "json");
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin CatalogueOptions catalogue = new CatalogueOptions();

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Project roots whose project-level MCP configs to read.")
  List<Path> paths = new ArrayList<>();

  @Mixin HomeOptions home = new HomeOptions();

  @Option(names = "--probe", description = "Start or connect to each configured server and list its tools, prompts and "
      + "resources (never calls a tool). Env: WRAITH_PROBE.", defaultValue = "${env:WRAITH_PROBE:-false}")
  boolean probe;

  @Option(names = "--probe-timeout", paramLabel = "SECONDS", defaultValue = "${env:WRAITH_PROBE_TIMEOUT:-20}",
      description = "How long one server gets to answer initialize and the list calls (default 20). Env: WRAITH_PROBE_TIMEOUT.")
  int probeTimeout;

  @Mixin NoStateOptions state = new NoStateOptions();

  @Override
  public Integer call() throws Exception {
    boolean remember = state.used();
    if (probeTimeout < 1 || probeTimeout > 600) throw new Main.UsageProblem("--probe-timeout must be 1..600 seconds");
    if (!Files.isDirectory(home.dir)) throw new Main.UsageProblem(home.dir + ": --home is not a directory");
    for (Path p : paths) if (!Files.isDirectory(p)) throw new Main.UsageProblem(p + ": not a directory");
    Catalogue cat = catalogue.load();
    Reporter<ToolScan<McpScan>> reporter = reporter(Registry.mcpReporters(dev.wraith.redact.Redactor.of(cat)));
    // tool hashes go to the state database only when probing: listing configs never creates or touches it
    Optional<dev.wraith.state.StateStore> store = probe && remember
        ? Optional.of(state.open()) : Optional.empty();
    try {
      Optional<StateToolHistory> history = store.map(StateToolHistory::new);
      Optional<McpDiscovery.Probing> probing = !probe ? Optional.empty() : Optional.of(new McpDiscovery.Probing(
          new SdkProber(Duration.ofSeconds(probeTimeout), new ToolInspector(cat.mcpProbe()), System.getenv(), Main.toolVersion(),
              dev.wraith.redact.Redactor.of(cat)),
          history.<dev.wraith.mcp.ToolHistory>map(h -> h).orElseGet(InMemoryToolHistory::new), Instant.now()));
      McpScan scan = new McpDiscovery(cat, ConfigFiles.local()).scan(home.dir, paths, probing);
      var tool = new ScanReport.Tool("wraith", Main.toolVersion(), cat.version(), cat.schema());
      output.emit(out -> reporter.write(new ToolScan<>(tool, scan), out), System.out);
      try {
        history.ifPresent(StateToolHistory::commit); // only once the report that shows the changes is out
      } catch (dev.wraith.state.StateException e) {
        System.err.println("wraith: tool hashes not recorded: " + e.getMessage());
        return Main.LAYER_FAILED;
      }
      return Main.OK;
    } finally {
      store.ifPresent(dev.wraith.state.StateStore::close);
    }
  }

  private Reporter<ToolScan<McpScan>> reporter(List<Reporter<ToolScan<McpScan>>> reporters) {
    return format.select(reporters, Reporter::format);
  }
}

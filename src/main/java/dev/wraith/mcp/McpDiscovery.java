package dev.wraith.mcp;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.McpClient;
import dev.wraith.redact.Redactor;
import dev.wraith.model.McpFinding;
import dev.wraith.model.McpProbe;
import dev.wraith.model.McpScan;
import dev.wraith.model.McpServer;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.Workload;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds MCP servers in the catalogue's client config locations: {@code HOME} entries under the home directory,
 * {@code PROJECT} entries under each project root (the root itself, not its subdirectories); and, as pure functions
 * of the host and cluster layers' records, among running processes and Kubernetes containers. Each server is
 * verified against the catalogue's publishers. Output order is by source, then name, then command or URL.
 */
public final class McpDiscovery {
  /** Opt-in probing: the prober, the history tool hashes are compared with and recorded in, and the time to record. */
  public record Probing(Prober prober, ToolHistory history, Instant now) {}

  private static final Comparator<McpServer> BY_SERVER = Comparator.comparing(McpServer::source).thenComparing(McpServer::name)
      .thenComparing(s -> s.command() + s.url());
  private static final Comparator<McpFinding> ORDER = Comparator.comparing(McpFinding::server, BY_SERVER);

  private final Catalogue catalogue;
  private final ConfigFiles files;
  private final Verifier verifier;
  private final RuntimeServers runtime;
  private final Redactor redactor;

  public McpDiscovery(Catalogue catalogue, ConfigFiles files) {
    this.catalogue = catalogue;
    this.files = files;
    this.verifier = new Verifier(catalogue.mcpPublishers());
    this.redactor = Redactor.of(catalogue);
    this.runtime = new RuntimeServers(ProbeRules.bundled(), catalogue.mcpPublishers(), redactor);
  }

  /** {@code home} may be null (no home scan); projects are shown in sources as given. Starts nothing. */
  public McpScan scan(Path home, List<Path> projects) {
    return scan(home, projects, Optional.empty());
  }

  /**
   * As {@link #scan(Path, List)}, then probes every configured server once (identical launches share one probe),
   * in output order, compares each one's tools with the history and records them.
   */
  public McpScan scan(Path home, List<Path> projects, Optional<Probing> probing) {
    List<String> warnings = new ArrayList<>();
    List<ConfigReader.Entry> entries = new ArrayList<>();
    int read = 0;
    for (McpClient c : catalogue.mcpClients()) {
      List<Path> roots = c.scope() == McpClient.Scope.HOME ? (home == null ? List.of() : List.of(home)) : projects;
      for (Path root : roots) {
        for (String rel : c.paths()) {
          String source = c.scope() == McpClient.Scope.HOME ? "~/" + rel : root.resolve(rel).toString();
          Optional<String> text = read(root.resolve(rel), source, warnings);
          if (text.isEmpty()) continue;
          read++;
          entries.addAll(parse(c, source, text.get(), warnings, root, redactor));
        }
      }
    }
    entries.sort(Comparator.comparing(ConfigReader.Entry::server, BY_SERVER));
    List<McpFinding> findings = new ArrayList<>();
    Map<ServerLaunch, McpProbe> probed = new HashMap<>();
    for (ConfigReader.Entry e : entries) {
      McpFinding f = new McpFinding(e.server(), verifier.verify(e.server()));
      findings.add(probing.map(p -> f.withProbe(probed.computeIfAbsent(e.launch(), l -> probe(p, e)))).orElse(f));
    }
    return new McpScan(findings, warnings.stream().sorted().toList(), read);
  }

  /**
   * MCP servers among running processes (from the host layer): {@code npx}/{@code uvx}/{@code pipx}/{@code docker run}
   * command lines read like config commands, and the catalogue's process patterns ({@code node .../node_modules/PKG/...},
   * {@code npm exec PKG}, {@code python -m PKG}, installed entry points, {@code java -jar ...mcp...jar}). A process
   * counts only when what it runs has an MCP server's name or is a catalogue publisher's. Verified like config servers.
   */
  public List<McpFinding> fromProcesses(List<ProcessInfo> processes) {
    return runtime.fromProcesses(processes).stream().map(s -> new McpFinding(s, verifier.verify(s))).sorted(ORDER).toList();
  }

  /** MCP servers among Kubernetes workload containers (from the cluster layer), by image repository or command. */
  public List<McpFinding> fromWorkloads(List<Workload> workloads) {
    return runtime.fromWorkloads(workloads).stream().map(s -> new McpFinding(s, verifier.verify(s))).sorted(ORDER).toList();
  }

  private static McpProbe probe(Probing p, ConfigReader.Entry e) {
    McpProbe result = p.prober().probe(e.server(), e.launch());
    if (result.status() != McpProbe.Status.OK) return result;
    String key = ToolHistory.key(e.server());
    List<String> changes = ToolHistory.changes(p.history().previous(key), result.tools());
    p.history().record(key, result.tools(), p.now());
    return result.withChanges(changes);
  }

  /** A parser failure nobody foresaw is still one file's warning, never the end of the scan. */
  private static List<ConfigReader.Entry> parse(McpClient c, String source, String text, List<String> warnings, Path root,
      Redactor redactor) {
    try {
      return new ConfigReader(c, source, warnings, root, redactor).read(text);
    } catch (RuntimeException e) {
      System.getLogger(McpDiscovery.class.getName()).log(System.Logger.Level.DEBUG, "parsing " + source, e);
      warnings.add(source + ": cannot be parsed (an internal error; run with --debug for details); skipped");
      return List.of();
    }
  }

  private Optional<String> read(Path file, String source, List<String> warnings) {
    try {
      return files.read(file);
    } catch (IOException e) {
      warnings.add(dev.wraith.files.FileProblem.describe(e, file, "reading") + "; skipped");
      return Optional.empty();
    } catch (RuntimeException e) {
      System.getLogger(McpDiscovery.class.getName()).log(System.Logger.Level.DEBUG, "reading " + file, e);
      warnings.add(source + ": cannot be read (an internal error; run with --debug for details); skipped");
      return Optional.empty();
    }
  }
}

package dev.wraith.mcp;

import dev.wraith.model.McpFinding;
import dev.wraith.model.McpScan;
import dev.wraith.model.McpServer;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.McpClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds MCP servers in the catalogue's client config locations: {@code HOME} entries under the home directory,
 * {@code PROJECT} entries under each project root (the root itself, not its subdirectories). Each server is
 * verified against the catalogue's publishers. Output order is by source, then name, then command or URL.
 */
public final class McpDiscovery {
  private final Catalogue catalogue;
  private final ConfigFiles files;

  public McpDiscovery(Catalogue catalogue, ConfigFiles files) {
    this.catalogue = catalogue;
    this.files = files;
  }

  /** {@code home} may be null (no home scan); projects are shown in sources as given. */
  public McpScan scan(Path home, List<Path> projects) {
    List<String> warnings = new ArrayList<>();
    List<McpServer> servers = new ArrayList<>();
    int read = 0;
    for (McpClient c : catalogue.mcpClients()) {
      List<Path> roots = c.scope() == McpClient.Scope.HOME ? (home == null ? List.of() : List.of(home)) : projects;
      for (Path root : roots) {
        for (String rel : c.paths()) {
          String source = c.scope() == McpClient.Scope.HOME ? "~/" + rel : root.resolve(rel).toString();
          Optional<String> text = read(root.resolve(rel), source, warnings);
          if (text.isEmpty()) continue;
          read++;
          servers.addAll(parse(c, source, text.get(), warnings));
        }
      }
    }
    Verifier verifier = new Verifier(catalogue.mcpPublishers());
    List<McpFinding> findings = servers.stream().map(s -> new McpFinding(s, verifier.verify(s)))
        .sorted(Comparator.comparing((McpFinding f) -> f.server().source()).thenComparing(f -> f.server().name())
            .thenComparing(f -> f.server().command() + f.server().url()))
        .toList();
    return new McpScan(findings, warnings.stream().sorted().toList(), read);
  }

  /** A parser failure nobody foresaw is still one file's warning, never the end of the scan. */
  private static List<McpServer> parse(McpClient c, String source, String text, List<String> warnings) {
    try {
      return new ConfigReader(c, source, warnings).read(text);
    } catch (RuntimeException e) {
      warnings.add(source + ": cannot parse (" + e.getClass().getSimpleName() + "); skipped");
      return List.of();
    }
  }

  private Optional<String> read(Path file, String source, List<String> warnings) {
    try {
      return files.read(file);
    } catch (IOException | RuntimeException e) {
      warnings.add(source + ": cannot read (" + e.getClass().getSimpleName() + "); skipped");
      return Optional.empty();
    }
  }
}

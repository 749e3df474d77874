package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.CodeScanner;
import dev.wraith.code.CodeScanner.NamedRoot;
import dev.wraith.correlate.Correlator;
import dev.wraith.mcp.ConfigFiles;
import dev.wraith.mcp.McpDiscovery;
import dev.wraith.model.CodeScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.McpFinding;
import dev.wraith.model.McpScan;
import dev.wraith.model.ScanReport;
import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Code inventories made in CI and joined by scan-all. {@link #make} scans one tree the way scan-all scans a root among
 * several (paths prefixed with the tree's name), so {@link #join} of inventories and local trees gives the code layer
 * result, entry-script hashes and project MCP servers scan-all would have had scanning all the trees here.
 */
public final class CodeInventories {
  private CodeInventories() {}

  /** The code inventory of the tree at {@code root}; its paths start with {@code prefix + "/"}. */
  public static CodeInventory make(Catalogue cat, Path root, String prefix, CodeScanner.Options options, String toolVersion) {
    Redactor redactor = Redactor.of(cat);
    List<NamedRoot> roots = List.of(new NamedRoot(root, prefix));
    CodeScanner.Scanned scanned = CodeLayer.scanner(cat, options).scanWithModules(roots);
    CodeScan scan = scanned.code();
    CodeScan.Stats s = scan.stats();
    scan = new CodeScan(scan.roots(), scan.agents(), scan.deployables(), scan.findings(), scan.deployments(), scan.models(),
        scan.status(),
        new CodeScan.Stats(s.filesSeen(), s.filesRead(), s.filesParsed(), s.bytesRead(), s.skipped(), 0));
    McpScan mcp = Files.isDirectory(root)
        ? new McpDiscovery(cat, ConfigFiles.local()).scan(null, List.of(root))
        : new McpScan(List.of(), List.of(), 0);
    return new CodeInventory(CodeInventory.FORMAT, CodeInventory.SCHEMA_VERSION,
        new ScanReport.Tool("wraith", toolVersion, cat.version(), cat.schema()), new GitCheckout(redactor).identify(root, prefix),
        scan, scanned.modules(), CodeHashes.of(scan, roots), mcp, Correlator.units(scan));
  }

  /** Why a {@code --code-inventory} argument cannot be used at all (a usage error), or empty when it can. */
  public static Optional<String> unusable(Path source) {
    String given = source.toString();
    if (given.matches("(?i)(https?|s3|gs|ftp):/.*")) {
      return Optional.of(given + ": a URL is not read (wraith sends no traffic); download the inventories to a directory "
          + "and give that");
    }
    if (!Files.exists(source)) {
      return Optional.of(Files.isSymbolicLink(source)
          ? source + ": a symbolic link that leads nowhere (missing target or a loop); give a file or directory"
          : source + ": no such file or directory");
    }
    if (!Files.isDirectory(source) && !Files.isRegularFile(source)) {
      return Optional.of(source + " is not a regular file or directory (a named pipe or a device?); save the inventory to a file");
    }
    if (!Files.isReadable(source)) return Optional.of("permission denied while reading " + source + "; check its permissions");
    return Optional.empty();
  }

  /**
   * What the joined code layer gives scan-all besides its {@link CodeScan}: the entry-script hashes of every tree and
   * the MCP servers the inventories' project configs declare (added to the mcp layer when it runs).
   */
  public record Joined(CodeScan code, Map<String, String> hashes, McpScan mcp, int inventories) {
    public Joined {
      hashes = Map.copyOf(hashes);
    }

    /** The mcp layer's scan with the inventories' project MCP servers and warnings added. */
    McpScan withProjectServers(McpScan layer) {
      List<McpFinding> findings = new ArrayList<>(layer.findings());
      findings.addAll(mcp.findings());
      List<String> warnings = new ArrayList<>(layer.warnings());
      warnings.addAll(mcp.warnings());
      return new McpScan(findings, warnings.stream().sorted().toList(), layer.filesRead() + mcp.filesRead());
    }
  }

  /**
   * Scans the local {@code roots} (each prefixed with its directory's name) and joins the inventories named by
   * {@code sources} (files, or directories meaning every {@code *.json} in them, sorted). An inventory that cannot be
   * read, or whose prefix another tree already has, is a warning of the code layer and is not joined.
   */
  public static Joined join(Catalogue cat, List<Path> roots, CodeScanner.Options options, List<Path> sources) {
    List<NamedRoot> named = roots.stream().map(r -> new NamedRoot(r, CodeScanner.rootName(r))).toList();
    CodeScanner.Scanned scanned = CodeLayer.scanner(cat, options).scanWithModules(named);
    CodeScan local = scanned.code();
    List<String> warnings = new ArrayList<>(local.status().warnings());
    if (local.status().state() == LayerStatus.State.FAILED) warnings.add(local.status().reason());
    Map<String, String> taken = new HashMap<>();
    for (NamedRoot r : named) taken.putIfAbsent(r.prefix(), r.root().toString());
    List<CodeInventory> joined = new ArrayList<>();
    // read in parallel (parsing is most of the cost), joined in file order
    for (CodeInventoryFile.Read read : files(sources, warnings).parallelStream().map(CodeInventoryFile::read).toList()) {
      Path file = read.file();
      if (read instanceof CodeInventoryFile.Refused r) {
        warnings.add(r.why());
      } else if (read instanceof CodeInventoryFile.Loaded l) {
        String prefix = l.inventory().repository().prefix();
        String other = taken.putIfAbsent(prefix, file.toString());
        if (other == null) joined.add(l.inventory());
        else warnings.add(file + ": its paths start with '" + prefix + "/' like those of " + other + "; not joined "
            + "(make one of them again with 'wraith scan PATH --format inventory --prefix NAME')");
      }
    }
    return merge(cat, scanned, CodeHashes.of(local, named), joined, warnings);
  }

  private static Joined merge(Catalogue cat, CodeScanner.Scanned scanned, Map<String, String> localHashes,
      List<CodeInventory> joined, List<String> warnings) {
    CodeScan local = scanned.code();
    List<dev.wraith.code.Detection.ModuleName> modules = new ArrayList<>(scanned.modules());
    List<String> rootNames = new ArrayList<>(local.roots());
    List<dev.wraith.model.CodeAgent> agents = new ArrayList<>(local.agents());
    List<dev.wraith.model.Finding> findings = new ArrayList<>(local.findings());
    List<dev.wraith.model.Deployment> deployments = new ArrayList<>(local.deployments());
    List<dev.wraith.model.ModelUse> models = new ArrayList<>(local.models());
    Map<String, String> hashes = new TreeMap<>(localHashes);
    List<McpFinding> mcp = new ArrayList<>();
    List<String> mcpWarnings = new ArrayList<>();
    int mcpFiles = 0;
    long seen = local.stats().filesSeen(), read = local.stats().filesRead(), parsed = local.stats().filesParsed();
    long bytes = local.stats().bytesRead(), skipped = local.stats().skipped();
    TreeSet<String> otherCatalogues = new TreeSet<>();
    for (CodeInventory inv : joined) {
      CodeScan c = inv.code();
      rootNames.add(inv.rootName());
      agents.addAll(c.agents());
      findings.addAll(c.findings());
      deployments.addAll(c.deployments());
      models.addAll(c.models());
      modules.addAll(inv.modules());
      hashes.putAll(inv.fileHashes());
      warnings.addAll(c.status().warnings());
      if (c.status().state() == LayerStatus.State.FAILED) warnings.add(inv.repository().prefix() + ": " + c.status().reason());
      mcp.addAll(inv.mcp().findings());
      mcpWarnings.addAll(inv.mcp().warnings());
      mcpFiles += inv.mcp().filesRead();
      seen += c.stats().filesSeen();
      read += c.stats().filesRead();
      parsed += c.stats().filesParsed();
      bytes += c.stats().bytesRead();
      skipped += c.stats().skipped();
      if (!inv.tool().catalogueVersion().equals(cat.version())) otherCatalogues.add(inv.tool().catalogueVersion());
    }
    if (!otherCatalogues.isEmpty()) {
      warnings.add("code inventories made with catalogue " + String.join(", ", otherCatalogues) + " (this scan: "
          + cat.version() + "): their code findings are what that catalogue saw");
    }
    // deployables are named uniquely across the whole scan: formed again over every tree, as one scan of them all would
    List<dev.wraith.model.Deployable> deployables = dev.wraith.code.Deployables.group(rootNames, agents, findings, deployments,
        modules);
    CodeScan code = new CodeScan(rootNames, agents, deployables, findings, deployments, models,
        LayerStatus.ran("code", warnings.stream().sorted().toList()).withNotes(local.status().notes()),
        new CodeScan.Stats(seen, read, parsed, bytes, skipped, local.stats().millis()));
    return new Joined(code, hashes, new McpScan(mcp, mcpWarnings, mcpFiles), joined.size());
  }

  /** The inventory files of the sources: a file as given, a directory's {@code *.json} regular entries, sorted. */
  private static List<Path> files(List<Path> sources, List<String> warnings) {
    List<Path> out = new ArrayList<>();
    for (Path source : sources) {
      if (!Files.isDirectory(source)) {
        out.add(source);
        continue;
      }
      TreeSet<Path> entries = new TreeSet<>();
      try (DirectoryStream<Path> dir = Files.newDirectoryStream(source, "*.json")) {
        for (Path p : dir) if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) entries.add(p);
      } catch (IOException | RuntimeException e) {
        warnings.add(source + ": cannot list its files; no inventory in it joined");
      }
      if (entries.isEmpty()) warnings.add(source + ": no *.json code inventory in this directory");
      out.addAll(entries);
    }
    return out;
  }
}

package dev.wraith.scan;

import dev.wraith.code.Detection;
import dev.wraith.correlate.DeployableUnit;
import dev.wraith.model.CodeScan;
import dev.wraith.model.McpScan;
import dev.wraith.model.ScanReport;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A portable code inventory ({@code wraith scan PATH --format inventory}, schema
 * {@code src/main/resources/schema/code-inventory.schema.json}): what the code layer found in one tree, in the form
 * scan-all joins with {@code --code-inventory} exactly as if it had scanned the tree itself.
 *
 * <p>Every path in {@code code} and {@code fileHashes} starts with {@code repository.prefix() + "/"}: the tree is
 * scanned as one root of several, the way scan-all names a root among several, so inventories of different trees
 * never share a path. {@code units} is a view for people and other tools; the join reads {@code code},
 * {@code fileHashes} and {@code mcp}. Nothing in it depends on the time or the machine beyond the paths given.
 *
 * @param format always {@link #FORMAT}
 * @param code the code layer's result, its time ({@code stats.millis}) zeroed so equal trees give equal files
 * @param fileHashes SHA-256 of the files an entry script may be compared with, by path
 * @param modules the modules the tree's manifests declare (they name deployables; joined inventories' deployables are
 *     formed again over all trees, since a name is unique across one scan)
 * @param mcp MCP servers configured in the tree's project files (.cursor/mcp.json, .vscode/mcp.json, ...)
 */
public record CodeInventory(String format, int schemaVersion, ScanReport.Tool tool, Repository repository, CodeScan code,
    List<Detection.ModuleName> modules, Map<String, String> fileHashes, McpScan mcp, List<DeployableUnit> units) {
  public static final String FORMAT = "wraith-code-inventory";
  public static final int SCHEMA_VERSION = 1;

  /**
   * Where the tree came from.
   *
   * @param prefix the first segment of every path (scan-all's name for the tree): the directory's name unless
   *     {@code --prefix} said otherwise
   * @param remoteUrl the git remote ({@code origin}, else the first by name) with any credentials removed, or ""
   * @param commit the checked-out commit (hex), or "" when not a git checkout or unreadable
   * @param branch the branch HEAD names ("" when detached or unknown)
   * @param subdirectory the scanned directory inside the checkout ("" for its top)
   * @param notes why something above is missing when the checkout was there but could not be read
   */
  public record Repository(String prefix, String remoteUrl, String commit, String branch, String subdirectory,
      List<String> notes) {
    public Repository {
      if (prefix == null || remoteUrl == null || commit == null || branch == null || subdirectory == null) {
        throw new NullPointerException("repository fields are never null");
      }
      notes = List.copyOf(notes);
    }
  }

  public CodeInventory {
    if (format == null || tool == null || repository == null || code == null || mcp == null) {
      throw new NullPointerException("code inventory fields are never null");
    }
    modules = List.copyOf(modules);
    fileHashes = java.util.Collections.unmodifiableMap(new TreeMap<>(fileHashes));
    units = List.copyOf(units);
  }

  /** How people name this inventory's tree among scan-all's roots: "prefix (remote @ commit)". */
  public String rootName() {
    String at = repository.commit().isEmpty() ? "" : " @ " + repository.commit().substring(0, Math.min(12, repository.commit().length()));
    String where = repository.remoteUrl().isEmpty() ? "" : repository.remoteUrl()
        + (repository.subdirectory().isEmpty() ? "" : " " + repository.subdirectory());
    return where.isEmpty() && at.isEmpty() ? repository.prefix() + " (code inventory)"
        : repository.prefix() + " (" + (where + at).trim() + ")";
  }
}

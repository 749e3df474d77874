package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.correlate.AllowList;
import dev.wraith.correlate.CorrelationInput;
import dev.wraith.correlate.Correlator;
import dev.wraith.mcp.ConfigFiles;
import dev.wraith.mcp.McpDiscovery;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.CodeScan;
import dev.wraith.model.HostScan;
import dev.wraith.model.Inventory;
import dev.wraith.model.McpFinding;
import dev.wraith.model.Observation;
import dev.wraith.model.PriorState;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.ScanReport;
import dev.wraith.report.CycloneDxVersion;
import dev.wraith.report.GenAiNames;
import dev.wraith.report.InventoryReport;
import dev.wraith.report.Reporter;
import dev.wraith.report.SarifReporter;
import dev.wraith.files.AtomicFile;
import dev.wraith.files.FileProblem;
import dev.wraith.model.LayerStatus;
import dev.wraith.state.StateException;
import dev.wraith.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What scan-all does after the layers: runtime MCP discovery (processes and workloads the layers saw), correlation
 * against the prior state, the results directory, and recording the scan. Shared by {@code scan-all}, {@code demo},
 * {@code aibom} and the in-cluster operator.
 *
 * <p>The order is the contract: {@link #correlate} only reads the state database; the caller writes its results
 * ({@link #writeResults}, or publishes them), and only then {@link #record}s the scan. A results directory that cannot
 * be written therefore never changes history (the next scan still reports the same NEW agents), and a state database
 * that cannot be written loses no results: {@link #record} returns the failure as a "state" layer status for the
 * caller to add to what it wrote.
 */
public final class ScanAllPipeline {
  private ScanAllPipeline() {}

  /** The open state database (empty with --no-state; the caller closes it), the allow-list, this node's name. */
  public record Settings(Optional<StateStore> state, AllowList allowList, String hostNode) {}

  /** The status a failed state commit adds to an inventory's layers. */
  public static final String STATE_LAYER = "state";

  /** Correlates the layers' results into an inventory against the state database's prior scans; records nothing. */
  public static Inventory correlate(Catalogue cat, ScanAll.Result result, ScanReport.Tool tool, Instant scanTime,
      Settings settings) {
    return correlate(cat, result, tool, scanTime, settings, List.of());
  }

  /**
   * The same with host-layer scans from other nodes besides {@code result.host()} (the in-cluster scanner collects one
   * per node sensor).
   */
  public static Inventory correlate(Catalogue cat, ScanAll.Result result, ScanReport.Tool tool, Instant scanTime,
      Settings settings, List<CorrelationInput.NodeHost> nodes) {
    Optional<StateStore> store = settings.state();
    {
      PriorState prior = store.map(StateStore::prior).orElse(PriorState.NONE);
      CorrelationInput in = CorrelationInput.of(tool, scanTime)
          .withMcp(mcpFindings(cat, result, nodes))
          .withAllowList(settings.allowList())
          .withState(prior, store.isPresent())
          .withLayers(result.statuses());
      if (result.code().isPresent()) in = in.withCode(result.code().get(), result.codeHashes().orElseGet(() -> hashes(result.code().get())));
      if (result.cluster().isPresent()) in = in.withCluster(result.cluster().get());
      if (result.host().isPresent()) in = in.withHost(result.host().get(), settings.hostNode());
      for (CorrelationInput.NodeHost n : nodes) in = in.withHost(n.scan(), n.node());
      if (result.tetragon().isPresent()) in = in.withTetragon(result.tetragon().get());
      return new Correlator(cat).correlate(in);
    }
  }

  /**
   * Records a scan whose results were written (or published): the scan in the state database, then the MCP tool hashes
   * its probes saw. Returns the failure, if any, as a FAILED "state" status, never throws for it.
   */
  public static Optional<LayerStatus> record(Settings settings, Inventory inventory, Optional<StateToolHistory> tools) {
    if (settings.state().isEmpty()) return Optional.empty();
    try {
      settings.state().get().record(inventory);
      tools.ifPresent(StateToolHistory::commit);
      return Optional.empty();
    } catch (StateException e) {
      System.getLogger(ScanAllPipeline.class.getName()).log(System.Logger.Level.DEBUG, "recording the scan", e);
      return Optional.of(LayerStatus.failed(STATE_LAYER, "history not recorded: " + e.getMessage()));
    }
  }

  /** The inventory with one more layer status (a failed state commit), for rewriting what was written before it. */
  public static Inventory withStatus(Inventory inv, LayerStatus status) {
    List<LayerStatus> layers = new ArrayList<>(inv.layers());
    layers.add(status);
    return new Inventory(inv.tool(), inv.scanTime(), inv.roots(), inv.agents(), inv.mcpServers(), layers);
  }

  /** MCP servers from configs (the mcp layer) plus those seen running: host processes and cluster workloads. */
  static List<McpFinding> mcpFindings(Catalogue cat, ScanAll.Result result, List<CorrelationInput.NodeHost> nodes) {
    List<McpFinding> out = new ArrayList<>();
    result.mcp().ifPresent(m -> out.addAll(m.findings()));
    McpDiscovery discovery = new McpDiscovery(cat, ConfigFiles.local());
    List<HostScan> hosts = new ArrayList<>();
    result.host().ifPresent(hosts::add);
    nodes.forEach(n -> hosts.add(n.scan()));
    java.util.Map<String, ProcessInfo> byProcess = new java.util.LinkedHashMap<>();
    java.util.stream.Stream.concat(result.processes().stream(),
            hosts.stream().flatMap(h -> h.observations().stream()).map(Observation::process))
        .forEach(p -> byProcess.putIfAbsent(p.pid() + "/" + p.startTicks() + "/" + p.netns(), p));
    List<ProcessInfo> processes = List.copyOf(byProcess.values());
    out.addAll(discovery.fromProcesses(processes));
    result.cluster().map(ClusterScan::workloads).ifPresent(w -> out.addAll(discovery.fromWorkloads(w)));
    return out;
  }

  /** sha256 of the code files an entry script could be matched against, read from the scan's roots (see {@link CodeHashes}). */
  static Map<String, String> hashes(CodeScan code) {
    return CodeHashes.of(code, CodeHashes.named(code.roots().stream().map(Path::of).toList()));
  }

  /**
   * Writes every results-directory file: code.sarif (when the code layer ran) and each inventory reporter's, each one
   * whole or not at all ({@link AtomicFile}).
   *
   * @throws FileProblem naming the file and what happened (read-only, full, impossible path)
   */
  public static List<Path> writeResults(Catalogue cat, Inventory inventory, Optional<CodeScan> code, Path dir)
      throws FileProblem {
    return writeResults(cat, inventory, code, dir, CycloneDxVersion.DEFAULT);
  }

  /** The same, with aibom.cdx.json in CycloneDX {@code cdx}. */
  public static List<Path> writeResults(Catalogue cat, Inventory inventory, Optional<CodeScan> code, Path dir,
      CycloneDxVersion cdx) throws FileProblem {
    if (Files.exists(dir) && !Files.isDirectory(dir)) throw new FileProblem(dir + " is not a directory; give --output a directory");
    List<Path> written = new ArrayList<>();
    if (code.isPresent()) {
      ScanReport report = new ScanReport(inventory.tool(), code.get());
      written.add(write(dir.resolve("code.sarif"), out -> new SarifReporter(cat).write(report, out)));
    }
    for (Reporter<InventoryReport> r : Registry.inventoryReporters(GenAiNames.of(cat), cdx, dev.wraith.redact.Redactor.of(cat))) {
      written.add(write(dir.resolve(r.format()), out -> r.write(new InventoryReport(inventory, code), out)));
    }
    return written;
  }

  /** Writes to a temporary sibling and moves it into place, so a killed scan never leaves half a file. */
  static Path write(Path target, AtomicFile.Writer writer) throws FileProblem {
    return AtomicFile.write(target, writer);
  }
}

package dev.wraith.scan;

import dev.wraith.attribution.Pin;
import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.CodeScanner;
import dev.wraith.mcp.McpDiscovery;
import dev.wraith.model.ClusterScan;
import dev.wraith.model.CodeScan;
import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.McpScan;
import dev.wraith.model.ProcessInfo;
import dev.wraith.model.TetragonScan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs layers ({@link Layer}s, by default every one in {@link Registry#layers()}) for {@code scan-all}, the demo,
 * {@code aibom} and the operator. First a {@link Plan} says which layers run, in which mode, and why the others do not
 * (this is what --dry-run prints); then {@link #execute} runs the planned layers concurrently, each on its own thread,
 * and turns any failure into that layer's FAILED status so the others still report. Offline inputs replace live ones:
 * with snapshots no API server is contacted, with Tetragon files no socket is opened.
 */
public final class ScanAll {

  /**
   * Everything the layers need; paths are checked by the command before this is built. {@code clusters}: the clusters
   * the cluster layer reads (snapshots or live contexts, see {@link ClusterTarget}); empty: the current context.
   */
  public record Request(
      List<Path> roots,
      CodeScanner.Options codeOptions,
      List<ClusterTarget> clusters,
      Path kubeconfig,
      List<String> namespaces,
      List<Path> auditLogs,
      Path procRoot,
      boolean resolveDns,
      dev.wraith.host.ebpf.ProbeMode probe,
      List<Path> tetragonEvents,
      String tetragonAddress,
      Path mcpHome,
      List<Pin> pins,
      List<Path> dnsLogs,
      Duration duration,
      List<String> skip,
      Optional<McpDiscovery.Probing> mcpProbing,
      Presentation presentation,
      List<Path> codeInventories) {
    /** A request without code inventories. */
    public Request(List<Path> roots, CodeScanner.Options codeOptions, List<ClusterTarget> clusters, Path kubeconfig,
        List<String> namespaces, List<Path> auditLogs, Path procRoot, boolean resolveDns,
        dev.wraith.host.ebpf.ProbeMode probe, List<Path> tetragonEvents, String tetragonAddress, Path mcpHome,
        List<Pin> pins, List<Path> dnsLogs, Duration duration, List<String> skip,
        Optional<McpDiscovery.Probing> mcpProbing, Presentation presentation) {
      this(roots, codeOptions, clusters, kubeconfig, namespaces, auditLogs, procRoot, resolveDns, probe,
          tetragonEvents, tetragonAddress, mcpHome, pins, dnsLogs, duration, skip, mcpProbing, presentation, List.of());
    }

    /** A request for nothing: layers that read what their caller holds (the operator's) need no inputs. */
    public static Request none() {
      return new Request(List.of(), new CodeScanner.Options(List.of(), true, 1), List.of(), null, List.of(), List.of(),
          Path.of("/proc"), false, dev.wraith.host.ebpf.ProbeMode.PROC, List.of(), null, null, List.of(), List.of(),
          Duration.ZERO, List.of(), Optional.empty());
    }

    /** The same request joining these code inventories (files, or directories of *.json) as if scanned here. */
    public Request withCodeInventories(List<Path> inventories) {
      return new Request(roots, codeOptions, clusters, kubeconfig, namespaces, auditLogs, procRoot, resolveDns, probe,
          tetragonEvents, tetragonAddress, mcpHome, pins, dnsLogs, duration, skip, mcpProbing, presentation, inventories);
    }

    /** A request presented as given: roots by their paths, skipped layers "skipped by --skip-layers". */
    public Request(List<Path> roots, CodeScanner.Options codeOptions, List<ClusterTarget> clusters, Path kubeconfig,
        List<String> namespaces, List<Path> auditLogs, Path procRoot, boolean resolveDns,
        dev.wraith.host.ebpf.ProbeMode probe, List<Path> tetragonEvents, String tetragonAddress, Path mcpHome,
        List<Pin> pins, List<Path> dnsLogs, Duration duration, List<String> skip,
        Optional<McpDiscovery.Probing> mcpProbing) {
      this(roots, codeOptions, clusters, kubeconfig, namespaces, auditLogs, procRoot, resolveDns, probe,
          tetragonEvents, tetragonAddress, mcpHome, pins, dnsLogs, duration, skip, mcpProbing, Presentation.AS_GIVEN);
    }

    public Request {
      roots = List.copyOf(roots);
      clusters = clusters.isEmpty() ? ClusterTarget.live(List.of()) : List.copyOf(clusters);
      namespaces = List.copyOf(namespaces);
      auditLogs = List.copyOf(auditLogs);
      tetragonEvents = List.copyOf(tetragonEvents);
      pins = List.copyOf(pins);
      dnsLogs = List.copyOf(dnsLogs);
      skip = List.copyOf(skip);
      codeInventories = List.copyOf(codeInventories);
    }
  }

  /**
   * How a scan names what it was given, for people: {@code rootNames} maps a root's path (as given) to the name reports
   * use instead (the demo's extracted copy is reported as {@code examples/acme-support}, never as a deleted temporary
   * directory); {@code skipReason} is what a layer the request skips says.
   */
  public record Presentation(Map<String, String> rootNames, String skipReason) {
    public static final Presentation AS_GIVEN = new Presentation(Map.of(), "skipped by --skip-layers");

    public Presentation {
      rootNames = Map.copyOf(rootNames);
    }

    /** The name of one root as reports show it. */
    public String root(String path) {
      return rootNames.getOrDefault(path, path);
    }
  }

  /** What the machine looks like, so that planning is testable: OS name, environment, the user's home. */
  public record Environment(String osName, Map<String, String> env, Path home) {
    public static Environment current() {
      return new Environment(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }
  }

  /** Every layer's plan, in the order of the layers planned (report order). */
  public record Plan(List<LayerPlan> layers) {
    public Plan {
      layers = List.copyOf(layers);
    }

    public Optional<LayerPlan> layer(String name) {
      return layers.stream().filter(l -> l.layer().equals(name)).findFirst();
    }

    public boolean runs(String name) {
      return layer(name).map(LayerPlan::runs).orElse(false);
    }
  }

  /**
   * What the layers produced, each result under its layer's typed id, and every layer's status in report order; a
   * layer that did not run has no result and a SKIPPED or FAILED status.
   */
  public record Result(Map<LayerId<?>, Object> results, List<LayerStatus> statuses) {
    public Result {
      results = Map.copyOf(results);
      statuses = List.copyOf(statuses);
      results.forEach(LayerId::cast); // every result is of its id's type
    }

    /** No results yet, these statuses. */
    public static Result of(List<LayerStatus> statuses) {
      return new Result(Map.of(), statuses);
    }

    /** The same with {@code value} as the result of layer {@code id}. */
    public <R> Result with(LayerId<R> id, R value) {
      Map<LayerId<?>, Object> more = new java.util.HashMap<>(results);
      more.put(id, value);
      return new Result(more, statuses);
    }

    /** The result of layer {@code id}, when it ran and produced one. */
    public <R> Optional<R> result(LayerId<R> id) {
      return Optional.ofNullable(results.get(id)).map(id::cast);
    }

    public Optional<CodeScan> code() {
      return result(LayerId.CODE).map(CodeLayer.Scanned::scan);
    }

    public Optional<ClusterScan> cluster() {
      return result(LayerId.CLUSTER);
    }

    public Optional<HostScan> host() {
      return result(LayerId.HOST).map(HostLayer.Observed::scan);
    }

    public Optional<TetragonScan> tetragon() {
      return result(LayerId.TETRAGON);
    }

    /** The MCP layer's servers, with the project servers that joined code inventories bring. */
    public Optional<McpScan> mcp() {
      Optional<CodeInventories.Joined> joined = result(LayerId.CODE).flatMap(CodeLayer.Scanned::joined);
      return result(LayerId.MCP).map(m -> joined.map(j -> j.withProjectServers(m)).orElse(m));
    }

    /** The host layer's process table (for MCP server discovery); empty without it. */
    public List<ProcessInfo> processes() {
      return result(LayerId.HOST).map(HostLayer.Observed::processes).orElse(List.of());
    }

    /**
     * The code layer's own SHA-256 of its entry-script candidates when it has them (joined code inventories carry
     * theirs); empty, the pipeline hashes the candidates from the roots.
     */
    public Optional<Map<String, String>> codeHashes() {
      return result(LayerId.CODE).flatMap(CodeLayer.Scanned::joined).map(CodeInventories.Joined::hashes);
    }
  }

  /** Hears about layers starting and finishing (the command draws progress from it). Called from layer threads. */
  public interface Progress {
    void started(LayerId<?> layer, String how);

    void finished(LayerId<?> layer, LayerStatus status, String summary);

    Progress NONE = new Progress() {
      @Override
      public void started(LayerId<?> layer, String how) {}

      @Override
      public void finished(LayerId<?> layer, LayerStatus status, String summary) {}
    };
  }

  /** What happens when a layer throws: its FAILED status (scan-all), or the whole run fails (an operator cycle). */
  public enum OnFailure { STATUS, THROW }

  private final List<Layer<?>> layers;
  private final OnFailure onFailure;

  /** These layers, in report order (their names unique). */
  public ScanAll(List<Layer<?>> layers, OnFailure onFailure) {
    this.layers = List.copyOf(layers);
    this.onFailure = onFailure;
    if (this.layers.stream().map(l -> l.id().name()).distinct().count() != this.layers.size()) {
      throw new IllegalArgumentException("two layers with one name: " + this.layers.stream().map(l -> l.id().name()).toList());
    }
  }

  /** The registry's layers, failures as statuses. */
  public static ScanAll of() {
    return new ScanAll(Registry.layers(), OnFailure.STATUS);
  }

  /** Decides which layers run and how, without touching the network or starting anything: see {@link Layer#plan}. */
  public static Plan plan(Request r, Environment e) {
    return of().planned(r, e);
  }

  /** Runs the registry's planned layers concurrently and waits for all of them. */
  public static Result run(Catalogue catalogue, Request r, Plan plan, Progress progress) throws InterruptedException {
    return of().execute(catalogue, r, plan, progress);
  }

  /** Each layer's plan, in the order of the layers; a layer the request skips is skipped without being asked. */
  public Plan planned(Request r, Environment e) {
    List<LayerPlan> plans = new ArrayList<>();
    for (Layer<?> layer : layers) {
      LayerPlan p = r.skip().contains(layer.id().name())
          ? LayerPlan.skipped(layer.id(), LayerPlan.Why.REQUESTED, r.presentation().skipReason())
          : layer.plan(r, e);
      if (!p.id().equals(layer.id())) throw new IllegalStateException("the " + layer.id() + " layer planned for " + p.id());
      plans.add(p);
    }
    return new Plan(plans);
  }

  /**
   * Runs the layers {@code plan} says run, each on its own thread, and waits for all of them. A layer that throws is
   * FAILED with the reason ({@link OnFailure#STATUS}: the others still report), or fails the run
   * ({@link OnFailure#THROW}, after every layer finished). See {@link LayerExecution}.
   */
  public Result execute(Catalogue catalogue, Request r, Plan plan, Progress progress) throws InterruptedException {
    return new LayerExecution(layers, onFailure).run(catalogue, r, plan, progress);
  }

  /** "3 s", "0.5 s": a duration as plans say it. */
  static String seconds(Duration d) {
    double s = d.toMillis() / 1000.0;
    return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
  }
}

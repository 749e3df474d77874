package dev.wraith.code;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.Ecosystem;
import dev.wraith.catalogue.HostPattern;
import dev.wraith.catalogue.Provider;
import dev.wraith.catalogue.Signature;
import dev.wraith.model.CodeAgent;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ModelUse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the code layer: walks each root, reads every file some detector accepts exactly once, asks the
 * prefilter whether source files are worth parsing, and fans files out over a pool of worker threads.
 * Per-file problems become warnings in the layer status; the scan always goes on.
 */
public final class CodeScanner {
  /** How to scan: excludes in gitignore syntax, whether default excludes apply, worker threads. */
  public record Options(List<String> excludes, boolean defaultExcludes, int threads) {
    public Options {
      excludes = List.copyOf(excludes);
    }
  }

  private static final int BINARY_PROBE = 8000;

  /** A detection with the file and detector position it came from, so thread timing never shows in the output. */
  private record Ordered(String path, int detector, Detection detection) {
    static final Comparator<Ordered> ORDER = Comparator.comparing(Ordered::path).thenComparingInt(Ordered::detector);
  }

  private final Catalogue catalogue;
  private final List<FileDetector> detectors;
  private final Options options;
  /** One prefilter for every ecosystem a detector filters by, one group per ecosystem ({@link #groupOf}). */
  private final TriggerIndex triggers;
  /** The prefilter group of each ecosystem some detector filters by. */
  private final Map<Ecosystem, Integer> groupOf = new java.util.EnumMap<>(Ecosystem.class);
  /** One read buffer per worker, one byte over the size limit: files are read without allocating per file. */
  private final ThreadLocal<byte[]> buffer;

  public CodeScanner(Catalogue catalogue, List<FileDetector> detectors, Options options) {
    this.catalogue = catalogue;
    this.detectors = List.copyOf(detectors);
    this.options = options;
    List<Set<String>> groups = new ArrayList<>();
    for (FileDetector d : this.detectors) {
      d.triggerEcosystem().filter(e -> !groupOf.containsKey(e)).ifPresent(e -> {
        groupOf.put(e, groups.size());
        groups.add(triggerTokens(catalogue, e));
      });
    }
    this.triggers = TriggerIndex.ofGroups(groups);
    int capacity = (int) Math.min(Integer.MAX_VALUE - 8, catalogue.walker().maxFileBytes() + 1);
    this.buffer = ThreadLocal.withInitial(() -> new byte[capacity]);
  }

  /** Every trigger token of every ecosystem (the union of {@link #triggerTokens(Catalogue, Ecosystem)}). */
  public static Set<String> triggerTokens(Catalogue catalogue) {
    Set<String> tokens = new java.util.TreeSet<>();
    for (Ecosystem e : Ecosystem.values()) tokens.addAll(triggerTokens(catalogue, e));
    return tokens;
  }

  /**
   * The tokens whose presence makes a source file of an ecosystem's languages worth parsing: that
   * ecosystem's import tokens, plus every provider's hostnames (the longest literal part of each pattern,
   * or the provider's own triggers) and env var names, and for self-hosted servers the multi-segment API
   * paths and URL-shaped names ({@code //ollama}, {@code ollama:}) that recognise a local URL.
   */
  public static Set<String> triggerTokens(Catalogue catalogue, Ecosystem ecosystem) {
    Set<String> tokens = new LinkedHashSet<>();
    for (Signature s : catalogue.signatures()) if (s.ecosystem() == ecosystem) tokens.addAll(s.triggers());
    for (Provider p : catalogue.providers()) {
      if (!p.triggers().isEmpty()) {
        tokens.addAll(p.triggers());
      } else {
        for (HostPattern h : p.hosts()) {
          String core = h.literalCore();
          if (core.length() >= 6) tokens.add(core);
        }
      }
      tokens.addAll(p.envVars());
      if (p.ports().stream().anyMatch(port -> port != 443)) {
        for (String path : p.paths()) if (path.indexOf('/', 1) > 0) tokens.add(path);
        tokens.add("//" + p.id());
        tokens.add(p.id() + ":");
      }
    }
    return tokens;
  }

  /**
   * Scans the roots. With one root, paths are relative to it; with several, each path starts with its root's
   * {@link #rootName} ("acme-support/services/...").
   */
  public CodeScan scan(List<Path> roots) {
    return scanNamed(roots.stream().map(r -> new NamedRoot(r, roots.size() > 1 ? rootName(r) : "")).toList());
  }

  /**
   * A root whose paths start with {@code prefix + "/"} ({@code prefix} "" for none). A code inventory is scanned with
   * the prefix scan-all gives the root among several, so joining inventories equals scanning the trees together.
   */
  public record NamedRoot(Path root, String prefix) {
    public NamedRoot {
      if (root == null || prefix == null) throw new NullPointerException("named root fields are never null");
    }
  }

  /** Scans roots whose paths carry the given prefixes (see {@link NamedRoot}). */
  public CodeScan scanNamed(List<NamedRoot> named) {
    return scanWithModules(named).code();
  }

  /**
   * A scan with the modules its manifests declare, which name deployables: a code inventory keeps them so that the
   * deployables of joined inventories can be formed over all trees at once (names are unique across a scan).
   */
  public record Scanned(CodeScan code, List<Detection.ModuleName> modules) {
    public Scanned {
      modules = List.copyOf(modules);
    }
  }

  /** {@link #scanNamed} with the manifests' modules. */
  public Scanned scanWithModules(List<NamedRoot> named) {
    List<Path> roots = named.stream().map(NamedRoot::root).toList();
    long start = System.nanoTime();
    List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    ConcurrentLinkedQueue<Ordered> results = new ConcurrentLinkedQueue<>();
    AtomicLong read = new AtomicLong(), parsed = new AtomicLong(), bytes = new AtomicLong(), skipped = new AtomicLong();
    long seen = 0;
    Walker walker = new Walker(catalogue.walker(), options.excludes(), options.defaultExcludes());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()), CodeScanner::worker);
    try {
      for (NamedRoot nr : named) {
        Path root = nr.root();
        String prefix = nr.prefix().isEmpty() ? "" : nr.prefix() + "/";
        Walker.Result walk;
        try {
          walk = walker.walk(root, e -> {
            String rel = prefix + e.relative();
            List<FileDetector> accepting = detectors.stream().filter(d -> d.accepts(rel)).toList();
            if (accepting.isEmpty()) return;
            pool.execute(() -> {
              try {
                scanFile(e, rel, accepting, results, warnings, read, parsed, bytes, skipped);
              } catch (Throwable t) { // StackOverflowError on pathological nesting included: one file never stops a scan
                String why = dev.wraith.files.Failures.describe(t, "reading " + rel); // logged for --debug
                warnings.add(rel + ": skipped, " + (t instanceof Error ? why : "an internal error (run with --debug for details)"));
              }
            });
          });
        } catch (IOException e) {
          warnings.add(root + ": cannot walk: " + e.getMessage());
          continue;
        }
        warnings.addAll(walk.warnings());
        skipped.addAndGet(walk.skipped());
        seen += walk.files();
      }
    } finally {
      pool.shutdown();
      awaitQuietly(pool);
    }
    List<Finding> findings = new ArrayList<>();
    List<Deployment> deployments = new ArrayList<>();
    List<ModelUse> models = new ArrayList<>();
    List<Detection.ModuleName> modules = new ArrayList<>();
    List<Detection.Published> published = new ArrayList<>();
    for (Detection d : results.stream().sorted(Ordered.ORDER).map(Ordered::detection).toList()) {
      findings.addAll(d.findings());
      deployments.addAll(d.deployments());
      models.addAll(d.models());
      modules.addAll(d.modules());
      published.addAll(d.published());
      warnings.addAll(d.warnings());
    }
    List<String> sortedWarnings = warnings.stream().sorted().toList();
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<String> rootNames = roots.stream().map(Path::toString).toList();
    List<CodeAgent> agents = CodeAgents.group(findings, models, deployments, impliedProviders(catalogue));
    // an AI library's own source is not an agent; its files stay findings and the layer's note names it
    LibrarySources.Split split = LibrarySources.split(catalogue, rootNames, agents, findings, deployments, modules, published);
    return new Scanned(new CodeScan(rootNames, split.agents(), split.deployables(), findings, deployments, models,
        LayerStatus.ran("code", sortedWarnings).withNotes(split.notes()),
        new CodeScan.Stats(seen, read.get(), parsed.get(), bytes.get(), skipped.get(), millis)), modules);
  }

  /** Framework id to the provider it defaults to, for the frameworks that have one. */
  private static Map<String, String> impliedProviders(Catalogue catalogue) {
    Map<String, String> out = new java.util.HashMap<>();
    for (Signature s : catalogue.signatures()) if (!s.impliedProvider().isEmpty()) out.put(s.id(), s.impliedProvider());
    return out;
  }

  private void scanFile(Walker.Entry e, String rel, List<FileDetector> accepting, ConcurrentLinkedQueue<Ordered> results,
      List<String> warnings, AtomicLong read, AtomicLong parsed, AtomicLong bytes, AtomicLong skipped) throws IOException {
    long max = catalogue.walker().maxFileBytes();
    if (e.size() > max) {
      warnings.add(rel + ": " + e.size() + " bytes, larger than the " + max + "-byte limit; not scanned");
      skipped.incrementAndGet();
      return;
    }
    byte[] buf = buffer.get();
    int length;
    try {
      length = readInto(e.file(), buf);
    } catch (IOException ex) {
      warnings.add(dev.wraith.files.FileProblem.describeAs(ex, Path.of(rel), "reading") + "; not scanned");
      skipped.incrementAndGet();
      return;
    }
    if (length > max) {
      warnings.add(rel + ": grew past the " + max + "-byte limit while read; not scanned");
      skipped.incrementAndGet();
      return;
    }
    read.incrementAndGet();
    bytes.addAndGet(length);
    if (isBinary(buf, length)) {
      warnings.add(rel + ": binary content; not scanned");
      skipped.incrementAndGet();
      return;
    }
    SourceFile file = null; // copied out of the shared buffer only for files some detector looks at
    for (int i = 0; i < accepting.size(); i++) {
      FileDetector d = accepting.get(i);
      Optional<Ecosystem> eco = d.triggerEcosystem();
      if (eco.isPresent()) {
        if (!triggers.anyIn(buf, length, groupOf.get(eco.get()))) continue;
        parsed.incrementAndGet();
      }
      if (file == null) file = new SourceFile(rel, Arrays.copyOf(buf, length));
      results.add(new Ordered(rel, i, d.detect(file)));
    }
  }

  /**
   * Reads up to {@code buf.length} bytes of a file into {@code buf}; returns how many, which equals
   * {@code buf.length} when the file is at least that long (so the caller sees it outgrew the limit).
   */
  private static int readInto(Path file, byte[] buf) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer bb = ByteBuffer.wrap(buf);
      while (bb.hasRemaining() && ch.read(bb) >= 0) {
        // keep reading: a channel may return fewer bytes than asked for
      }
      return bb.position();
    }
  }

  static boolean isBinary(byte[] data) {
    return isBinary(data, data.length);
  }

  static boolean isBinary(byte[] data, int length) {
    int n = Math.min(length, BINARY_PROBE);
    for (int i = 0; i < n; i++) if (data[i] == 0) return true;
    return false;
  }

  /** The name of a root among several: its directory's name ("root" for the file system's root). */
  public static String rootName(Path root) {
    Path abs = root.toAbsolutePath().normalize();
    return abs.getFileName() == null ? "root" : abs.getFileName().toString();
  }

  private static Thread worker(Runnable r) {
    Thread t = new Thread(null, r, "wraith-code", 16L << 20); // deep syntax trees need deep stacks
    t.setDaemon(true);
    return t;
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // keep waiting: every submitted file finishes or fails on its own
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

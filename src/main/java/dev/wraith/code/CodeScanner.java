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
  /** One prefilter for every ecosystem a detector filters by; group i is the ecosystem of ordinal i. */
  private final TriggerIndex triggers;
  /** One read buffer per worker, one byte over the size limit: files are read without allocating per file. */
  private final ThreadLocal<byte[]> buffer;

  public CodeScanner(Catalogue catalogue, List<FileDetector> detectors, Options options) {
    this.catalogue = catalogue;
    this.detectors = List.copyOf(detectors);
    this.options = options;
    this.triggers = TriggerIndex.ofGroups(triggerGroups(catalogue, this.detectors));
    int capacity = (int) Math.min(Integer.MAX_VALUE - 8, catalogue.walker().maxFileBytes() + 1);
    this.buffer = ThreadLocal.withInitial(() -> new byte[capacity]);
  }

  /** Trigger tokens by ecosystem ordinal, for the ecosystems some detector filters by (none for the others). */
  private static List<Set<String>> triggerGroups(Catalogue catalogue, List<FileDetector> detectors) {
    Set<Ecosystem> used = java.util.EnumSet.noneOf(Ecosystem.class);
    for (FileDetector d : detectors) d.triggerEcosystem().ifPresent(used::add);
    List<Set<String>> groups = new ArrayList<>();
    for (Ecosystem e : Ecosystem.values()) groups.add(used.contains(e) ? triggerTokens(catalogue, e) : Set.of());
    return groups;
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

  public CodeScan scan(List<Path> roots) {
    long start = System.nanoTime();
    List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    ConcurrentLinkedQueue<Ordered> results = new ConcurrentLinkedQueue<>();
    AtomicLong read = new AtomicLong(), parsed = new AtomicLong(), bytes = new AtomicLong(), skipped = new AtomicLong();
    long seen = 0;
    Walker walker = new Walker(catalogue.walker(), options.excludes(), options.defaultExcludes());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()), CodeScanner::worker);
    try {
      for (Path root : roots) {
        String prefix = roots.size() > 1 ? rootName(root) + "/" : "";
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
    for (Detection d : results.stream().sorted(Ordered.ORDER).map(Ordered::detection).toList()) {
      findings.addAll(d.findings());
      deployments.addAll(d.deployments());
      models.addAll(d.models());
      modules.addAll(d.modules());
      warnings.addAll(d.warnings());
    }
    List<String> sortedWarnings = warnings.stream().sorted().toList();
    long millis = (System.nanoTime() - start) / 1_000_000;
    List<String> rootNames = roots.stream().map(Path::toString).toList();
    List<CodeAgent> agents = CodeAgents.group(findings, models, deployments, impliedProviders(catalogue));
    return new CodeScan(rootNames, agents, Deployables.group(rootNames, agents, findings, deployments, modules), findings,
        deployments, models,
        LayerStatus.ran("code", sortedWarnings),
        new CodeScan.Stats(seen, read.get(), parsed.get(), bytes.get(), skipped.get(), millis));
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
        if (!triggers.anyIn(buf, length, eco.get().ordinal())) continue;
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

  private static String rootName(Path root) {
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

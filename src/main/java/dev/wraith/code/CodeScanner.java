package dev.wraith.code;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.catalogue.HostPattern;
import dev.wraith.catalogue.Provider;
import dev.wraith.catalogue.Signature;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Deployment;
import dev.wraith.model.Finding;
import dev.wraith.model.LayerStatus;
import dev.wraith.model.ModelUse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
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

  private final Catalogue catalogue;
  private final List<FileDetector> detectors;
  private final Options options;
  private final TriggerIndex triggers;

  public CodeScanner(Catalogue catalogue, List<FileDetector> detectors, Options options) {
    this.catalogue = catalogue;
    this.detectors = List.copyOf(detectors);
    this.options = options;
    this.triggers = TriggerIndex.of(triggerTokens(catalogue));
  }

  /** Every token whose presence makes a source file worth parsing. */
  public static Set<String> triggerTokens(Catalogue catalogue) {
    Set<String> tokens = new LinkedHashSet<>();
    for (Signature s : catalogue.signatures()) tokens.addAll(s.triggers());
    for (Provider p : catalogue.providers()) {
      for (HostPattern h : p.hosts()) {
        String core = h.literalCore();
        if (core.length() >= 6) tokens.add(core);
      }
      tokens.addAll(p.envVars());
      for (int port : p.ports()) if (port != 443 && port != 80) tokens.add(":" + port);
    }
    return tokens;
  }

  public CodeScan scan(List<Path> roots) {
    long start = System.nanoTime();
    List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    ConcurrentLinkedQueue<Detection> results = new ConcurrentLinkedQueue<>();
    AtomicLong read = new AtomicLong(), parsed = new AtomicLong(), bytes = new AtomicLong(), skipped = new AtomicLong();
    long seen = 0;
    Walker walker = new Walker(catalogue.walker(), options.excludes(), options.defaultExcludes());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()), CodeScanner::worker);
    try {
      for (Path root : roots) {
        String prefix = roots.size() > 1 ? rootName(root) + "/" : "";
        Walker.Result walk;
        try {
          walk = walker.walk(root);
        } catch (IOException e) {
          warnings.add(root + ": cannot walk: " + e.getMessage());
          continue;
        }
        warnings.addAll(walk.warnings());
        skipped.addAndGet(walk.skipped());
        seen += walk.files().size();
        for (Walker.Entry e : walk.files()) {
          String rel = prefix + e.relative();
          List<FileDetector> accepting = detectors.stream().filter(d -> d.accepts(rel)).toList();
          if (accepting.isEmpty()) continue;
          pool.execute(() -> {
            try {
              scanFile(e, rel, accepting, results, warnings, read, parsed, bytes, skipped);
            } catch (Throwable t) { // StackOverflowError on pathological nesting included: one file never stops a scan
              warnings.add(rel + ": skipped after an internal error: " + t.getClass().getSimpleName());
            }
          });
        }
      }
    } finally {
      pool.shutdown();
      awaitQuietly(pool);
    }
    List<Finding> findings = new ArrayList<>();
    List<Deployment> deployments = new ArrayList<>();
    List<ModelUse> models = new ArrayList<>();
    for (Detection d : results) {
      findings.addAll(d.findings());
      deployments.addAll(d.deployments());
      models.addAll(d.models());
      warnings.addAll(d.warnings());
    }
    List<String> sortedWarnings = warnings.stream().sorted().toList();
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new CodeScan(roots.stream().map(Path::toString).toList(), CodeAgents.group(findings, models, deployments), findings,
        deployments, models,
        LayerStatus.ran("code", sortedWarnings),
        new CodeScan.Stats(seen, read.get(), parsed.get(), bytes.get(), skipped.get(), millis));
  }

  private void scanFile(Walker.Entry e, String rel, List<FileDetector> accepting, ConcurrentLinkedQueue<Detection> results,
      List<String> warnings, AtomicLong read, AtomicLong parsed, AtomicLong bytes, AtomicLong skipped) throws IOException {
    long max = catalogue.walker().maxFileBytes();
    if (e.size() > max) {
      warnings.add(rel + ": " + e.size() + " bytes, larger than the " + max + "-byte limit; not scanned");
      skipped.incrementAndGet();
      return;
    }
    byte[] data;
    try (InputStream in = Files.newInputStream(e.file())) {
      data = in.readNBytes((int) max + 1);
    } catch (IOException ex) {
      warnings.add(rel + ": cannot read: " + ex.getClass().getSimpleName());
      skipped.incrementAndGet();
      return;
    }
    if (data.length > max) {
      warnings.add(rel + ": grew past the " + max + "-byte limit while read; not scanned");
      skipped.incrementAndGet();
      return;
    }
    read.incrementAndGet();
    bytes.addAndGet(data.length);
    if (isBinary(data)) {
      warnings.add(rel + ": binary content; not scanned");
      skipped.incrementAndGet();
      return;
    }
    SourceFile file = new SourceFile(rel, data);
    Boolean triggered = null;
    for (FileDetector d : accepting) {
      if (d.needsTrigger()) {
        if (triggered == null) triggered = triggers.anyIn(data, data.length);
        if (!triggered) continue;
        parsed.incrementAndGet();
      }
      results.add(d.detect(file));
    }
  }

  static boolean isBinary(byte[] data) {
    int n = Math.min(data.length, BINARY_PROBE);
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

package dev.wraith.scan;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.code.CodeScanner;
import dev.wraith.model.CodeScan;
import dev.wraith.model.Counted;
import dev.wraith.model.ScanReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The code layer: the source trees under the request's roots, scanned with the registry's detectors, and the code
 * inventories made in CI joined as if their trees were scanned here. The one place a {@link CodeScanner} is built.
 */
public final class CodeLayer implements Layer<CodeLayer.Scanned> {
  /**
   * What the layer produced: the code scan and, when code inventories were joined, what they add beside it (their
   * entry-script hashes and project MCP servers).
   */
  public record Scanned(CodeScan scan, Optional<CodeInventories.Joined> joined) {}

  /** {@code wraith scan}: the trees as a report. */
  public static ScanReport scan(Catalogue catalogue, List<Path> roots, CodeScanner.Options options, String toolVersion) {
    CodeScan code = scanner(catalogue, options).scan(roots);
    return new ScanReport(new ScanReport.Tool("wraith", toolVersion, catalogue.version(), catalogue.schema()), code);
  }

  /** A scanner with every code detector of the registry. */
  static CodeScanner scanner(Catalogue catalogue, CodeScanner.Options options) {
    return new CodeScanner(catalogue, Registry.codeDetectors(catalogue), options);
  }

  @Override
  public LayerId<Scanned> id() {
    return LayerId.CODE;
  }

  @Override
  public LayerPlan plan(ScanAll.Request r, ScanAll.Environment e) {
    if (r.roots().isEmpty() && r.codeInventories().isEmpty()) {
      return LayerPlan.skipped(id(), LayerPlan.Why.NO_INPUT, "no PATH given");
    }
    List<String> how = new ArrayList<>();
    if (!r.roots().isEmpty()) {
      how.add("source trees: " + String.join(", ", r.roots().stream().map(p -> r.presentation().root(p.toString())).toList()));
    }
    if (!r.codeInventories().isEmpty()) {
      how.add("code inventories from " + String.join(", ", r.codeInventories().stream().map(Path::toString).toList()));
    }
    return LayerPlan.runs(id(), String.join("; ", how));
  }

  @Override
  public Ran<Scanned> run(Catalogue cat, ScanAll.Request r) {
    if (!r.codeInventories().isEmpty()) {
      CodeInventories.Joined j = CodeInventories.join(cat, r.roots(), r.codeOptions(), r.codeInventories());
      CodeScan scan = j.code();
      return Ran.of(new Scanned(scan, Optional.of(j)), scan.status(), Counted.of(j.inventories(), "code inventory",
          "code inventories") + " joined, " + summary(scan));
    }
    CodeScan scan = scanner(cat, r.codeOptions()).scan(r.roots());
    return Ran.of(new Scanned(scan, Optional.empty()), scan.status(), summary(scan));
  }

  /** The progress line: files read, agents (the units the agent table lists), deployment files. */
  static String summary(CodeScan scan) {
    return Counted.of(scan.stats().filesRead(), "file") + " read, " + Counted.of(scan.deployables().size(), "agent")
        + " in code, " + Counted.of(scan.deployments().size(), "deployment file");
  }
}

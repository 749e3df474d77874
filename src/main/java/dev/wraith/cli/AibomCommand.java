package dev.wraith.cli;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.files.FileProblem;
import dev.wraith.model.LayerStatus;
import dev.wraith.report.AibomReporter;
import dev.wraith.report.GenAiNames;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wraith aibom}: scan-all's inventory as a CycloneDX 1.7 (or 1.6) AI bill of materials, and nothing else. */
@Command(
    name = "aibom",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Writes scan-all's inventory as a CycloneDX 1.7 AI bill of materials (1.6 with --cdx-version 1.6), and nothing "
            + "else.",
        "",
        "Runs the same layers and correlation as scan-all. The BOM is CycloneDX JSON "
            + "with every agent (classification, risk, evidence), the SDKs and frameworks from lockfiles with their "
            + "versions, the models named in code, and the providers, vector stores and MCP servers as services.",
        "",
        "Deterministic for the same inputs (the serial number is derived from the content). For auditors and AI Act / "
            + "NIST AI RMF inventories; 'wraith scan-all' writes the same file as aibom.cdx.json next to the others.",
        ""
    },
    footer = {
        "",
        "Examples:",
        "  wraith aibom . -o aibom.cdx.json --skip-layers host,tetragon --no-state",
        "                                       code only, for CI",
        "  wraith aibom services/ --kube-snapshot snap.json --tetragon-events t.log \\",
        "      -o aibom.cdx.json",
        "  wraith aibom . --cdx-version 1.6 > aibom.cdx.json"
    })
final class AibomCommand implements Callable<Integer>, ExitCodes.Documented {
  @Override
  public ExitCodes.Help exitCodes() {
    return ExitCodes.help().usage(ExitCodes.OUTPUT_UNRECORDED)
        .failed("a layer failed", "the state database could not be written (the BOM is still written)");
  }

  @Mixin ScanInputs in = new ScanInputs();
  @Mixin CatalogueOptions catalogue = new CatalogueOptions();
  @Mixin CdxOptions cdx = new CdxOptions();

  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() throws Exception {
    var version = cdx.version();
    var plan = in.plan();
    Catalogue cat = catalogue.load();
    try (ScanInputs.Scanned scanned = in.run(cat, plan, Terminal.interactive())) {
      try {
        output.emit(out -> new AibomReporter(version, GenAiNames.of(cat), dev.wraith.redact.Redactor.of(cat))
            .write(new dev.wraith.report.InventoryReport(scanned.inventory(), scanned.result().code()), out), System.out);
      } catch (FileProblem e) {
        throw new Main.UsageProblem(e.getMessage() + (scanned.settings().state().isPresent()
            ? "; the scan was not recorded in the state database" : ""));
      }
      Optional<LayerStatus> stateFailure = scanned.commit(); // only after the BOM was written
      scanned.inventory().layers().stream().filter(l -> l.layer().equals(dev.wraith.scan.ScanAllPipeline.STATE_LAYER))
          .findFirst().or(() -> stateFailure)
          .ifPresent(s -> System.err.println("wraith: " + s.reason() + " (the BOM is complete)"));
      boolean failed = stateFailure.isPresent()
          || scanned.inventory().layers().stream().anyMatch(s -> s.state() == LayerStatus.State.FAILED);
      return failed ? Main.LAYER_FAILED : Main.OK;
    }
  }
}

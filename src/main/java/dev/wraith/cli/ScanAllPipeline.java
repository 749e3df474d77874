package dev.wraith.cli;

import dev.wraith.catalogue.Catalogue;
import dev.wraith.model.Inventory;
import dev.wraith.model.ScanReport;
import dev.wraith.report.InventoryReporter;
import dev.wraith.report.SarifReporter;
import dev.wraith.scan.Registry;
import dev.wraith.scan.ScanAll;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** After the layers: correlate, remember, write the results directory. Shared by scan-all and demo. */
final class ScanAllPipeline {
  private ScanAllPipeline() {}

  static Inventory finish(Catalogue cat, ScanAll.Request request, ScanAll.Result result, String version, Path outputDir,
      Optional<Path> state, Optional<Path> allowList) throws IOException {
    var tool = new ScanReport.Tool("wraith", version, cat.version(), cat.schema());
    Inventory inventory = new Inventory(tool, Instant.now(), request.roots().stream().map(Path::toString).toList(),
        List.of(), List.of(), result.statuses());
    writeResults(cat, inventory, result, outputDir);
    return inventory;
  }

  static void writeResults(Catalogue cat, Inventory inventory, ScanAll.Result result, Path dir) throws IOException {
    Files.createDirectories(dir);
    if (result.code().isPresent()) {
      var report = new ScanReport(inventory.tool(), result.code().get());
      write(dir.resolve("code.sarif"), out -> new SarifReporter(cat).write(report, out));
    }
    for (InventoryReporter r : Registry.inventoryReporters()) {
      write(dir.resolve(r.fileName()), out -> r.write(inventory, result.code(), out));
    }
  }

  /** Writes to a temporary sibling and moves it into place, so a killed scan never leaves half a file. */
  private static void write(Path target, OutputOptions.ReportWriter writer) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static void printJson(Inventory inventory, ScanAll.Result result, PrintStream out) {
    out.println("{}");
  }

  static void printTable(Inventory inventory, boolean colour, PrintStream out) {
    out.println("agents: " + inventory.agents().size());
  }
}

package dev.wraith.cli;

import dev.wraith.correlate.AllowList;
import dev.wraith.files.FileProblem;
import dev.wraith.files.InputFile;
import dev.wraith.files.Limits;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --allow-list, declared once for scan-all, aibom, the demo's scan and the operator. */
final class AllowListOptions {
  @Option(names = "--allow-list", paramLabel = "FILE", defaultValue = "${env:WRAITH_ALLOW_LIST}",
      description = "YAML list of approved third-party AI apps (images, workloads, processes; in the cluster e.g. a "
          + "mounted ConfigMap): reported as SHADOW AI, not GHOST. Env: WRAITH_ALLOW_LIST.")
  Path file;

  /** Whether a list was given (on the command line or in WRAITH_ALLOW_LIST). */
  boolean given() {
    return file != null;
  }

  /**
   * The list (empty without --allow-list): a regular file of at most {@link Limits#documentBytes()}, nothing else (a
   * FIFO would block); every problem is a usage problem naming the file.
   */
  AllowList read() {
    if (file == null) return AllowList.EMPTY;
    try {
      return AllowList.parse(InputFile.readString(file, Limits.DEFAULT.documentBytes()), file.toString());
    } catch (java.io.IOException e) {
      throw new Main.UsageProblem("--allow-list: " + FileProblem.describe(e, file, "reading"));
    } catch (IllegalArgumentException e) {
      throw new Main.UsageProblem("--allow-list: " + e.getMessage());
    }
  }
}

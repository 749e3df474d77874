package dev.wraith.cli;

import dev.wraith.report.CycloneDxVersion;
import picocli.CommandLine.Option;

/** --cdx-version: the CycloneDX version of the AIBOM (scan-all's aibom.cdx.json and wraith aibom). */
final class CdxOptions {
  @Option(names = "--cdx-version", paramLabel = "1.6|1.7", defaultValue = "${env:WRAITH_CDX_VERSION:-1.7}",
      description = "CycloneDX version of the AIBOM: 1.7, or 1.6 for tools that do not read 1.7 yet. "
          + "Default: ${DEFAULT-VALUE}. Env: WRAITH_CDX_VERSION.")
  String value;

  CycloneDxVersion version() {
    return CycloneDxVersion.parse(value).orElseThrow(
        () -> new Main.UsageProblem("--cdx-version '" + value + "': expected 1.6 or 1.7"));
  }
}

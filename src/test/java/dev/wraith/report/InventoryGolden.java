package dev.wraith.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files for the inventory reporters, as {@link GoldenReportTest} does for the scan reports: every output
 * change shows up as a reviewed diff; run with {@code -Dwraith.updateGolden=true} to rewrite them after an intended
 * change.
 */
final class InventoryGolden {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  private static final boolean UPDATE = Boolean.getBoolean("wraith.updateGolden");

  private InventoryGolden() {}

  static void check(String name, byte[] actual) throws IOException {
    Path golden = GOLDEN.resolve(name);
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.write(golden, actual);
    }
    assertThat(golden).as("golden file; create it with -Dwraith.updateGolden=true").exists();
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .as("%s differs; if intended, rerun with -Dwraith.updateGolden=true and review the diff", golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}

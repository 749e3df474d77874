package dev.wraith;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: an output is compared byte for byte with a file under {@code src/test/resources}, so every output
 * change shows up as a reviewed diff. A test run never writes one, except with {@code -Dwraith.updateGolden=true}
 * (after an intended change; review the diff). A missing golden file fails the test, so deleting one cannot make
 * a test pass.
 */
public final class Golden {
  /** The switch: {@code -Dwraith.updateGolden=true}. */
  public static final boolean UPDATE = Boolean.getBoolean("wraith.updateGolden");

  private Golden() {}

  public static void assertMatches(Path golden, String actual) throws IOException {
    assertMatches(golden, actual.getBytes(StandardCharsets.UTF_8));
  }

  public static void assertMatches(Path golden, byte[] actual) throws IOException {
    if (UPDATE) {
      Path parent = golden.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      Files.write(golden, actual);
    }
    assertThat(golden).as("golden file %s is missing; create it with -Dwraith.updateGolden=true and review it", golden)
        .exists();
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .as("the output differs from %s; if intended, rerun with -Dwraith.updateGolden=true and review the diff", golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}

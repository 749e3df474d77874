package dev.wraith.host.ebpf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Extracts the loader from the jar into a fresh private directory (mode 0700, under java.io.tmpdir) so no other
 * user can replace the binary between extraction and exec. The caller deletes both once the binary runs (see
 * {@link #delete}); they are also registered for deletion at JVM exit.
 */
final class ProbeBinary {
  private ProbeBinary() {}

  static Path extract() throws IOException {
    Path dir = Files.createTempDirectory("wraith-probe-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    dir.toFile().deleteOnExit();
    Path bin = dir.resolve("wraith-probe");
    try (InputStream in = ProbeBinary.class.getResourceAsStream(ProbeBuild.BINARY)) {
      if (in == null) throw new IOException("not in this jar");
      Files.write(bin, in.readAllBytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
    bin.toFile().deleteOnExit(); // registered after the directory, so deleted before it
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwx------"));
    return bin;
  }

  /** Removes an extracted binary and its directory (a running process keeps its image). */
  static void delete(Path bin) {
    try {
      Files.deleteIfExists(bin);
      Files.deleteIfExists(bin.getParent());
    } catch (IOException e) {
      // registered for deletion at exit as well
    }
  }
}

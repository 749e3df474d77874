package dev.wraith.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileProblemTest {
  private static final Path OUT = Path.of("out/inventory.json");

  @Test
  void osReasonsBecomeSentencesNamingTheFile() {
    assertThat(FileProblem.describe(new FileSystemException("out/inventory.json", null, "No space left on device"), OUT, "writing"))
        .isEqualTo("no space left on device while writing out/inventory.json; free some space");
    assertThat(FileProblem.describe(new IOException("No space left on device"), OUT, "writing"))
        .isEqualTo("no space left on device while writing out/inventory.json; free some space");
    assertThat(FileProblem.describe(new FileSystemException("out", null, "Read-only file system"), OUT, "writing"))
        .isEqualTo("out is on a read-only file system; choose a writable location");
    assertThat(FileProblem.describe(new AccessDeniedException("out"), OUT, "writing"))
        .isEqualTo("permission denied while writing out; check its permissions");
    assertThat(FileProblem.describe(new NoSuchFileException("/proc/nope"), Path.of("/proc/nope/x.json"), "writing"))
        .isEqualTo("writing /proc/nope/x.json failed: /proc/nope does not exist and cannot be created");
    assertThat(FileProblem.describe(new NoSuchFileException("in.log"), Path.of("in.log"), "reading"))
        .isEqualTo("in.log: no such file or directory");
  }

  @Test
  void unknownFailuresNeverShowTheLibrarysWords() {
    String s = FileProblem.describe(new IOException("sun.nio.ch.Whatever: internal state 0x3f"), OUT, "writing");
    assertThat(s).isEqualTo("an I/O error while writing out/inventory.json (run with --debug for details)");
  }
}

package dev.wraith.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Files written whole or not at all, and no temporary file left behind by a kill (now, or by the next writer). */
@Timeout(120)
class AtomicFileTest {
  @TempDir(factory = HostileTempDirs.class) Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private Process writer(Path target) throws IOException {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), AtomicFileChild.class.getName(), target.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertThat(line).isEqualTo("writing");
    return p;
  }

  @Test
  void aWriterThatFailsLeavesTheOldFileAndNoTemporary() throws IOException {
    Path target = Files.writeString(dir.resolve("report.json"), "old");
    assertThatThrownBy(() -> AtomicFile.write(target, out -> {
      out.write("new, half".getBytes(StandardCharsets.UTF_8));
      throw new IllegalStateException("the reporter broke");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(names()).containsExactly("report.json");
    AtomicFile.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.readString(target)).isEqualTo("new");
    assertThat(names()).containsExactly("report.json");
  }

  /** SIGTERM (or Ctrl-C) runs the shutdown hook: the temporary file goes, the target never appears half-written. */
  @Test
  void aTerminatedWriterRemovesItsTemporaryFile() throws Exception {
    Path target = dir.resolve("report.json");
    Process p = writer(target);
    assertThat(names()).singleElement().asString().startsWith(".report.json." + p.pid() + ".").endsWith(".tmp");
    p.destroy();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(names()).isEmpty();
  }

  /** SIGKILL runs nothing: the temporary file stays until the next writer in that directory removes it. */
  @Test
  void aKilledWritersTemporaryFileIsRemovedByTheNextWriter() throws Exception {
    Path target = dir.resolve("report.json");
    Process p = writer(target);
    p.destroyForcibly();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(names()).singleElement().asString().startsWith(".report.json." + p.pid() + ".");
    AtomicFile.write(dir.resolve("other.json"), out -> out.write('x'));
    assertThat(names()).containsExactly("other.json");
  }

  @Test
  void aLiveWritersTemporaryFileIsLeftAlone() throws Exception {
    Process p = writer(dir.resolve("report.json"));
    try {
      AtomicFile.removeStale(dir);
      assertThat(names()).singleElement().asString().startsWith(".report.json." + p.pid() + ".");
    } finally {
      p.destroyForcibly().waitFor();
    }
  }

  /** A device is written in place, never replaced by a regular file: -o /dev/null stays the null device. */
  @Test
  void aDeviceIsWrittenInPlaceAndNeverReplaced() throws IOException {
    Path devNull = Path.of("/dev/null");
    Object before = Files.getAttribute(devNull, "unix:rdev");
    AtomicFile.write(devNull, out -> out.write("discarded".getBytes(StandardCharsets.UTF_8)));
    assertThat(Files.isRegularFile(devNull)).isFalse();
    assertThat(Files.getAttribute(devNull, "unix:rdev")).isEqualTo(before);
    assertThatThrownBy(() -> AtomicFile.create(dir)).hasMessage(dir + " is a directory; give a file");
  }
}

package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wraith.files.HostileTempDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's extracted inputs: a directory a killed demo left is removed by the next one; a running demo's is not. */
class DemoTempDirTest {
  @TempDir(factory = HostileTempDirs.class) Path tmp;

  @Test
  void directoriesOfGoneDemosAreRemovedAndLiveOnesKept() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path stale = Files.createDirectories(tmp.resolve("wraith-demo-" + gone.pid() + "-123/home/.cursor"));
    Files.writeString(stale.resolve("mcp.json"), "{}");
    Path live = Files.createDirectories(tmp.resolve("wraith-demo-" + ProcessHandle.current().pid() + "-456"));
    Path other = Files.createDirectories(tmp.resolve("wraith-demo-notapid"));
    DemoCommand.removeStale(tmp);
    assertThat(tmp.resolve("wraith-demo-" + gone.pid() + "-123")).doesNotExist();
    assertThat(live).exists();
    assertThat(other).exists();
  }
}

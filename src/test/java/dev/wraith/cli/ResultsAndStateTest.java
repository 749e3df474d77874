package dev.wraith.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wraith.files.HostileTempDirs;
import dev.wraith.state.StateStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No history without results, no results lost to history. The recorded incident's ghost is scanned into a results
 * directory or a state database that cannot be written: a read-only or full output (a tmpfs mounted for the test)
 * leaves the state untouched and exits 2; a locked, full or read-only state keeps the results, with a FAILED "state"
 * layer, and exits 3. In every case a second scan, once the problem is gone, still reports the ghost as NEW.
 */
@Timeout(300)
class ResultsAndStateTest {
  static final Path DEMO = HostileInputTest.DEMO;

  @TempDir(factory = HostileTempDirs.class) Path work;
  private final Deque<Path> mounts = new ArrayDeque<>();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void needsMounts() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
    Path probe = work.resolve("hostile-probe");
    Files.createDirectories(probe);
    assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe.toString()) == 0,
        "mount -t tmpfs is not allowed here (no CAP_SYS_ADMIN)");
    sh("umount", probe.toString());
  }

  @AfterEach
  void unmount() throws Exception {
    while (!mounts.isEmpty()) {
      Path m = mounts.pop();
      if (sh("umount", m.toString()) != 0) sh("umount", "-l", m.toString());
    }
  }

  private Path tmpfs(String name, String size) throws Exception {
    Path dir = work.resolve(name);
    Files.createDirectories(dir);
    assertThat(sh("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())).isZero();
    mounts.push(dir);
    return dir;
  }

  private static int sh(String... cmd) throws IOException, InterruptedException {
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
  }

  /** Fills the file system holding {@code dir} to the last byte. */
  private static Path fill(Path dir) throws IOException {
    Path filler = dir.resolve("filler");
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) out.write(block);
    } catch (IOException full) {
      // no space left: that was the point
    }
    return filler;
  }

  /** The ghost-bearing offline scan (no code: every observed agent is a ghost). */
  private ScanAllCommandTest.Run scan(Path results, Path state) {
    return ScanAllCommandTest.run("scan-all", "--kube-snapshot", DEMO.resolve("cluster.json").toString(), "--audit-log",
        DEMO.resolve("audit.log").toString(), "--tetragon-events", DEMO.resolve("tetragon.log.gz").toString(),
        "--dns-log", DEMO.resolve(DemoCommand.DNS_LOG).toString(), "--skip-layers", "host,mcp", "--no-dns", "--no-color", "--state", state.toString(),
        "--output", results.toString());
  }

  private JsonNode inventory(Path results) throws IOException {
    return json.readTree(results.resolve("inventory.json").toFile());
  }

  private static List<String> ghostChanges(JsonNode inventory) {
    List<String> out = new ArrayList<>();
    for (JsonNode a : inventory.path("agents")) {
      if (a.path("classification").asText().equals("GHOST")) out.add(a.path("change").asText());
    }
    return out;
  }

  private static JsonNode stateLayer(JsonNode inventory) {
    for (JsonNode l : inventory.path("layers")) if (l.path("name").asText().equals("state")) return l;
    return null;
  }

  private static long scansRecorded(Path state) {
    try (StateStore s = StateStore.openExisting(state)) {
      return s.scans().size();
    }
  }

  /** The second scan, the problem gone: the ghost is still NEW, and no state layer failed. */
  private void secondScanStillReportsTheGhostAsNew(Path results, Path state) throws IOException {
    ScanAllCommandTest.Run again = scan(results, state);
    assertThat(again.code()).as(again.err()).isZero();
    JsonNode inv = inventory(results);
    assertThat(ghostChanges(inv)).isNotEmpty().allMatch("NEW"::equals);
    assertThat(stateLayer(inv)).isNull();
    assertThat(scansRecorded(state)).isEqualTo(1);
  }

  private static void noTemporaryFilesIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return;
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void aReadOnlyOutputLeavesTheStateUntouchedAndExitsTwo() throws Exception {
    Path out = tmpfs("hostile-ro-out", "1m");
    assertThat(sh("mount", "-o", "remount,ro", out.toString())).isZero();
    Path state = work.resolve("state.db");
    ScanAllCommandTest.Run r = scan(out.resolve("results"), state);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).endsWith("wraith: --output " + out.resolve("results") + ": " + out.resolve("results")
        + " is on a read-only file system; choose a writable location; the scan was not recorded in the state database, "
        + "so the next one still reports what is new\n");
    assertThat(scansRecorded(state)).isZero();
    assertThat(sh("mount", "-o", "remount,rw", out.toString())).isZero();
    secondScanStillReportsTheGhostAsNew(out.resolve("results"), state);
  }

  @Test
  void aFullOutputLeavesTheStateUntouchedNoHalfFilesAndExitsTwo() throws Exception {
    Path out = tmpfs("hostile-full-out", "256k");
    Path results = out.resolve("results");
    Files.createDirectories(results);
    Files.writeString(results.resolve("inventory.json"), "{\"from\":\"the last scan\"}");
    Path filler = fill(out);
    Path state = work.resolve("state.db");
    ScanAllCommandTest.Run r = scan(results, state);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).containsPattern("wraith: --output " + results + ": no space left on device while writing " + results
        + "/[a-z.]+; free some space; the scan was not recorded in the state database");
    assertThat(scansRecorded(state)).isZero();
    noTemporaryFilesIn(results);
    assertThat(Files.readString(results.resolve("inventory.json"))).isEqualTo("{\"from\":\"the last scan\"}");
    Files.delete(filler);
    secondScanStillReportsTheGhostAsNew(results, state);
  }

  @Test
  void aLockedStateKeepsTheResultsAndExitsThree() throws Exception {
    Path state = work.resolve("state.db");
    StateStore.open(state).close();
    Path results = work.resolve("results");
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + state); Statement st = other.createStatement()) {
      st.execute("BEGIN IMMEDIATE"); // another writer holds the lock for the whole scan
      ScanAllCommandTest.Run r = scan(results, state);
      assertThat(r.code()).as(r.err()).isEqualTo(3);
      assertThat(r.err()).contains("wraith: history not recorded: state database " + state + " is locked by another writer "
          + "(is another wraith scan running?); try again when it has finished, or use --state with another file (the "
          + "results in " + results + " are complete)");
      JsonNode inv = inventory(results);
      assertThat(ghostChanges(inv)).isNotEmpty().allMatch("NEW"::equals);
      assertThat(stateLayer(inv).path("status").asText()).isEqualTo("failed");
      assertThat(r.out()).contains("state failed (history not recorded: state database " + state + " is locked");
      st.execute("ROLLBACK");
    }
    assertThat(scansRecorded(state)).isZero();
    secondScanStillReportsTheGhostAsNew(results, state);
    ScanAllCommandTest.Run third = scan(results, state);
    assertThat(third.code()).isZero();
    assertThat(ghostChanges(inventory(results))).allMatch("UNCHANGED"::equals);
  }

  /**
   * The database lives on a tmpfs that fills up after it was opened (a reader keeps its WAL files in place): the
   * commit fails with SQLITE_FULL, the results are written and say so.
   */
  @Test
  void aFullStateKeepsTheResultsAndExitsThree() throws Exception {
    Path disk = tmpfs("hostile-full-state", "1m");
    Path state = disk.resolve("state.db");
    StateStore.open(state).close();
    Path results = work.resolve("results");
    Path filler;
    try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + state); Statement st = reader.createStatement()) {
      st.executeQuery("SELECT count(*) FROM scan").close();
      filler = fill(disk);
      ScanAllCommandTest.Run r = scan(results, state);
      assertThat(r.code()).as(r.err()).isEqualTo(3);
      assertThat(r.err()).contains("no space left on device for the state database " + state).contains("; free some space")
          .contains("(the results in " + results + " are complete)");
      JsonNode inv = inventory(results);
      assertThat(ghostChanges(inv)).isNotEmpty();
      assertThat(stateLayer(inv).path("reason").asText()).startsWith("history not recorded: no space left on device for the "
          + "state database " + state + " while recording the scan (nothing was written)");
    }
    Files.delete(filler);
    assertThat(scansRecorded(state)).isZero();
    secondScanStillReportsTheGhostAsNew(results, state);
  }

  @Test
  void aReadOnlyStateKeepsTheResultsAndExitsThree() throws Exception {
    Path disk = tmpfs("hostile-ro-state", "1m");
    Path state = disk.resolve("state.db");
    StateStore.open(state).close();
    assertThat(sh("mount", "-o", "remount,ro", disk.toString())).isZero();
    Path results = work.resolve("results");
    ScanAllCommandTest.Run r = scan(results, state);
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("state database " + state + " is on a read-only file system; use --state with a file on a "
        + "writable one (the results in " + results + " are complete)");
    assertThat(ghostChanges(inventory(results))).isNotEmpty();
    assertThat(stateLayer(inventory(results)).path("status").asText()).isEqualTo("failed");
    assertThat(sh("mount", "-o", "remount,rw", disk.toString())).isZero();
    assertThat(scansRecorded(state)).isZero();
    secondScanStillReportsTheGhostAsNew(results, state);
  }

  /** A stale temporary file of a killed wraith (its process is gone) is removed by the next write to the directory. */
  @Test
  void temporaryFilesOfAKilledScanAreRemovedByTheNext() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path results = work.resolve("results");
    Files.createDirectories(results);
    Path stale = Files.writeString(results.resolve(".inventory.json." + gone.pid() + ".123.tmp"), "half");
    Path foreign = Files.writeString(results.resolve(".notes.tmp"), "not ours");
    ScanAllCommandTest.Run r = scan(results, work.resolve("state.db"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(stale).doesNotExist();
    assertThat(foreign).exists();
  }
}

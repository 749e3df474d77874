package dev.wraith.host.ebpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The loader lives exactly as long as the sensor: a sensor JVM killed with SIGKILL (no shutdown hooks) takes its
 * loader with it, and leaves no extracted binary behind.
 */
class ProbeLifecycleTest {
  @Test
  void aKilledSensorTakesItsLoaderWithItAndLeavesNothingInTmp() throws Exception {
    Optional<String> why = ProbeSupport.whyNot(ProbeBuild.current());
    assumeTrue(why.isEmpty(), () -> "skipped: the probe cannot load here: " + why.get());
    Path tmp = Files.createTempDirectory("probe-lifecycle-");
    Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + tmp,
        "-cp", System.getProperty("java.class.path"), "dev.wraith.cli.Main", "sensor", "--probe", "ebpf", "--duration", "120",
        "--no-dns", "--format", "json").redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      ProcessHandle loader = awaitLoader(jvm);
      // the child shows before the sensor's start() returns and deletes the binary: a moment later it is gone
      long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (entries(tmp) > 0 && System.nanoTime() < gone) Thread.sleep(20);
      assertThat(entries(tmp)).as("the extracted binary is deleted once it runs").isZero();
      jvm.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no hooks, no close()
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (loader.isAlive() && System.nanoTime() < end) Thread.sleep(20);
      assertThat(loader.isAlive()).as("the loader ends when its stdin (the JVM's pipe) closes").isFalse();
    } finally {
      jvm.destroyForcibly();
      try (var all = Files.walk(tmp)) {
        all.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static long entries(Path dir) throws java.io.IOException {
    try (var s = Files.list(dir)) {
      return s.count();
    }
  }

  /** The JVM's child running wraith-probe, once it is up (the probe takes a second or so to load). */
  private static ProcessHandle awaitLoader(Process jvm) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < end) {
      Optional<ProcessHandle> child = jvm.toHandle().children()
          .filter(c -> c.info().command().map(x -> x.contains("wraith-probe")).orElse(false)).findFirst();
      if (child.isPresent()) return child.get();
      assertThat(jvm.isAlive()).as("the sensor is running").isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("no wraith-probe child within 30 s");
  }
}

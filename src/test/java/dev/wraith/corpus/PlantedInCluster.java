package dev.wraith.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real process with planted arguments in a network namespace of its own (an anonymous one, from {@code unshare
 * --net}), holding a connection to a "ClusterIP" on that namespace's lo that nothing attributes: the /proc sampler
 * keeps it as the sensor's {@code in-cluster} line, with its owner's arguments. The planted values are in the shell
 * script {@code unshare} runs too. Needs root and util-linux; {@link #unavailable} says why not.
 */
final class PlantedInCluster implements AutoCloseable {
  static final String SERVICE = "10.96.77.9:8000";
  private static final Path SCRIPT = Path.of("src/test/resources/corpus/incluster.py").toAbsolutePath();
  private final Process process;

  private PlantedInCluster(Process process) {
    this.process = process;
  }

  /** Why it cannot run here, or empty. */
  static Optional<String> unavailable() {
    try {
      if (!Files.readString(Path.of("/proc/self/status")).contains("\nUid:\t0\t")) return Optional.of("needs root");
    } catch (IOException e) {
      return Optional.of("needs Linux /proc");
    }
    for (String tool : List.of("/usr/bin/unshare", "/usr/sbin/ip", "/bin/sh")) {
      if (!Files.isExecutable(Path.of(tool)) && !Files.isExecutable(Path.of(tool.replace("/usr/sbin/", "/sbin/")))) {
        return Optional.of("needs " + tool);
      }
    }
    return Optional.empty();
  }

  static PlantedInCluster start(Path root, Plants p) throws IOException, InterruptedException {
    Path ready = root.resolve("incluster-ready");
    String ip = SERVICE.substring(0, SERVICE.indexOf(':'));
    String script = "ip link set lo up && ip addr add " + ip + "/32 dev lo && exec " + McpInputs.PYTHON + " " + SCRIPT + " "
        + ready + " " + SERVICE + " --api-key " + p.plant("in-cluster process argv: --api-key", "%s")
        + " --url https://g:" + p.plant("in-cluster process argv: URL password", "%s") + "@gateway.internal/v1?token="
        + p.plant("in-cluster process argv: URL query", "%s")
        + " -H 'Authorization: Bearer " + p.plant("in-cluster process argv: -H Authorization", "%s") + "'";
    Process process = new ProcessBuilder("/usr/bin/unshare", "--fork", "--net", "--kill-child", "/bin/sh", "-c", script)
        .redirectErrorStream(true).redirectOutput(root.resolve("incluster.log").toFile()).start();
    PlantedInCluster started = new PlantedInCluster(process);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!Files.exists(ready)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        started.close();
        throw new IllegalStateException("the in-cluster process did not start: " + Files.readString(root.resolve("incluster.log")));
      }
      Thread.sleep(50);
    }
    return started;
  }

  /** What the sensor's outputs must show of it. */
  String witness() {
    return "incluster.py";
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the caller's interrupt stands; the process was killed
    }
  }
}

package dev.wraith.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Kubernetes node in miniature for tests, built from the real kernel: kubelet-style cgroups, processes
 * placed in them, PID/network/mount namespaces for "containers", nsenter for exec. Every cgroup and process
 * it makes is undone by {@link #close()}, also after a failure; namespaces die with their processes.
 * Traffic stays on loopback addresses, in the root namespace or in namespaces made here.
 */
final class NodeSimulation implements AutoCloseable {
  static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

  final Path dir;
  private final String tag = "wraith-test-" + Long.toHexString(System.nanoTime());
  private final Deque<Path> cgroups = new ArrayDeque<>();
  private final List<Process> processes = new ArrayList<>();

  NodeSimulation(Path dir) {
    this.dir = dir;
  }

  /** Why this machine cannot run the simulation, or empty when it can. */
  static Optional<String> unavailable() {
    if (!System.getProperty("os.name").startsWith("Linux")) return Optional.of("needs Linux");
    try {
      if (!Files.readString(Path.of("/proc/self/status")).contains("\nUid:\t0\t")) return Optional.of("needs root");
    } catch (IOException e) {
      return Optional.of("no /proc");
    }
    for (String tool : List.of("/usr/bin/unshare", "/usr/bin/nsenter")) {
      if (!Files.isExecutable(Path.of(tool))) return Optional.of("needs " + tool);
    }
    if (which("ip").isEmpty()) return Optional.of("needs ip (iproute2)");
    if (which("python3").isEmpty() && !Files.isExecutable(Path.of("/usr/bin/python3"))) return Optional.of("needs python3");
    if (cgroupV2().isEmpty() && cgroupV1Named().isEmpty()) return Optional.of("no writable cgroup hierarchy");
    return Optional.empty();
  }

  /** The cgroup v2 mount, if any (unified in hybrid mode, /sys/fs/cgroup on v2-only hosts). */
  static Optional<Path> cgroupV2() {
    return mount(" - cgroup2 ", null);
  }

  /** The v1 name=systemd hierarchy, if any: no controllers, so placing processes in it changes no limits. */
  static Optional<Path> cgroupV1Named() {
    return mount(" - cgroup ", "name=systemd");
  }

  private static Optional<Path> mount(String fsMarker, String option) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        if (!line.contains(fsMarker) || (option != null && !line.contains(option))) continue;
        Path p = Path.of(line.split(" ", -1)[4]);
        if (Files.isWritable(p)) return Optional.of(p);
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<Path> which(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":", -1)) {
      Path p = Path.of(d, tool);
      if (Files.isExecutable(p)) return Optional.of(p);
    }
    return Optional.empty();
  }

  /** Creates hierarchy/TAG/relative (each level), to be removed on close; returns its directory. */
  Path cgroup(Path hierarchy, String relative) throws IOException {
    Path p = hierarchy.resolve(tag);
    if (!Files.isDirectory(p)) {
      Files.createDirectory(p);
      cgroups.push(p);
    }
    for (String part : relative.split("/", -1)) {
      p = p.resolve(part);
      Files.createDirectory(p);
      cgroups.push(p);
    }
    return p;
  }

  /** The cgroup path as /proc/PID/cgroup shows it (relative to the hierarchy root). */
  String cgroupPath(Path hierarchy, Path cgroup) {
    return "/" + hierarchy.relativize(cgroup);
  }

  /** Copies a simulation script from the test resources, with a first line that makes its content (and hash) unique. */
  Path script(String resource, String name) throws IOException {
    try (InputStream in = NodeSimulation.class.getResourceAsStream("/host/sim/" + resource)) {
      Path p = dir.resolve(name);
      Files.writeString(p, "# " + name + "\n" + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      return p;
    }
  }

  /** Starts a shell command line; when {@code cgroup} is given, the shell joins it before exec'ing the rest. */
  Process start(Optional<Path> cgroup, Map<String, String> env, String commandLine) throws IOException {
    String sh = cgroup.map(c -> "echo $$ > " + c.resolve("cgroup.procs") + " && exec ").orElse("exec ") + commandLine;
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", sh).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("log-" + processes.size() + ".txt").toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    processes.add(p);
    return p;
  }

  /** Waits until a file exists, failing with the processes' logs when it does not come. */
  void awaitFile(Path file, long millis) throws Exception {
    long end = System.currentTimeMillis() + millis;
    while (!Files.exists(file)) {
      if (System.currentTimeMillis() > end) throw new AssertionError("timed out waiting for " + file + "\n" + logs());
      Thread.sleep(20);
    }
  }

  /** The host pid of the first child of pid (the namespace init under unshare --fork). */
  static int firstChild(long pid) throws Exception {
    for (int i = 0; i < 250; i++) {
      Optional<ProcessHandle> c = ProcessHandle.of(pid).flatMap(h -> h.children().findFirst());
      if (c.isPresent()) return (int) c.get().pid();
      Thread.sleep(20);
    }
    throw new AssertionError("no child of " + pid);
  }

  String logs() throws IOException {
    StringBuilder b = new StringBuilder();
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("log-")).sorted().toList()) {
        b.append("--- ").append(p.getFileName()).append('\n').append(Files.readString(p));
      }
    }
    return b.toString();
  }

  @Override
  public void close() throws IOException {
    try {
      undo();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while undoing " + cgroups, e);
    }
  }

  private void undo() throws IOException, InterruptedException {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Process p : processes) p.waitFor(5, TimeUnit.SECONDS);
    long end = System.currentTimeMillis() + 5000;
    while (!cgroups.isEmpty()) {
      Path c = cgroups.peek();
      try {
        Files.deleteIfExists(c);
        cgroups.pop();
      } catch (IOException busy) {
        if (System.currentTimeMillis() > end) throw new IOException("cgroup still in use: " + c, busy);
        Thread.sleep(50); // killed processes leave their cgroup a moment after they exit
      }
    }
  }
}

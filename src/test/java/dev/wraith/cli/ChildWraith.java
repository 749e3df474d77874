package dev.wraith.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * wraith's command line in a child JVM, as a user runs it, with a small heap: whatever the input, the run must end
 * within the timeout with a documented exit code and a plain message, and never run out of memory. Standard input is
 * empty; output goes to files (no pipe to fill). The built classes and the test classpath are used, so no jar is needed.
 */
final class ChildWraith {
  /** The heap every hostile run gets: far below any oversize input, above what a normal scan of the fixtures needs. */
  static final String HEAP = "-Xmx96m";

  /** One finished run. */
  record Run(int exit, String out, String err, Duration took) {
    /** Standard error without the layer progress lines. */
    String messages() {
      return String.join("\n", err.lines().filter(l -> !l.startsWith("[")).toList());
    }
  }

  private ChildWraith() {}

  static Run run(Path work, Duration timeout, String... args) throws IOException, InterruptedException {
    return run(work, timeout, List.of(), args);
  }

  static Run run(Path work, Duration timeout, List<String> jvm, String... args) throws IOException, InterruptedException {
    return run(work, timeout, jvm, java.util.Map.of(), args);
  }

  /** With these environment variables set for the child (on top of this JVM's, HOME the work directory). */
  static Run run(Path work, Duration timeout, List<String> jvm, java.util.Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add(HEAP);
    cmd.add("-XX:+UseSerialGC");
    cmd.addAll(jvm);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("HOME", work.toString());
    pb.environment().remove("KUBECONFIG");
    pb.environment().keySet().removeIf(k -> k.startsWith("WRAITH_"));
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly().waitFor();
      throw new AssertionError("wraith " + String.join(" ", args) + " did not finish within " + timeout.toSeconds()
          + " s (blocked?); stderr: " + Files.readString(err, StandardCharsets.UTF_8));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
        took);
  }
}

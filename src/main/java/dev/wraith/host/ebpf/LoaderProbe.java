package dev.wraith.host.ebpf;

import dev.wraith.redact.Redactor;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real probe: the wraith-probe loader as a subprocess. A reader thread decodes its standard output into a
 * bounded queue (events beyond it are counted and reported as {@link KernelEvent.Lost}, never dropped silently);
 * its standard error is kept (last lines) for reasons. The loader exits when its standard input closes, so it
 * ends with this JVM even when the JVM is killed; {@link #close()} closes it and waits.
 */
public final class LoaderProbe implements KernelProbe {
  static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
  static final int QUEUE = 65_536;
  private static final int STDERR_LINES = 20, STDERR_LINE_MAX = 500;

  private final Process process;
  private final BlockingQueue<KernelEvent> queue = new ArrayBlockingQueue<>(QUEUE);
  private final AtomicLong overflow = new AtomicLong();
  private long overflowReported;
  private final Deque<String> stderr = new ArrayDeque<>();
  private final CountDownLatch ready = new CountDownLatch(1);
  private final EventDecoder decoder;
  private volatile String ended;
  /** Wall-clock milliseconds when the last frame arrived (the loader sends one every second at least). */
  private volatile long heard = System.currentTimeMillis();
  private final Thread reader, errors;

  private LoaderProbe(Process process, Redactor redactor) {
    this.process = process;
    this.decoder = new EventDecoder(redactor);
    this.reader = new Thread(this::read, "wraith-probe-reader");
    this.errors = new Thread(this::readErrors, "wraith-probe-stderr");
    reader.setDaemon(true);
    errors.setDaemon(true);
    errors.start();
    reader.start();
  }

  /**
   * Starts the loader bundled in this jar, if this machine and process can run it.
   *
   * @param redactor applied to every exec's arguments as events are decoded
   */
  public static ProbeStart start(Redactor redactor) {
    Optional<String> whyNot = ProbeSupport.whyNot(ProbeBuild.current());
    if (whyNot.isPresent()) return new ProbeStart.Unavailable(whyNot.get());
    Path binary;
    try {
      binary = ProbeBinary.extract();
    } catch (IOException e) {
      return new ProbeStart.Unavailable("cannot extract the probe binary: " + e.getMessage());
    }
    return start(binary, READY_TIMEOUT, true, redactor);
  }

  /**
   * Starts {@code binary} and waits for its READY frame (programs loaded and attached). With {@code extracted}
   * the binary and its private directory are deleted as soon as it runs: nothing is left in /tmp, even when this
   * JVM is killed.
   */
  static ProbeStart start(Path binary, Duration readyTimeout, boolean extracted, Redactor redactor) {
    Process p;
    try {
      p = new ProcessBuilder(binary.toString()).start(); // returns once the binary has been exec'd
    } catch (IOException e) {
      return new ProbeStart.Unavailable("cannot start " + binary + ": " + e.getMessage());
    } finally {
      if (extracted) ProbeBinary.delete(binary);
    }
    LoaderProbe probe = new LoaderProbe(p, redactor);
    try {
      if (probe.ready.await(readyTimeout.toMillis(), TimeUnit.MILLISECONDS) && probe.decoder.ready()) {
        return new ProbeStart.Started(probe);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    boolean exited = probe.ended != null; // its output ended before READY: it died, it did not time out
    probe.close();
    return new ProbeStart.Unavailable(probe.failure(exited ? "exited before its programs were attached"
        : "did not start within " + readyTimeout.toSeconds() + " s"));
  }

  @Override
  public String describe() {
    return "eBPF probe (wraith-probe, pid " + process.pid() + ")";
  }

  @Override
  public List<KernelEvent> poll(Duration wait) throws InterruptedException {
    List<KernelEvent> out = new ArrayList<>();
    KernelEvent first = queue.poll(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
    if (first != null) out.add(first);
    queue.drainTo(out);
    long lost = overflow.get();
    if (lost > overflowReported) {
      out.add(new KernelEvent.Lost("events: the sensor fell behind the probe", lost - overflowReported));
      overflowReported = lost;
    }
    return out;
  }

  @Override
  public Optional<String> stopped() {
    return ended != null && queue.isEmpty() ? Optional.of(ended) : Optional.empty();
  }

  @Override
  public java.time.Instant lastHeard() {
    return java.time.Instant.ofEpochMilli(heard);
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close(); // the loader's cue to detach and exit
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (ended == null) ended = "stopped";
  }

  private void read() {
    FrameReader frames = new FrameReader(new BufferedInputStream(process.getInputStream(), 1 << 16));
    try {
      for (Optional<FrameReader.Frame> f = frames.next(); f.isPresent(); f = frames.next()) {
        heard = System.currentTimeMillis();
        for (KernelEvent e : decoder.decode(f.get().kind(), f.get().body())) {
          if (!queue.offer(e)) overflow.incrementAndGet();
        }
        if (decoder.ready()) ready.countDown();
      }
      ended = failure("exited");
    } catch (IOException e) {
      ended = failure(e.getMessage());
    } finally {
      ready.countDown();
    }
  }

  private void readErrors() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        synchronized (stderr) {
          stderr.addLast(line.length() > STDERR_LINE_MAX ? line.substring(0, STDERR_LINE_MAX) : line);
          if (stderr.size() > STDERR_LINES) stderr.removeFirst();
        }
      }
    } catch (IOException e) {
      // the loader is gone; what it said is kept
    }
  }

  /** The loader's own reason ("wraith-probe: ..." on stderr) when it gave one, else {@code fallback} and its status. */
  private String failure(String fallback) {
    try {
      process.waitFor(2, TimeUnit.SECONDS);
      errors.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (stderr) {
      for (String line : stderr) if (line.startsWith("wraith-probe: ")) return line.substring("wraith-probe: ".length());
    }
    String status = process.isAlive() ? "" : " (exit status " + process.exitValue() + ")";
    return "the probe " + fallback + status;
  }
}

package dev.wraith.host;

import dev.wraith.attribution.Attributor;
import dev.wraith.model.HostScan;
import dev.wraith.model.LayerStatus;
import dev.wraith.redact.Redactor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The host layer: samples a proc root at a fixed rate for a window and reports every (process, AI
 * destination) pair seen. The default 200 ms interval leaves any connection that lives 250 ms or more no
 * way to fall between two samples as long as a sample takes under 50 ms; the longest gap is reported so a
 * slow node shows it. Keeps its caches across windows, so {@code --watch} pays the start-up cost once.
 */
public final class Sensor {
  public static final String LAYER = "host";
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);

  private final ProcFs proc;
  private final Sampler sampler;
  private final Clock clock;
  private final java.util.function.Supplier<List<String>> notes;
  private boolean warm;

  /**
   * @param redactor applied to every argument list as it is read
   * @param notes informational lines for every window's status, asked at its end (e.g. the DNS cache's summary) */
  public Sensor(ProcFs proc, Attributor attributor, Redactor redactor, Clock clock,
      java.util.function.Supplier<List<String>> notes) {
    this.proc = proc;
    this.sampler = new Sampler(proc, attributor, redactor);
    this.clock = clock;
    this.notes = notes;
  }

  /** Samples every {@code interval} until {@code window} has passed (at least one sample). */
  public HostScan observe(Duration window, Duration interval) throws InterruptedException {
    if (!warm) {
      // the first sample reads every pid's namespace and loads classes; keep that out of the window's timing
      try {
        sampler.sample();
      } catch (IOException e) {
        return failed(clock.instant(), "cannot list " + proc.describe() + ": " + e.getMessage());
      }
      warm = true;
    }
    Aggregator agg = new Aggregator();
    Instant start = clock.instant();
    long startNanos = System.nanoTime();
    long deadline = startNanos + window.toNanos();
    long next = startNanos;
    long previous = -1, maxGap = 0, maxSample = 0;
    int samples = 0, pids = 0, namespaces = 0;
    do {
      long t0 = System.nanoTime();
      if (previous >= 0) maxGap = Math.max(maxGap, t0 - previous);
      previous = t0;
      try {
        Sampler.Sample s = sampler.sample();
        agg.add(s, clock.instant());
        pids = s.pids();
        namespaces = s.netns();
      } catch (IOException e) {
        return failed(start, "cannot list " + proc.describe() + ": " + e.getMessage());
      }
      samples++;
      maxSample = Math.max(maxSample, System.nanoTime() - t0);
      next += interval.toNanos();
      long sleep = next - System.nanoTime();
      if (sleep > 0) Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      else next = System.nanoTime(); // fell behind: sample again at once, never in a burst
    } while (System.nanoTime() < deadline);
    if (maxGap > interval.toNanos() + Duration.ofMillis(50).toNanos()) {
      agg.warn("samples fell behind: longest gap " + maxGap / 1_000_000 + " ms; connections shorter than that may be missed");
    }
    List<String> said = new java.util.ArrayList<>(agg.notes());
    said.addAll(notes.get());
    LayerStatus status = LayerStatus.ran(LAYER, agg.warnings()).withNotes(said);
    return new HostScan(proc.describe(), start, clock.instant(), agg.observations(), agg.unowned(), agg.inCluster(), status,
        new HostScan.Stats(samples, maxGap / 1_000_000, maxSample / 1_000_000, pids, namespaces));
  }

  private HostScan failed(Instant start, String why) {
    return new HostScan(proc.describe(), start, clock.instant(), List.of(), List.of(), LayerStatus.failed(LAYER, why),
        new HostScan.Stats(0, 0, 0, 0, 0));
  }
}

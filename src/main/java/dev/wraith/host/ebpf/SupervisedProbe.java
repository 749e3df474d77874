package dev.wraith.host.ebpf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A probe whose loader is restarted when it stops ({@link ProbeRestarts}): the stop opens a {@link ProbeGap} from when
 * the loader was last heard from, a new loader closes it once its programs are attached, and only a stop with no
 * restarts left (or a restart the machine refuses, that many times) is reported by {@link #stopped()}. Restarts run
 * on one thread of this probe's own that lives until {@link #close()}: the loader asks the kernel for a signal when
 * the thread that started it ends (PR_SET_PDEATHSIG follows the thread, not the JVM), so a pool thread that retires
 * would stop a loader it started. Events are polled by one consumer, as for every {@link KernelProbe}.
 */
public final class SupervisedProbe implements KernelProbe {
  /** The most gaps kept for {@link #gaps}; older ones have been reported by the windows they fell in. */
  static final int MAX_GAPS = 64;

  private final Supplier<ProbeStart> starter;
  private final ProbeRestarts policy;
  private final Clock clock;
  private final ScheduledExecutorService restarter;
  private final Deque<ProbeGap> gaps = new ArrayDeque<>();
  private KernelProbe current;
  private Instant currentSince;
  private Optional<Future<ProbeStart>> pending = Optional.empty();
  private int inRow;
  private String stopReason = "";
  private Optional<String> exhausted = Optional.empty();

  private SupervisedProbe(Supplier<ProbeStart> starter, ProbeRestarts policy, Clock clock, KernelProbe first) {
    this.starter = starter;
    this.policy = policy;
    this.clock = clock;
    this.current = first;
    this.currentSince = clock.instant();
    this.restarter = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "wraith-probe-restart");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts the first probe with {@code starter} on the calling thread; a first start that fails is returned as is (the
   * machine cannot run the probe: restarting would not help).
   */
  public static ProbeStart start(Supplier<ProbeStart> starter, ProbeRestarts policy, Clock clock) {
    ProbeStart first = starter.get();
    if (first instanceof ProbeStart.Started s) return new ProbeStart.Started(new SupervisedProbe(starter, policy, clock, s.probe()));
    return first;
  }

  @Override
  public synchronized String describe() {
    return current.describe();
  }

  /** While a restart is under way nothing arrives: waits {@code wait} and returns nothing. */
  @Override
  public List<KernelEvent> poll(Duration wait) throws InterruptedException {
    KernelProbe live;
    synchronized (this) {
      supervise();
      live = pending.isEmpty() && exhausted.isEmpty() ? current : null;
    }
    if (live != null) return live.poll(wait);
    if (!wait.isZero()) Thread.sleep(wait.toMillis());
    return List.of();
  }

  @Override
  public synchronized Optional<String> stopped() {
    supervise();
    return exhausted;
  }

  @Override
  public synchronized Instant lastHeard() {
    return current.lastHeard();
  }

  @Override
  public synchronized List<ProbeGap> gaps(Instant from, Instant to) {
    return gaps.stream().filter(g -> g.overlaps(from, to)).toList();
  }

  /** Stops the restarter (interrupting a start under way, which then stops its loader) and the running loader. */
  @Override
  public void close() {
    restarter.shutdownNow();
    try {
      restarter.awaitTermination(LoaderProbe.READY_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      pending.filter(Future::isDone).map(SupervisedProbe::outcome)
          .ifPresent(s -> { if (s instanceof ProbeStart.Started x) x.probe().close(); });
      pending = Optional.empty();
      current.close();
    }
  }

  /** Takes a finished restart, or notices a stop and schedules a restart or gives up. */
  private void supervise() {
    if (pending.isPresent() && pending.get().isDone()) adopt(outcome(pending.get()));
    if (pending.isEmpty() && exhausted.isEmpty()) {
      current.stopped().ifPresent(this::stoppedWith);
    }
  }

  private void stoppedWith(String reason) {
    Instant from = current.lastHeard();
    current.close();
    if (Duration.between(currentSince, from).compareTo(policy.steady()) >= 0) inRow = 0;
    stopReason = reason;
    if (inRow >= policy.max()) {
      exhausted = Optional.of(inRow == 0 ? reason : reason + " (restarted " + times(inRow) + " in a row; no restarts left)");
      return;
    }
    inRow++;
    if (gaps.size() == MAX_GAPS) gaps.removeFirst();
    gaps.addLast(new ProbeGap(from, Optional.empty(), reason, inRow, policy.max()));
    schedule();
  }

  private void adopt(ProbeStart outcome) {
    pending = Optional.empty();
    if (outcome instanceof ProbeStart.Started s) {
      current = s.probe();
      currentSince = clock.instant();
      ProbeGap open = gaps.removeLast();
      gaps.addLast(new ProbeGap(open.from(), Optional.of(currentSince), open.reason(), open.restart(), open.of()));
      return;
    }
    String why = ((ProbeStart.Unavailable) outcome).reason();
    if (inRow >= policy.max()) {
      exhausted = Optional.of(stopReason + "; restarting it failed " + times(inRow) + ", the last time: " + why);
      return;
    }
    inRow++;
    schedule();
  }

  private void schedule() {
    try {
      pending = Optional.of(restarter.schedule(starter::get, policy.backoff(inRow).toMillis(), TimeUnit.MILLISECONDS));
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      exhausted = Optional.of(stopReason + " (not restarted: the sensor is closing)");
    }
  }

  private static ProbeStart outcome(Future<ProbeStart> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      return new ProbeStart.Unavailable("the restart failed: " + e.getCause().getMessage());
    } catch (CancellationException | InterruptedException e) {
      if (e instanceof InterruptedException) Thread.currentThread().interrupt();
      return new ProbeStart.Unavailable("the restart was cancelled");
    }
  }

  private static String times(int n) {
    return n == 1 ? "once" : n + " times";
  }
}

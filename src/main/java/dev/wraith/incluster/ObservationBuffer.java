package dev.wraith.incluster;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code wraith sensor --serve} hands out: the JSON Lines of every window that ended within the retention
 * period, oldest first, so a scanner that polls less often than windows end misses nothing (windows it already saw
 * come again; the correlation merges them by process identity). Thread-safe: the sampler adds, HTTP threads read.
 *
 * <p>{@code /healthz} is 200 while windows keep ending (or the first one is still due) and 503 once none ended for
 * {@code staleAfter}: a sampler that stopped must not look healthy.
 */
public final class ObservationBuffer {
  private final Duration retain, staleAfter;
  private final Clock clock;
  private final Instant started;
  private final Deque<Window> windows = new ArrayDeque<>();

  /**
   * One finished window; its bytes are this buffer's own copy. Windows are never compared: equals would compare the
   * bytes by reference.
   */
  @SuppressWarnings("ArrayRecordComponent")
  private record Window(Instant end, byte[] jsonLines) {}

  public ObservationBuffer(Duration retain, Duration staleAfter, Clock clock) {
    this.retain = retain;
    this.staleAfter = staleAfter;
    this.clock = clock;
    this.started = clock.instant();
  }

  /** Adds one finished window, as {@code wraith sensor --format json} writes it. */
  public synchronized void add(Instant end, byte[] jsonLines) {
    windows.addLast(new Window(end, jsonLines.clone()));
    prune();
  }

  public synchronized byte[] observations() {
    prune();
    var out = new ByteArrayOutputStream();
    for (Window w : windows) out.writeBytes(w.jsonLines());
    return out.toByteArray();
  }

  public synchronized HttpEndpoint.Response health() {
    Instant now = clock.instant();
    if (windows.isEmpty()) {
      return Duration.between(started, now).compareTo(staleAfter) < 0
          ? HttpEndpoint.Response.text(200, "ok: first window not finished yet\n")
          : HttpEndpoint.Response.text(503, "stale: no window finished since start at " + started + "\n");
    }
    Instant last = windows.getLast().end();
    return Duration.between(last, now).compareTo(staleAfter) < 0
        ? HttpEndpoint.Response.text(200, "ok: last window ended " + last + "\n")
        : HttpEndpoint.Response.text(503, "stale: last window ended " + last + "\n");
  }

  /** {@code /observations} and {@code /healthz}. */
  public Map<String, Supplier<HttpEndpoint.Response>> routes() {
    return Map.of("/observations", () -> new HttpEndpoint.Response(200, "application/x-ndjson", observations()),
        "/healthz", this::health);
  }

  private void prune() {
    Instant oldest = clock.instant().minus(retain);
    while (windows.size() > 1 && windows.getFirst().end().isBefore(oldest)) windows.removeFirst();
  }
}

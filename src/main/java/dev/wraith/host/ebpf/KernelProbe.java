package dev.wraith.host.ebpf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The eBPF probe's port: typed events from the kernel, in the order the kernel's ring buffer held them.
 * {@link LoaderProbe} runs the real loader; {@link FixtureProbe} replays recorded frames. Not thread-safe: one
 * consumer polls.
 */
public interface KernelProbe extends AutoCloseable {
  /** What this probe is, for statuses ("eBPF probe (pid 1234)", "fixture events.bin"). */
  String describe();

  /** The events that arrived, waiting at most {@code wait} for the first; empty when none came in time. */
  List<KernelEvent> poll(Duration wait) throws InterruptedException;

  /** Why the probe stopped, once it has and every event before the stop was returned; empty while it runs. */
  Optional<String> stopped();

  /**
   * When this probe last heard from the kernel side (an event, or the loader's once-a-second clock frame): once it has
   * stopped, events after this instant may be missing.
   */
  Instant lastHeard();

  /**
   * The times this probe saw nothing because its loader stopped and was restarted, that overlap {@code [from, to]},
   * oldest first. Empty for a probe that is never restarted.
   */
  default List<ProbeGap> gaps(Instant from, Instant to) {
    return List.of();
  }

  /** Stops the probe (the loader detaches its programs and exits). Idempotent. */
  @Override
  void close();
}

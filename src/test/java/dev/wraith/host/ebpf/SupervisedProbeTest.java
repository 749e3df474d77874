package dev.wraith.host.ebpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restart policy on recorded probes that stop at once (an empty recording ends as it starts): each stop opens a
 * gap, each start closes it, and the stop with no restarts left, or a restart the machine refuses, is the probe's stop
 * with a sentence. The real loader killed on this kernel is {@link ProbeRestartTest}.
 */
class SupervisedProbeTest {
  @TempDir Path dir;

  @Test
  void restartsUpToThePolicyThenStopsWithASentence() throws Exception {
    List<KernelProbe> started = new ArrayList<>();
    Supplier<ProbeStart> starter = () -> {
      KernelProbe p = recording();
      started.add(p);
      return new ProbeStart.Started(p);
    };
    Instant before = Instant.now();
    KernelProbe probe = supervised(starter, new ProbeRestarts(2, Duration.ZERO, Duration.ZERO, Duration.ofDays(1)));
    String stopped = awaitStop(probe);
    assertThat(stopped).isEqualTo("end of events.bin (restarted 2 times in a row; no restarts left)");
    assertThat(started).hasSize(3);
    List<ProbeGap> gaps = probe.gaps(before, Instant.now());
    assertThat(gaps).extracting(ProbeGap::restart).containsExactly(1, 2);
    assertThat(gaps).allSatisfy(g -> {
      assertThat(g.to()).isPresent();
      assertThat(g.to().get()).isAfterOrEqualTo(g.from());
      assertThat(g.reason()).isEqualTo("end of events.bin");
      assertThat(g.of()).isEqualTo(2);
    });
    assertThat(probe.gaps(Instant.now().plusSeconds(60), Instant.now().plusSeconds(61))).as("none after").isEmpty();
    probe.close();
  }

  @Test
  void aRestartTheMachineRefusesEndsTheProbeWithBothReasons() throws Exception {
    int[] calls = {0};
    Supplier<ProbeStart> starter = () -> calls[0]++ == 0 ? new ProbeStart.Started(recording())
        : new ProbeStart.Unavailable("the kernel refused to load BPF programs (Operation not permitted)");
    KernelProbe probe = supervised(starter, new ProbeRestarts(3, Duration.ZERO, Duration.ZERO, Duration.ofDays(1)));
    assertThat(awaitStop(probe)).isEqualTo("end of events.bin; restarting it failed 3 times, the last time: the kernel "
        + "refused to load BPF programs (Operation not permitted)");
    assertThat(calls[0]).isEqualTo(4);
    assertThat(probe.gaps(Instant.EPOCH, Instant.now())).singleElement().satisfies(g -> assertThat(g.to()).isEmpty());
    probe.close();
  }

  @Test
  void withNoRestartsTheFirstStopIsTheProbesStop() throws Exception {
    KernelProbe probe = supervised(() -> new ProbeStart.Started(recording()), ProbeRestarts.NONE);
    assertThat(awaitStop(probe)).isEqualTo("end of events.bin");
    assertThat(probe.gaps(Instant.EPOCH, Instant.now())).isEmpty();
    probe.close();
  }

  @Test
  void aFirstStartThatFailsIsReturnedAsIs() {
    ProbeStart s = SupervisedProbe.start(() -> new ProbeStart.Unavailable("no kernel BTF"), ProbeRestarts.LONG_RUNNING,
        Clock.systemUTC());
    assertThat(s).isEqualTo(new ProbeStart.Unavailable("no kernel BTF"));
  }

  @Test
  void aGapReadsAsAWindowProblemWithItsTimesAndReason() {
    Instant from = Instant.parse("2026-12-07T17:53:28.400Z");
    assertThat(ProbeSensor.gap(new ProbeGap(from, java.util.Optional.of(Instant.parse("2026-12-07T17:53:30.100Z")),
        "the probe exited (exit status 137)", 1, 5))).isEqualTo("eBPF probe: events may be missing between "
            + "2026-12-07T17:53:28Z and 2026-12-07T17:53:31Z, while it was restarted (restart 1 of 5) after it stopped: the "
            + "probe exited (exit status 137)");
    assertThat(ProbeSensor.gap(new ProbeGap(from, java.util.Optional.empty(), "the probe exited (exit status 137)", 1, 1)))
        .isEqualTo("eBPF probe: events may be missing from 2026-12-07T17:53:28Z to the end of this window, while it was "
            + "being restarted (restart 1 of 1, not done) after it stopped: the probe exited (exit status 137)");
  }

  @Test
  void backoffDoublesUpToItsCap() {
    var p = new ProbeRestarts(6, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(10));
    assertThat(List.of(p.backoff(1), p.backoff(2), p.backoff(3), p.backoff(4), p.backoff(6))).containsExactly(Duration.ofSeconds(1),
        Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  private KernelProbe recording() {
    try {
      return new FixtureProbe(Files.write(dir.resolve("events.bin"), new byte[0]), dev.wraith.redact.Redactor.bundled());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static KernelProbe supervised(Supplier<ProbeStart> starter, ProbeRestarts policy) {
    return ((ProbeStart.Started) SupervisedProbe.start(starter, policy, Clock.systemUTC())).probe();
  }

  /** Polls as the sensor does until the probe says it stopped (restarts run on the probe's own thread). */
  private static String awaitStop(KernelProbe probe) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < end) {
      probe.poll(Duration.ofMillis(10));
      if (probe.stopped().isPresent()) return probe.stopped().get();
    }
    throw new AssertionError("the probe did not stop within 20 s");
  }
}

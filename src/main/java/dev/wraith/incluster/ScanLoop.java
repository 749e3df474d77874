package dev.wraith.incluster;

import dev.wraith.files.Failures;
import dev.wraith.model.Inventory;
import dev.wraith.model.LayerStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The in-cluster scanner: every interval, collect the node sensors' observations, obtain the inventory, publish it as
 * AgentReports and record metrics. A cycle that throws (a bug, an unreachable API) is logged and counted as failed;
 * the loop goes on. Only an interrupt stops it.
 */
public final class ScanLoop {
  /** What one cycle did: the inventory and publish result, or why it failed. */
  public record Cycle(Optional<Inventory> inventory, Optional<PublishResult> publish, Optional<String> failure,
      Optional<String> history) {}

  private final SensorCollector sensors;
  private final InventorySource source;
  private final Publisher publisher;
  private final Metrics metrics;
  private final Clock clock;
  private final Consumer<String> log;

  public ScanLoop(SensorCollector sensors, InventorySource source, Publisher publisher, Metrics metrics, Clock clock,
      Consumer<String> log) {
    this.sensors = sensors;
    this.source = source;
    this.publisher = publisher;
    this.metrics = metrics;
    this.clock = clock;
    this.log = log;
  }

  public Cycle runOnce() throws InterruptedException {
    Instant start = clock.instant();
    try {
      SensorCollection collected = sensors.collect();
      Inventory inventory = source.scan(collected);
      PublishResult result = publisher.publish(inventory);
      Instant end = clock.instant();
      metrics.recordScan(inventory, result, Duration.between(start, end), end);
      report(inventory, result);
      Optional<String> history = record(inventory, result);
      history.ifPresent(log);
      return new Cycle(Optional.of(inventory), Optional.of(result), Optional.empty(), history);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      metrics.recordFailure(clock.instant());
      String why = "scan cycle failed: " + Failures.describe(e, "the scan cycle");
      log.accept(why);
      return new Cycle(Optional.empty(), Optional.empty(), Optional.of(why), Optional.empty());
    }
  }

  /**
   * Records the cycle's scan in the state database once every AgentReport was written: history must never get ahead
   * of what was published, or a NEW agent whose report failed would be UNCHANGED in the next cycle's. Returns why
   * nothing was recorded, if so.
   */
  private Optional<String> record(Inventory inventory, PublishResult result) {
    if (!source.keepsHistory()) return Optional.empty();
    if (!result.failures().isEmpty()) {
      return Optional.of("history not recorded: " + result.failures().size() + " AgentReport writes failed; the next cycle "
          + "compares with the last recorded scan");
    }
    return source.record(inventory);
  }

  /** Runs a cycle every {@code interval} (measured start to start; a long cycle is followed at once by the next). */
  public void run(Duration interval) throws InterruptedException {
    while (!Thread.currentThread().isInterrupted()) {
      Instant start = clock.instant();
      runOnce();
      long wait = interval.minus(Duration.between(start, clock.instant())).toMillis();
      if (wait > 0) Thread.sleep(wait);
    }
    throw new InterruptedException();
  }

  private void report(Inventory inv, PublishResult r) {
    StringBuilder b = new StringBuilder("scan ").append(inv.scanTime()).append(": ").append(inv.agents().size())
        .append(" agents (").append(inv.ghosts().size()).append(" ghosts); published ").append(r.created()).append(" created, ")
        .append(r.updated()).append(" updated, ").append(r.unchanged()).append(" unchanged, ").append(r.deleted())
        .append(" deleted, ").append(r.failures().size()).append(" failed; layers");
    for (LayerStatus s : inv.layers()) {
      b.append(' ').append(s.layer()).append('=').append(s.state().id());
      if (!s.warnings().isEmpty()) b.append('(').append(s.warnings().size()).append(" warnings)");
    }
    log.accept(b.toString());
    inv.layers().forEach(s -> {
      if (!s.reason().isEmpty()) log.accept("  " + s.layer() + ": " + s.reason());
      s.warnings().forEach(w -> log.accept("  " + s.layer() + ": " + w));
    });
    r.failures().forEach(f -> log.accept("  publish: " + f));
    r.notes().forEach(n -> log.accept("  publish: " + n));
  }
}

package dev.wraith.incluster;

import dev.wraith.files.Failures;
import dev.wraith.model.Inventory;
import dev.wraith.model.LayerStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The in-cluster scanner: every interval, collect the node sensors' observations, obtain the inventory, publish it as
 * AgentReports and record metrics. A cycle that throws (a bug, an unreachable API) is logged and counted as failed;
 * the loop goes on. Only an interrupt stops it. With leader election, {@code mayPublish} is asked right before the
 * writes: a replica that lost the lease during its scan writes nothing. With a {@link FindingFeed}, the cycle's new and
 * changed findings are sent after the publish (the feed's sender bounds how long that takes).
 */
public record ScanLoop(SensorCollector sensors, InventorySource source, Publisher publisher, Metrics metrics, Clock clock,
    Consumer<String> log, BooleanSupplier mayPublish, Optional<FindingFeed> feed) {
  /**
   * What one cycle did: the inventory and publish result, or why it failed; {@code delivery} is what the
   * {@link FindingFeed} sent, when it sent anything; {@code history} why the cycle was not recorded, if it was not.
   */
  public record Cycle(Optional<Inventory> inventory, Optional<PublishResult> publish, Optional<FindingFeed.Sent> delivery,
      Optional<String> failure, Optional<String> history) {}

  public ScanLoop(SensorCollector sensors, InventorySource source, Publisher publisher, Metrics metrics, Clock clock,
      Consumer<String> log) {
    this(sensors, source, publisher, metrics, clock, log, () -> true);
  }

  public ScanLoop(SensorCollector sensors, InventorySource source, Publisher publisher, Metrics metrics, Clock clock,
      Consumer<String> log, BooleanSupplier mayPublish) {
    this(sensors, source, publisher, metrics, clock, log, mayPublish, Optional.empty());
  }

  /** This loop that also sends each cycle's new and changed findings through {@code feed}, after the publish. */
  public ScanLoop delivering(FindingFeed feed) {
    return new ScanLoop(sensors, source, publisher, metrics, clock, log, mayPublish, Optional.of(feed));
  }

  public Cycle runOnce() throws InterruptedException {
    Instant start = clock.instant();
    try {
      SensorCollection collected = sensors.collect();
      Inventory inventory = source.scan(collected);
      if (!mayPublish.getAsBoolean()) {
        String why = "lost the lease during the scan: nothing published";
        log.accept(why);
        return new Cycle(Optional.of(inventory), Optional.empty(), Optional.empty(), Optional.of(why), Optional.empty());
      }
      PublishResult result = publisher.publish(inventory);
      Instant end = clock.instant();
      metrics.recordScan(inventory, result, Duration.between(start, end), end);
      report(inventory, result);
      Optional<String> history = record(inventory, result);
      history.ifPresent(log);
      // last: a delivery that fails costs neither the published reports nor the history
      Optional<FindingFeed.Sent> sent = feed.flatMap(f -> f.deliver(inventory));
      sent.ifPresent(d -> {
        metrics.recordDelivery(d);
        log.accept(d.line());
      });
      return new Cycle(Optional.of(inventory), Optional.of(result), sent, Optional.empty(), history);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      metrics.recordFailure(clock.instant());
      String why = "scan cycle failed: " + Failures.describe(e, "the scan cycle");
      log.accept(why);
      return new Cycle(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(why), Optional.empty());
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

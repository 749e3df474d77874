package dev.wraith.incluster;

import dev.wraith.model.Inventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Opt-in delivery of each cycle's findings from the operator, sending only what is new or changed: a finding whose
 * uid was delivered before with the same substance is not sent again, however often it is scanned. The CLI supplies
 * the findings of an inventory (OCSF lines) and the sender (an HTTP deliverer); this class only decides what to send
 * and remembers what was acknowledged.
 *
 * <p>At least once: when some of a delivery failed, nothing it tried is remembered, so the next cycle sends those
 * findings again (a receiver drops duplicates by {@code finding_info.uid} and substance); findings dropped beyond the
 * sender's queue are simply not remembered, so the next cycle sends them. A finding no longer in the
 * inventory is forgotten, so it is sent again if it comes back; while a layer of the inventory failed, absent findings
 * are kept (they are missing, not gone), up to {@value #MAX_REMEMBERED} remembered findings. The memory is this
 * replica's: after a leader change the new leader sends the current findings once.
 */
public final class FindingFeed {
  static final int MAX_REMEMBERED = 100_000;

  /** One finding: its stable uid, a hash of what it says, and the line to send. */
  public record Finding(String uid, String substance, String line) {}

  /** What one send did: findings acknowledged, failed and dropped, and the line to log (never holds a token). */
  public record Sent(int delivered, int failed, int dropped, String line) {
    public boolean complete() {
      return failed == 0 && dropped == 0;
    }
  }

  /** Sends lines; never throws for an endpoint's failure (that is a {@link Sent} with failures). */
  public interface Sender {
    Sent send(List<String> lines);
  }

  private final Function<Inventory, List<Finding>> findings;
  private final Sender sender;
  private final Map<String, String> delivered = new HashMap<>();

  public FindingFeed(Function<Inventory, List<Finding>> findings, Sender sender) {
    this.findings = findings;
    this.sender = sender;
  }

  /** Sends the inventory's new and changed findings; empty when there were none to send. */
  public synchronized Optional<Sent> deliver(Inventory inventory) {
    List<Finding> current = findings.apply(inventory);
    List<Finding> pending = new ArrayList<>();
    for (Finding f : current) {
      if (!f.substance().equals(delivered.get(f.uid()))) pending.add(f);
    }
    Optional<Sent> sent = Optional.empty();
    if (!pending.isEmpty()) {
      Sent s = sender.send(pending.stream().map(Finding::line).toList());
      if (s.failed() == 0) { // the first ones were sent, the dropped rest are next cycle's
        pending.subList(0, Math.min(s.delivered(), pending.size())).forEach(f -> delivered.put(f.uid(), f.substance()));
      }
      sent = Optional.of(s);
    }
    forgetAbsent(current, AgentReports.failedLayer(inventory).isPresent());
    return sent;
  }

  /** How many findings are remembered as delivered. */
  synchronized int remembered() {
    return delivered.size();
  }

  private void forgetAbsent(List<Finding> current, boolean layerFailed) {
    if (layerFailed && delivered.size() <= MAX_REMEMBERED) return;
    delivered.keySet().retainAll(current.stream().map(Finding::uid).collect(java.util.stream.Collectors.toSet()));
  }
}

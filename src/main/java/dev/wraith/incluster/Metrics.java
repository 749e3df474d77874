package dev.wraith.incluster;

import dev.wraith.model.Inventory;
import dev.wraith.model.LayerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The scanner's Prometheus metrics in the text exposition format (version 0.0.4), from the last cycle: agents per
 * class and risk, whether each layer ran, how long the scan took and when it finished, how the publish went, and
 * counters of cycles and (once it sent something) of OCSF findings delivered, and whether this replica leads. Before the first cycle only the counters and the leader gauge have
 * samples. A replica that stands by for another is healthy without cycles of its own. Thread-safe.
 */
public final class Metrics {
  private record Last(Inventory inventory, PublishResult publish, double seconds, Instant at) {}

  /** Whether this replica scans: leading since a time (always, without leader election), or standing by for another. */
  private record Role(boolean leading, Instant since, String leader) {}

  private volatile Last last;
  private volatile Instant lastCycleEnd;
  private volatile Role role = new Role(true, Instant.EPOCH, "");
  private volatile Instant leaseOk;
  private volatile String leaseProblem = "";
  private final AtomicLong ok = new AtomicLong(), failed = new AtomicLong();
  private final AtomicLong ocsfDelivered = new AtomicLong(), ocsfFailed = new AtomicLong(), ocsfDropped = new AtomicLong();
  private volatile boolean delivering;
  private final dev.wraith.redact.Redactor redactor;

  /** Label values through the bundled redactor. */
  public Metrics() {
    this(dev.wraith.redact.Redactor.bundled());
  }

  /** @param redactor every label value goes through it */
  public Metrics(dev.wraith.redact.Redactor redactor) {
    this.redactor = redactor;
  }

  public void recordScan(Inventory inventory, PublishResult publish, Duration took, Instant at) {
    last = new Last(inventory, publish, took.toMillis() / 1000.0, at);
    lastCycleEnd = at;
    ok.incrementAndGet();
  }

  public void recordFailure(Instant at) {
    lastCycleEnd = at;
    failed.incrementAndGet();
  }

  /** What the OCSF delivery of a cycle's new and changed findings did. */
  public void recordDelivery(FindingFeed.Sent sent) {
    ocsfDelivered.addAndGet(sent.delivered());
    ocsfFailed.addAndGet(sent.failed());
    ocsfDropped.addAndGet(sent.dropped());
    delivering = true;
  }

  /** This replica won the lease at {@code since}: from now on it must finish cycles to stay healthy. */
  public void recordLeading(Instant since) {
    role = new Role(true, since, "");
  }

  /** Another replica (or, while unknown, nobody yet) leads; {@code leader} is its identity or "". */
  public void recordStandby(String leader) {
    role = new Role(false, Instant.EPOCH, leader);
  }

  /** The outcome of a call on the Lease: {@code problem} is "" when it succeeded. */
  public void recordLease(Instant at, String problem) {
    if (problem.isEmpty()) leaseOk = at;
    leaseProblem = problem;
  }

  public String render() {
    StringBuilder b = new StringBuilder();
    Last l = last;
    if (l != null) {
      family(b, "wraith_agents", "gauge", "Agents in the last inventory, by classification.");
      l.inventory().summary().forEach((c, n) -> sample(b, "wraith_agents", "classification", c.name(), n));
      family(b, "wraith_agents_by_risk", "gauge", "Agents in the last inventory, by risk.");
      l.inventory().riskCounts().forEach((r, n) -> sample(b, "wraith_agents_by_risk", "risk", r.name(), n));
      family(b, "wraith_layer_up", "gauge", "1 when the layer ran (fully or partly) in the last scan, 0 when it failed or was skipped; layer publish is the API writes.");
      for (LayerStatus s : layers(l)) {
        boolean up = s.state() == LayerStatus.State.RAN || s.state() == LayerStatus.State.PARTIAL;
        sample(b, "wraith_layer_up", "layer", s.layer(), up ? 1 : 0);
      }
      family(b, "wraith_layer_warnings", "gauge", "Warnings of each layer in the last scan (unreadable input, unreachable nodes, ...).");
      for (LayerStatus s : layers(l)) sample(b, "wraith_layer_warnings", "layer", s.layer(), s.warnings().size());
      family(b, "wraith_scan_duration_seconds", "gauge", "Duration of the last successful cycle: sensors, scan and publish.");
      b.append("wraith_scan_duration_seconds ").append(number(l.seconds())).append('\n');
      family(b, "wraith_last_scan_timestamp_seconds", "gauge", "When the last successful cycle finished, in Unix seconds.");
      b.append("wraith_last_scan_timestamp_seconds ").append(number(l.at().toEpochMilli() / 1000.0)).append('\n');
      family(b, "wraith_publish_failures", "gauge", "Kubernetes API writes that failed in the last publish.");
      b.append("wraith_publish_failures ").append(l.publish().failures().size()).append('\n');
    }
    family(b, "wraith_leader", "gauge", "1 while this replica holds the lease and scans, 0 while it stands by.");
    b.append("wraith_leader ").append(role.leading() ? 1 : 0).append('\n');
    family(b, "wraith_scans_total", "counter", "Scan cycles since start, by result.");
    sample(b, "wraith_scans_total", "result", "ok", ok.get());
    sample(b, "wraith_scans_total", "result", "failed", failed.get());
    if (delivering) {
      family(b, "wraith_ocsf_findings_total", "counter", "New and changed findings sent to --ocsf-url since start, by result.");
      sample(b, "wraith_ocsf_findings_total", "result", "delivered", ocsfDelivered.get());
      sample(b, "wraith_ocsf_findings_total", "result", "failed", ocsfFailed.get());
      sample(b, "wraith_ocsf_findings_total", "result", "dropped", ocsfDropped.get());
    }
    return b.toString();
  }

  /** The inventory's layers and the publish itself ("publish": failed when no write succeeded). */
  private static java.util.List<LayerStatus> layers(Last l) {
    java.util.List<LayerStatus> all = new java.util.ArrayList<>(l.inventory().layers());
    all.add(l.publish().status());
    return all;
  }

  /**
   * 200 while cycles keep finishing within {@code staleAfter} (or the first is still due, counted from the start or
   * from winning the lease), or while standing by for another replica; else 503.
   */
  public HttpEndpoint.Response health(Instant now, Instant started, Duration staleAfter) {
    Role r = role;
    if (!r.leading()) {
      Instant ok = leaseOk == null ? started : leaseOk;
      String problem = leaseProblem;
      if (!problem.isEmpty() && Duration.between(ok, now).compareTo(staleAfter) >= 0) {
        return HttpEndpoint.Response.text(503, "stale: standing by, cannot use the lease: " + problem + "\n");
      }
      return HttpEndpoint.Response.text(200, "ok: standing by" + (r.leader().isEmpty() ? "" : ", leader " + r.leader()) + "\n");
    }
    Instant end = lastCycleEnd;
    Instant since = end == null || end.isBefore(r.since()) ? (r.since().isAfter(started) ? r.since() : started) : end;
    boolean fresh = Duration.between(since, now).compareTo(staleAfter) < 0;
    String what = end == null ? "no cycle finished yet" : "last cycle finished " + end;
    return HttpEndpoint.Response.text(fresh ? 200 : 503, (fresh ? "ok: " : "stale: ") + what + "\n");
  }

  public Map<String, Supplier<HttpEndpoint.Response>> routes(java.time.Clock clock, Duration staleAfter) {
    Instant started = clock.instant();
    return Map.of("/metrics", () -> new HttpEndpoint.Response(200, "text/plain; version=0.0.4; charset=utf-8",
            render().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "/healthz", () -> health(clock.instant(), started, staleAfter));
  }

  private static void family(StringBuilder b, String name, String type, String help) {
    b.append("# HELP ").append(name).append(' ').append(help).append('\n');
    b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  private void sample(StringBuilder b, String name, String label, String value, long n) {
    b.append(name).append('{').append(label).append("=\"").append(escape(redactor.text(value))).append("\"} ").append(n).append('\n');
  }

  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String number(double d) {
    return String.format(Locale.ROOT, "%.3f", d);
  }
}

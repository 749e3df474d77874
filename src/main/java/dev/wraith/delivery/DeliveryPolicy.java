package dev.wraith.delivery;

import java.time.Duration;

/**
 * How hard a delivery tries. {@code queue} bounds the findings held for sending (the rest are dropped, counted, and
 * stay in the results file); {@code batch} findings go in one request; a failed request is retried after
 * {@code firstBackoff}, doubling up to {@code maxBackoff} (a Retry-After header is honoured up to it), at most
 * {@code attempts} times per batch; nothing is sent after {@code deadline}; one request waits at most
 * {@code requestTimeout}.
 */
public record DeliveryPolicy(int queue, int batch, int attempts, Duration firstBackoff, Duration maxBackoff,
    Duration requestTimeout, Duration deadline) {
  public static final int DEFAULT_QUEUE = 10_000;

  public DeliveryPolicy {
    if (queue < 1 || batch < 1 || attempts < 1) throw new IllegalArgumentException("queue, batch and attempts must be positive");
  }

  /** 100 findings a request, 6 attempts, 0.5 s doubling to 10 s, 10 s a request, within {@code deadline}. */
  public static DeliveryPolicy standard(int queue, Duration deadline) {
    return new DeliveryPolicy(queue, 100, 6, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(10),
        deadline);
  }
}

package dev.wraith.delivery;

import java.util.Optional;

/**
 * What one delivery did: findings delivered (acknowledged with a 2xx), failed (still undelivered when retries or the
 * deadline ran out, or refused for good), dropped (beyond the queue's capacity, never sent), the requests it took,
 * and the last error in plain words (never a token).
 */
public record DeliveryResult(String sink, String endpoint, int delivered, int failed, int dropped, int requests,
    Optional<String> lastError) {

  /** True when every finding was delivered. */
  public boolean complete() {
    return failed == 0 && dropped == 0;
  }

  /** "OCSF delivery to webhook http://…/hook: 12 delivered, 0 failed, 0 dropped (3 requests)" (+ the last error). */
  public String line() {
    return "OCSF delivery to " + sink + " " + endpoint + ": " + delivered + " delivered, " + failed + " failed, "
        + dropped + " dropped (" + requests + " request" + (requests == 1 ? "" : "s") + ")"
        + (complete() ? "" : lastError.map(e -> "; last error: " + e).orElse(""));
  }
}

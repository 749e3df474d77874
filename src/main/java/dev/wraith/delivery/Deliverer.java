package dev.wraith.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends findings (one JSON object per line, as findings.ocsf.jsonl holds them) to a {@link Sink}, in batches, at
 * least once: a request that failed is sent again (HTTP 408, 429 and 5xx, resets, timeouts) after an exponential
 * backoff with jitter, until it is acknowledged with a 2xx, the batch's attempts are spent or the deadline passes. A
 * refusal (another 4xx) is final; 401, 403 and 404 also end the delivery, since every later batch would meet them.
 * Findings beyond the queue's capacity are dropped (the first ones, most alarming in the file's order, are kept).
 * Every finding carries {@code metadata.uid}, so a receiver can drop the duplicates a retry may cause. Messages name
 * the endpoint without query or user info and never hold the token or a response body.
 */
public final class Deliverer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Sink sink;
  private final DeliveryPolicy policy;
  private final String userAgent;
  private final HttpClient http;

  public Deliverer(Sink sink, DeliveryPolicy policy, String userAgent) {
    this.sink = sink;
    this.policy = policy;
    this.userAgent = userAgent;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(policy.requestTimeout()).build();
  }

  public DeliveryResult deliver(List<String> lines) {
    Instant deadline = Instant.now().plus(policy.deadline());
    List<String> queued = lines.subList(0, Math.min(lines.size(), policy.queue()));
    int dropped = lines.size() - queued.size();
    int delivered = 0;
    int failed = 0;
    int requests = 0;
    Optional<String> lastError = Optional.empty();
    for (int from = 0; from < queued.size(); from += policy.batch()) {
      List<String> batch = queued.subList(from, Math.min(queued.size(), from + policy.batch()));
      Outcome o = send(batch, deadline);
      requests += o.requests();
      if (o.error().isEmpty()) {
        delivered += batch.size();
        continue;
      }
      failed += batch.size();
      lastError = o.error();
      if (o.stop()) {
        failed += queued.size() - Math.min(queued.size(), from + policy.batch());
        break;
      }
    }
    if (dropped > 0 && lastError.isEmpty()) lastError = Optional.of(dropped + " beyond the queue of " + policy.queue());
    return new DeliveryResult(sink.kind(), sink.display(), delivered, failed, dropped, requests, lastError);
  }

  /** One batch: requests made, the error if it was not delivered, whether the rest should not be tried. */
  private record Outcome(int requests, Optional<String> error, boolean stop) {}

  private Outcome send(List<String> batch, Instant deadline) {
    byte[] body = body(batch);
    Duration backoff = policy.firstBackoff();
    String error = "";
    int requests = 0;
    for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.isNegative() || left.isZero()) return new Outcome(requests, Optional.of(deadlineError(error)), true);
      requests++;
      Optional<Duration> retryAfter = Optional.empty();
      try {
        HttpResponse<Void> r = http.send(request(body, min(policy.requestTimeout(), left)),
            HttpResponse.BodyHandlers.discarding());
        int code = r.statusCode();
        if (code >= 200 && code < 300) return new Outcome(requests, Optional.empty(), false);
        error = "HTTP " + code + meaning(code);
        if (!retryable(code)) return new Outcome(requests, Optional.of(error), code == 401 || code == 403 || code == 404);
        retryAfter = r.headers().firstValue("Retry-After").flatMap(Deliverer::seconds);
      } catch (HttpTimeoutException e) {
        error = "no answer within " + min(policy.requestTimeout(), left).toMillis() + " ms";
      } catch (ConnectException e) {
        error = "connection refused or unreachable";
      } catch (IOException e) {
        error = transport(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Outcome(requests, Optional.of("interrupted"), true);
      }
      if (attempt == policy.attempts()) break;
      Duration wait = retryAfter.map(ra -> min(ra, policy.maxBackoff())).orElse(jitter(backoff));
      Duration remaining = Duration.between(Instant.now(), deadline);
      if (remaining.compareTo(wait) <= 0) return new Outcome(requests, Optional.of(deadlineError(error)), true);
      if (!sleep(wait)) return new Outcome(requests, Optional.of("interrupted"), true);
      backoff = min(backoff.multipliedBy(2), policy.maxBackoff());
    }
    return new Outcome(requests, Optional.of(error + " after " + policy.attempts() + " attempts"), false);
  }

  private HttpRequest request(byte[] body, Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(sink.endpoint()).timeout(timeout)
        .header("User-Agent", userAgent)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (sink instanceof Sink.SplunkHec hec) {
      b.header("Content-Type", "application/json").header("Authorization", "Splunk " + hec.token().reveal());
    } else if (sink instanceof Sink.Webhook hook) {
      b.header("Content-Type", hook.body() == Sink.Body.ARRAY ? "application/json" : "application/x-ndjson");
      hook.token().ifPresent(t -> b.header("Authorization", "Bearer " + t.reveal()));
    }
    return b.build();
  }

  /** HEC: one event object per finding; webhook: the lines themselves, or one array of them. */
  private byte[] body(List<String> batch) {
    try {
      if (sink instanceof Sink.Webhook hook && hook.body() == Sink.Body.ARRAY) {
        ArrayNode array = JSON.createArrayNode();
        for (String line : batch) array.add(JSON.readTree(line));
        return JSON.writeValueAsBytes(array);
      }
      StringBuilder out = new StringBuilder();
      for (String line : batch) {
        if (sink instanceof Sink.SplunkHec) {
          ObjectNode event = JSON.createObjectNode();
          event.set("event", JSON.readTree(line));
          event.put("source", "wraith");
          event.put("sourcetype", "ocsf:detection_finding");
          out.append(JSON.writeValueAsString(event));
        } else {
          out.append(line);
        }
        out.append('\n');
      }
      return out.toString().getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a finding line is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  static boolean retryable(int code) {
    return code == 408 || code == 429 || code >= 500;
  }

  private static String meaning(int code) {
    return switch (code) {
      case 401, 403 -> " (the endpoint refused the token; check WRAITH_OCSF_TOKEN_FILE or WRAITH_OCSF_TOKEN)";
      case 404 -> " (no such endpoint; check --ocsf-url)";
      case 400 -> " (the endpoint rejected the data)";
      case 413 -> " (request too large)";
      case 429, 503 -> " (busy)";
      default -> "";
    };
  }

  /** A transport failure in words, by the exception types under it; the JDK's wording goes to --debug only. */
  static String transport(IOException failure) {
    System.getLogger(Deliverer.class.getName()).log(System.Logger.Level.DEBUG, "delivery request failed", failure);
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.net.UnknownHostException) return "unknown host; check --ocsf-url";
      if (t instanceof javax.net.ssl.SSLException) {
        return "TLS failed (is the certificate trusted by this Java, and is the endpoint https?)";
      }
      if (t instanceof java.net.NoRouteToHostException) return "no route to the host";
      if (t instanceof java.io.EOFException || t instanceof java.net.SocketException) {
        return "the connection was closed before an answer";
      }
    }
    String m = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(java.util.Locale.ROOT);
    if (m.contains("closed") || m.contains("reset")) return "the connection was closed before an answer";
    return "connection failed (run with --debug for details)";
  }

  private static String deadlineError(String last) {
    return "deadline passed" + (last.isEmpty() ? "" : " (last: " + last + ")");
  }

  private static Optional<Duration> seconds(String header) {
    try {
      long s = Long.parseLong(header.trim());
      return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty(); // an HTTP date: use our own backoff
    }
  }

  /** ±20 %, so many scanners that failed together do not retry together. */
  private static Duration jitter(Duration d) {
    double f = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis(Math.max(1, (long) (d.toMillis() * f)));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

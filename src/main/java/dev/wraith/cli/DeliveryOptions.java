package dev.wraith.cli;

import dev.wraith.delivery.Deliverer;
import dev.wraith.delivery.DeliveryPolicy;
import dev.wraith.delivery.Secret;
import dev.wraith.delivery.Sink;
import dev.wraith.files.SecretFile;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Opt-in delivery of the OCSF findings to Splunk HEC or a webhook. The token never comes from the command line: it is
 * the first line of the file WRAITH_OCSF_TOKEN_FILE names, else WRAITH_OCSF_TOKEN.
 */
final class DeliveryOptions {
  static final String TOKEN_FILE = "WRAITH_OCSF_TOKEN_FILE";
  static final String TOKEN = "WRAITH_OCSF_TOKEN";
  /** The most read of a token file: a token is a line, never megabytes. */

  @Option(names = "--ocsf-url", paramLabel = "URL", defaultValue = "${env:WRAITH_OCSF_URL}",
      description = "Also send the OCSF findings to this http(s) endpoint (scan-all: findings.ocsf.jsonl, after the "
          + "results are written; operator: each cycle's new and changed findings): Splunk HEC (a base URL gets "
          + "/services/collector/event) or a webhook. Off by default. "
          + "Token: WRAITH_OCSF_TOKEN_FILE or WRAITH_OCSF_TOKEN, never an option. Env: WRAITH_OCSF_URL.")
  String url;

  @Option(names = "--ocsf-sink", paramLabel = "splunk-hec|webhook", defaultValue = "${env:WRAITH_OCSF_SINK:-webhook}",
      description = "What --ocsf-url is: splunk-hec (token required, sent as 'Authorization: Splunk TOKEN') or "
          + "webhook (token optional, sent as 'Authorization: Bearer TOKEN'). Default: ${DEFAULT-VALUE}. "
          + "Env: WRAITH_OCSF_SINK.")
  String sink;

  @Option(names = "--ocsf-body", paramLabel = "lines|array", defaultValue = "${env:WRAITH_OCSF_BODY:-lines}",
      description = "Webhook request body: JSON lines (application/x-ndjson) or one JSON array. "
          + "Default: ${DEFAULT-VALUE}. Env: WRAITH_OCSF_BODY.")
  String body;

  @Option(names = "--ocsf-timeout", paramLabel = "SECONDS", defaultValue = "${env:WRAITH_OCSF_TIMEOUT:-60}",
      description = "Give up delivering after this long (retries back off from 0.5 s to 10 s). "
          + "Default: ${DEFAULT-VALUE}. Env: WRAITH_OCSF_TIMEOUT.")
  int timeoutSeconds;

  @Option(names = "--ocsf-queue", paramLabel = "N", defaultValue = "${env:WRAITH_OCSF_QUEUE:-10000}",
      description = "Send at most N findings a run (the most alarming first); the rest are counted as dropped and stay "
          + "in findings.ocsf.jsonl (the operator sends them next cycle). Default: ${DEFAULT-VALUE}. Env: WRAITH_OCSF_QUEUE.")
  int queue;

  /** The deliverer, or empty when --ocsf-url is not set; every mistake is a usage error, checked before any scan. */
  Optional<Deliverer> deliverer(Map<String, String> env, String toolVersion) {
    if (url == null || url.isBlank()) return Optional.empty();
    if (timeoutSeconds < 1 || timeoutSeconds > 3600) throw new Main.UsageProblem("--ocsf-timeout must be 1..3600 seconds");
    if (queue < 1) throw new Main.UsageProblem("--ocsf-queue must be at least 1");
    boolean hec = switch (sink.trim().toLowerCase(Locale.ROOT)) {
      case "splunk-hec", "hec", "splunk" -> true;
      case "webhook" -> false;
      default -> throw new Main.UsageProblem("--ocsf-sink '" + sink + "': expected splunk-hec or webhook");
    };
    java.net.URI endpoint;
    try {
      endpoint = Sink.endpoint(url, hec);
    } catch (IllegalArgumentException e) {
      throw new Main.UsageProblem("--ocsf-url: " + e.getMessage());
    }
    Optional<Secret> token = token(env);
    Sink target;
    if (hec) {
      target = new Sink.SplunkHec(endpoint, token.orElseThrow(() -> new Main.UsageProblem(
          "--ocsf-sink splunk-hec needs the HEC token; set " + TOKEN_FILE + " (a file holding it) or " + TOKEN)));
    } else {
      Sink.Body b = Sink.Body.parse(body).orElseThrow(
          () -> new Main.UsageProblem("--ocsf-body '" + body + "': expected lines or array"));
      target = new Sink.Webhook(endpoint, b, token);
    }
    return Optional.of(new Deliverer(target, DeliveryPolicy.standard(queue, Duration.ofSeconds(timeoutSeconds)),
        "wraith/" + toolVersion));
  }

  static Optional<Secret> token(Map<String, String> env) {
    String file = env.getOrDefault(TOKEN_FILE, "");
    if (!file.isEmpty()) {
      try {
        return Optional.of(new Secret(SecretFile.firstLine(TOKEN_FILE, file, "the token").strip()));
      } catch (SecretFile.Unusable e) {
        throw new Main.UsageProblem(e.getMessage());
      }
    }
    String v = env.getOrDefault(TOKEN, "").strip();
    return v.isEmpty() ? Optional.empty() : Optional.of(new Secret(v));
  }
}

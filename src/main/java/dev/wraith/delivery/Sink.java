package dev.wraith.delivery;

import dev.wraith.redact.Redactor;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where findings go: Splunk's HTTP Event Collector (each finding wrapped as an HEC event, {@code Authorization:
 * Splunk TOKEN}) or a generic webhook (JSON lines or one JSON array per request, optional {@code Authorization:
 * Bearer TOKEN}). The endpoint never carries credentials: a URL with user info is refused.
 */
public sealed interface Sink permits Sink.SplunkHec, Sink.Webhook {
  /** HEC's event endpoint, used when the URL names no path. */
  String HEC_PATH = "/services/collector/event";

  URI endpoint();

  /** "splunk-hec" or "webhook". */
  String kind();

  /** scheme://host[:port]/path: what messages name (no query, no user info). */
  default String display() {
    URI u = endpoint();
    return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + u.getPath();
  }

  record SplunkHec(URI endpoint, Secret token) implements Sink {
    @Override
    public String kind() {
      return "splunk-hec";
    }
  }

  /** How a webhook request body holds the findings. */
  enum Body {
    /** One finding per line, {@code application/x-ndjson}. */
    LINES,
    /** One JSON array, {@code application/json}. */
    ARRAY;

    public static Optional<Body> parse(String text) {
      return switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "lines", "jsonl", "ndjson" -> Optional.of(LINES);
        case "array", "json" -> Optional.of(ARRAY);
        default -> Optional.empty();
      };
    }
  }

  record Webhook(URI endpoint, Body body, Optional<Secret> token) implements Sink {
    @Override
    public String kind() {
      return "webhook";
    }
  }

  /**
   * Checks an endpoint URL: http or https, a host, no user info. For HEC an empty path becomes {@link #HEC_PATH}.
   *
   * @throws IllegalArgumentException with a sentence that never repeats user info
   */
  static URI endpoint(String text, boolean hec) {
    URI u;
    try {
      u = new URI(text.trim());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("'" + Redactor.bundled().text(text) + "' is not a URL (" + e.getReason() + ")");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) throw new IllegalArgumentException("the URL must be http or https");
    if (u.getRawUserInfo() != null) {
      throw new IllegalArgumentException("the URL carries credentials; put the token in WRAITH_OCSF_TOKEN_FILE or "
          + "WRAITH_OCSF_TOKEN instead");
    }
    if (u.getHost() == null) throw new IllegalArgumentException("the URL names no host");
    if (hec && (u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/"))) {
      u = u.resolve(HEC_PATH);
    }
    return u;
  }
}

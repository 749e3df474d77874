package dev.wraith.catalogue;

import dev.wraith.model.Confidence;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises AI endpoints in a string: a URL or a bare hostname that a catalogue host pattern matches, or
 * a URL to a self-hosted server recognised by its default port together with one of its API paths or its
 * name in the host (http://ollama:11434). Evidence is scheme://host[:port][path] only: query strings and
 * user-info (where credentials hide) are never kept.
 */
public final class EndpointMatcher {
  private static final Pattern URL = Pattern.compile(
      "(?i)\\b(https?|wss?|grpcs?)://(?:[^@/\\s\"'`]*@)?([a-z0-9.-]+|\\[[0-9a-f:]+\\])(?::(\\d{1,5}))?(/[^\\s?#\"'`]*)?");
  private static final Pattern BARE_HOST = Pattern.compile("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)+");

  /** A match: the provider, the evidence to print, and how sure it is. */
  public record Match(Provider provider, String evidence, Confidence confidence) {}

  private final Catalogue catalogue;

  public EndpointMatcher(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  public Optional<Match> match(String text) {
    if (text.length() > 4096) return Optional.empty();
    // most strings in code are neither: both patterns need characters checked here first, without a regex
    Matcher m = text.contains("://") ? URL.matcher(text) : null;
    while (m != null && m.find()) {
      String host = HostPattern.normalise(m.group(2));
      int port = m.group(3) == null ? -1 : parsePort(m.group(3));
      String path = m.group(4) == null ? "" : m.group(4);
      String evidence = m.group(1).toLowerCase(Locale.ROOT) + "://" + host + (port > 0 ? ":" + port : "") + path;
      Optional<Provider> byHost = catalogue.providerForHost(host);
      if (byHost.isPresent()) return Optional.of(match(byHost.get(), evidence, Confidence.HIGH));
      if (port > 0) {
        for (Provider p : catalogue.providers()) {
          if (!p.ports().contains(port)) continue;
          boolean pathMatch = p.paths().stream().anyMatch(path::startsWith);
          boolean nameInHost = host.contains(p.id());
          if (pathMatch || nameInHost) return Optional.of(match(p, evidence, pathMatch && nameInHost ? Confidence.HIGH : Confidence.MEDIUM));
        }
      }
    }
    String t = text.trim();
    if (t.length() <= 253 && mayBeHost(t) && BARE_HOST.matcher(t).matches()) {
      return catalogue.providerForHost(t).map(p -> match(p, HostPattern.normalise(t), Confidence.MEDIUM));
    }
    return Optional.empty();
  }

  /** The provider's maturity has the last word on the confidence. */
  private static Match match(Provider p, String evidence, Confidence detected) {
    return new Match(p, evidence, p.maturity().confidence(detected));
  }

  /** A necessary condition for {@link #BARE_HOST}: a dot, and nothing but ASCII letters, digits, '-' and '.'. */
  private static boolean mayBeHost(String t) {
    boolean dot = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '.') dot = true;
      else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    return dot;
  }

  private static int parsePort(String s) {
    int p = Integer.parseInt(s);
    return p > 0 && p < 65536 ? p : -1;
  }
}

package dev.wraith.catalogue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A hostname pattern from the catalogue. A '*' matches one or more of [a-z0-9-] inside a single DNS label,
 * so {@code *.openai.azure.com} matches {@code acme.openai.azure.com} but not {@code a.b.openai.azure.com}
 * and never {@code openai.azure.com.evil.net}.
 */
public record HostPattern(String text, Pattern regex) {
  private static final Pattern VALID = Pattern.compile("[a-z0-9*]([a-z0-9*-]*[a-z0-9*])?(\\.[a-z0-9*]([a-z0-9*-]*[a-z0-9*])?)+");

  public static HostPattern parse(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (!VALID.matcher(t).matches()) throw new IllegalArgumentException("not a hostname pattern: '" + text + "'");
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '*') re.append("[a-z0-9-]+");
      else if (c == '.') re.append("\\.");
      else re.append(c);
    }
    return new HostPattern(t, Pattern.compile(re.toString()));
  }

  public boolean isWildcard() {
    return text.indexOf('*') >= 0;
  }

  /** The longest literal run of the pattern, used as a prefilter token (e.g. ".openai.azure.com"). */
  public String literalCore() {
    String best = "";
    for (String part : text.split("\\*", -1)) if (part.length() > best.length()) best = part;
    return best.startsWith(".") ? best.substring(1) : best;
  }

  public boolean matches(String normalisedHost) {
    return regex.matcher(normalisedHost).matches();
  }

  /** Lower-cases and strips a trailing root dot. */
  public static String normalise(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  @Override
  public String toString() {
    return text;
  }
}

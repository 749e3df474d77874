package dev.wraith.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks argument values that may be secrets before anything else sees them: the value after (or {@code =} in)
 * a key-like flag, {@code NAME=value} words (env assignments, header lines), {@code Bearer} tokens, words that
 * look like known token formats or long random strings (32+ characters mixing letters and digits), and user-info or query strings in URLs. Masked text is
 * {@code ***}; the name in front of it stays, so the report still says which setting holds a secret.
 */
final class Masking {
  static final String MASK = "***";
  private static final Pattern KEY_NAME = Pattern.compile("(?i).*(key|token|secret|passw|pwd|auth|credential|cookie|session|bearer).*");
  private static final Pattern TOKEN_SHAPE = Pattern.compile(
      "(?i)(sk-|sk_|ghp_|gho_|ghs_|github_pat_|glpat-|xox[abpr]-|akia|eyj|hf_|npm_|pypi-).*|(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9+/_=-]{32,}");
  private static final Pattern URL_SECRET = Pattern.compile("(?i)^([a-z][a-z0-9+.-]*://)[^/@\\s]*@");

  private Masking() {}

  static List<String> args(List<String> raw) {
    List<String> out = new ArrayList<>();
    boolean maskNext = false;
    boolean nameNext = false;
    for (String a : raw) {
      out.add(maskNext ? MASK : nameNext ? nameOnly(a) : word(a));
      maskNext = a.startsWith("-") && !a.contains("=") && KEY_NAME.matcher(a).matches();
      nameNext = List.of("-e", "--env", "-H", "--header").contains(a);
    }
    return out;
  }

  /** {@code -e NAME=value} and {@code -H "Name: value"} keep the name: it is what the report is for. */
  private static String nameOnly(String a) {
    int cut = a.indexOf('=') > 0 ? a.indexOf('=') : a.indexOf(':');
    return cut > 0 ? a.substring(0, cut + 1) + MASK : a;
  }

  static String word(String a) {
    if (a.equalsIgnoreCase("bearer") || a.toLowerCase(java.util.Locale.ROOT).startsWith("bearer ")) return a.length() > 6 ? "Bearer " + MASK : a;
    int eq = a.indexOf('=');
    int colon = a.indexOf(':');
    int scheme = a.indexOf("://");
    if (scheme >= 0 && (eq < 0 || scheme < eq)) return url(a);
    if (eq > 0) return keepsValue(a.substring(0, eq), a.substring(eq + 1)) ? a : a.substring(0, eq + 1) + MASK;
    if (colon > 0 && colon < a.length() - 1 && a.charAt(colon + 1) == ' ') return a.substring(0, colon + 1) + " " + MASK;
    if (TOKEN_SHAPE.matcher(a).matches() && !Launch.isPath(a)) return MASK;
    return a;
  }

  /** Only {@code --flag=value} with a harmless flag name and value keeps its value; bare NAME=value never does,
   * but a Python version specifier does. */
  private static boolean keepsValue(String name, String value) {
    if (value.startsWith("=") || name.matches(".*[<>~!]")) return true; // a version specifier: pkg==1.2, pkg>=1
    return name.startsWith("-") && !KEY_NAME.matcher(name).matches() && word(value).equals(value);
  }

  /** A URL argument keeps scheme, host, port and path; credentials and query are masked. */
  private static String url(String a) {
    String s = URL_SECRET.matcher(a).replaceFirst("$1" + MASK + "@");
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q + 1) + MASK;
  }
}

package dev.wraith.code.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Masks what may be a secret in a command line before it is recorded: values of credential-looking flags
 * and assignments ({@code --api-key=...}, {@code --token X}, {@code PASSWORD=...}), well-known key shapes
 * ({@code sk-...}, {@code ghp_...}, {@code AKIA...}), long random-looking tokens, and the user-info and
 * query of URLs. Commands are kept for correlation, so the rest of the line stays as written.
 */
final class SecretMask {
  static final String MASK = "***";
  private static final int MAX_TOKEN = 4096;
  private static final Pattern SECRET_NAME = Pattern.compile(
      "(?i).*(key|token|secret|passw|pwd|auth|credential|bearer|session|cookie|private).*");
  private static final Pattern KEY_SHAPE = Pattern.compile(
      "(?:sk-|sk_|pk_|rk_|ghp_|gho_|ghs_|github_pat_|glpat-|xox[abposr]-|AKIA|ASIA|AIza|hf_|gsk_|r8_|pcsk_)[A-Za-z0-9_\\-]{8,}.*");
  private static final Pattern RANDOM = Pattern.compile("[A-Za-z0-9+/=_\\-.]{32,}");
  private static final Pattern URL_USERINFO = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)[^/@\\s]*@");
  private static final Pattern URL_QUERY = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^\\s?#]*)[?#]\\S*");

  private SecretMask() {}

  /** The argv with secret-looking parts masked. */
  static List<String> argv(List<String> argv) {
    List<String> out = new ArrayList<>(argv.size());
    boolean maskNext = false;
    for (String a : argv) {
      if (maskNext) {
        out.add(MASK);
        maskNext = false;
        continue;
      }
      out.add(token(a));
      maskNext = a.startsWith("-") && a.length() < 100 && !a.contains("=") && SECRET_NAME.matcher(a).matches();
    }
    return out;
  }

  /** A shell command text with secret-looking words masked (split on whitespace, re-joined with one space). */
  static String line(String text) {
    return String.join(" ", argv(List.of(text.trim().split("\\s+"))));
  }

  private static String token(String t) {
    if (t.strip().contains(" ") || t.contains("\t") || t.contains("\n")) return line(t);
    if (t.length() > MAX_TOKEN) return MASK; // no word that long is an identity; and it bounds the regexes below
    String s = URL_QUERY.matcher(URL_USERINFO.matcher(t).replaceAll("$1")).replaceAll("$1");
    int eq = s.indexOf('=');
    if (eq > 0 && SECRET_NAME.matcher(s.substring(0, eq)).matches()) return s.substring(0, eq + 1) + MASK;
    String bare = s.replaceAll("^[\"']|[\"']$", "");
    if (KEY_SHAPE.matcher(bare).matches()) return MASK;
    if (RANDOM.matcher(bare).matches() && !bare.contains("/") && looksRandom(bare)) return MASK;
    return s;
  }

  /** Long tokens mixing letter cases and digits, as keys do; paths and dotted names are left alone. */
  private static boolean looksRandom(String s) {
    boolean upper = false, lower = false, digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      upper |= Character.isUpperCase(c);
      lower |= Character.isLowerCase(c);
      digit |= Character.isDigit(c);
    }
    return digit && ((upper && lower) || (s.toLowerCase(Locale.ROOT).equals(s) && s.length() >= 40));
  }
}

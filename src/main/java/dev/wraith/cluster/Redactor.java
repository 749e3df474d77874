package dev.wraith.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes a command line safe to print: the value after a credential-looking flag ({@code --api-key X},
 * {@code --token=X}), {@code NAME=value} pairs whose name looks like a credential, tokens shaped like
 * well-known API keys, and the user-info and query of URLs become {@code ***}.
 */
final class Redactor {
  static final String MASK = "***";
  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|token|secret|passw|pwd|credential|auth).*");
  private static final Pattern KEY_SHAPE = Pattern.compile(
      "(?i)^(sk-|sk_|pk_|rk_|ghp_|gho_|ghs_|github_pat_|xox[abprs]-|hf_|gsk_|AIza|AKIA|ASIA|eyJ)[A-Za-z0-9._\\-]{8,}$");
  private static final Pattern URL_SECRETS = Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)[^/@\\s]*@|\\?[^\\s]*");
  private static final Pattern NAME = Pattern.compile("-{0,2}[A-Za-z_][A-Za-z0-9_.-]*");
  private static final int MAX = 300;

  private Redactor() {}

  static String command(List<String> argv) {
    List<String> out = new ArrayList<>();
    boolean maskNext = false;
    for (String arg : argv) {
      if (maskNext) {
        out.add(MASK);
        maskNext = false;
        continue;
      }
      out.add(token(arg));
      maskNext = arg.startsWith("-") && !arg.contains("=") && SECRET_NAME.matcher(arg).matches();
    }
    String line = String.join(" ", out);
    return line.length() > MAX ? line.substring(0, MAX - 1) + "…" : line;
  }

  private static String token(String arg) {
    if (arg.contains("://")) {
      return URL_SECRETS.matcher(arg).replaceAll(m -> m.group(1) != null ? m.group(1) + MASK + "@" : "?" + MASK);
    }
    int eq = arg.indexOf('=');
    if (eq > 0 && NAME.matcher(arg.substring(0, eq)).matches() && SECRET_NAME.matcher(arg.substring(0, eq)).matches()) {
      return arg.substring(0, eq + 1) + MASK;
    }
    if (KEY_SHAPE.matcher(arg).matches()) return MASK;
    return arg;
  }
}

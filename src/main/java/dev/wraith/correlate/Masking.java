package dev.wraith.correlate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A last guard before anything leaves the correlation: argument words that look like credentials become "***" even
 * if a layer's own masking missed them. Layers already mask their command lines; this catches what they do not know.
 */
final class Masking {
  static final String MASK = "***";
  private static final Pattern KEY_PREFIX = Pattern.compile(
      "(?i)(sk-|sk_|rk_|pk_|xox[abpr]-|ghp_|gho_|github_pat_|glpat-|AKIA|ASIA|AIza|hf_|eyJ)[A-Za-z0-9._-]{8,}");
  private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9+/_=-]{32,}");
  private static final Pattern SECRET_FLAG = Pattern.compile("(?i)--?[a-z-]*(key|token|secret|password|passwd|credential)[a-z-]*");
  private static final Pattern ASSIGN = Pattern.compile("(?i)([a-z_-]*(key|token|secret|password|passwd)[a-z_-]*[=:]).+");

  private Masking() {}

  static List<String> argv(List<String> argv) {
    String[] out = argv.toArray(String[]::new);
    for (int i = 0; i < out.length; i++) {
      if (i > 0 && SECRET_FLAG.matcher(argv.get(i - 1)).matches() && !argv.get(i).startsWith("-")) out[i] = MASK;
      else out[i] = word(argv.get(i));
    }
    return List.of(out);
  }

  static String word(String w) {
    if (w.equals(MASK)) return w;
    var assign = ASSIGN.matcher(w);
    if (assign.matches()) return assign.group(1) + MASK;
    String masked = KEY_PREFIX.matcher(w).replaceAll(MASK);
    if (!masked.equals(w)) return masked;
    if (LONG_TOKEN.matcher(w).matches() && !w.contains("/") && mixed(w)) return MASK;
    return w;
  }

  static String line(String text) {
    return String.join(" ", argv(List.of(text.split(" ", -1))));
  }

  private static boolean mixed(String w) {
    return w.chars().anyMatch(Character::isDigit) && w.chars().anyMatch(Character::isLetter);
  }
}
